// The invoice facts an imported column can carry. `customer` is an id or code when the
// file has one (else the name); `balance` is what is still owed per the source tool,
// from which the paid part is derived when the file has no paid column.

export type ImportField =
  | 'number'
  | 'customer'
  | 'customer_name'
  | 'issue_date'
  | 'due_date'
  | 'terms_days'
  | 'amount'
  | 'paid_amount'
  | 'paid_date'
  | 'balance'
  | 'currency'
  | 'disputed'
  | 'description';

/** Every field, in the order the automatic mapping claims columns (ids before names). */
export const IMPORT_FIELDS: readonly ImportField[] = [
  'number',
  'customer',
  'customer_name',
  'issue_date',
  'due_date',
  'paid_date',
  'terms_days',
  'amount',
  'paid_amount',
  'balance',
  'currency',
  'disputed',
  'description',
];

export function isImportField(name: string): name is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(name);
}

/** Columns that hold calendar dates (their day/month order is detected per column). */
export const DATE_FIELDS = ['issue_date', 'due_date', 'paid_date'] as const satisfies readonly ImportField[];
export type DateField = (typeof DATE_FIELDS)[number];
