// Currencies offered in the pickers (ISO 4217). A book's or invoice's existing
// code is always offered too, even when it is not in this list.
export const COMMON_CURRENCIES = ['CNY', 'HKD', 'MOP', 'TWD', 'USD', 'EUR', 'GBP', 'JPY', 'KRW', 'SGD', 'AUD', 'CAD', 'CHF'] as const;

export function currencyOptions(current?: string): { value: string; label: string }[] {
  const codes: string[] = [...COMMON_CURRENCIES];
  if (current && !codes.includes(current)) codes.unshift(current);
  return codes.map((c) => ({ value: c, label: c }));
}
