// Bucket colours from calm to alarming; the "not yet due" bucket is neutral.
const AGED = ['#2f855a', '#b7791f', '#dd6b20', '#c05621', '#c53030', '#9b2c2c', '#742a2a'];

export function bucketColor(index: number, count: number, notYetDueFirst: boolean): string {
  if (notYetDueFirst && index === 0) return '#4a7c8c';
  const i = notYetDueFirst ? index - 1 : index;
  const n = notYetDueFirst ? count - 1 : count;
  // Spread the palette over however many buckets the book's bounds make.
  const pos = n <= 1 ? 0 : Math.round((i / (n - 1)) * (AGED.length - 1));
  return AGED[Math.min(Math.max(pos, 0), AGED.length - 1)] ?? '#718096';
}
