// Applying a payment to a customer's open invoices, automatically (oldest due first)
// or as the user typed it. Whatever is not applied stays as unapplied credit.
import type { Id, IsoDate, Minor } from './types';
import { ok, type FieldError, type Result } from './errors';

export interface OpenItem {
  invoiceId: Id;
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  balance: Minor;
}

export interface AllocationPlan {
  lines: { invoiceId: Id; amount: Minor }[];
  credit: Minor;
}

// Numeric-aware so INV-2 comes before INV-10; a fixed locale keeps the order the
// same on every device.
const numberCollator = new Intl.Collator('en', { numeric: true });

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Oldest due date first, ties by issue date, then invoice number (natural order).
 * The last tie-breaks (raw number text, id) make the order total, so the same items
 * give the same plan whatever order they arrive in.
 */
export function compareOpenItems(a: OpenItem, b: OpenItem): number {
  return (
    compareStrings(a.dueDate, b.dueDate) ||
    compareStrings(a.issueDate, b.issueDate) ||
    numberCollator.compare(a.number, b.number) ||
    compareStrings(a.number, b.number) ||
    compareStrings(a.invoiceId, b.invoiceId)
  );
}

/**
 * Spread `amount` over the open items, oldest first, never more than an item's
 * balance; items with no positive balance are skipped. The rest becomes credit, so
 * sum(lines) + credit === amount always (a non-positive amount is all credit).
 */
export function allocateOldestFirst(amount: Minor, open: OpenItem[]): AllocationPlan {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount must be a safe integer: ${amount}`);
  const lines: AllocationPlan['lines'] = [];
  let left = amount;
  const queue = open.filter((item) => item.balance > 0).sort(compareOpenItems);
  for (const item of queue) {
    if (left <= 0) break;
    const applied = Math.min(left, item.balance);
    lines.push({ invoiceId: item.invoiceId, amount: applied });
    left -= applied;
  }
  return { lines, credit: left };
}

/**
 * Check allocations the user entered. Zero lines are dropped; lines for the same
 * invoice are merged. Every problem is reported, each on its own field:
 *  - allocations.<i>.amount: 'money.invalid' (not an integer), 'money.negative',
 *    'allocation.exceedsBalance' (params.balance: the open balance in minor units)
 *  - allocations.<i>.invoiceId: 'invoice.notFound' (not among `open`)
 *  - amount: 'payment.overAllocated' when the lines add up to more than the payment
 *    (params.allocated, params.amount in minor units)
 * Pass every invoice of the customer that could be allocated to, including paid ones
 * (balance 0), so a paid invoice reads as "exceeds balance" rather than "not found".
 */
export function checkExplicitAllocation(
  amount: Minor,
  open: OpenItem[],
  lines: { invoiceId: Id; amount: Minor }[],
): Result<AllocationPlan> {
  const errors: FieldError[] = [];
  const byId = new Map(open.map((item) => [item.invoiceId, item]));
  const merged = new Map<Id, Minor>();
  let allocated = 0;

  lines.forEach((line, i) => {
    const field = `allocations.${i}.amount`;
    if (!Number.isSafeInteger(line.amount)) return void errors.push({ field, code: 'money.invalid' });
    if (line.amount < 0) return void errors.push({ field, code: 'money.negative' });
    if (line.amount === 0) return;
    const item = byId.get(line.invoiceId);
    if (!item) return void errors.push({ field: `allocations.${i}.invoiceId`, code: 'invoice.notFound' });
    const total = (merged.get(line.invoiceId) ?? 0) + line.amount;
    if (total > Math.max(item.balance, 0)) {
      errors.push({ field, code: 'allocation.exceedsBalance', params: { balance: Math.max(item.balance, 0) } });
    }
    merged.set(line.invoiceId, total);
    allocated += line.amount;
  });

  if (allocated > amount) errors.push({ field: 'amount', code: 'payment.overAllocated', params: { allocated, amount } });
  if (errors.length > 0) return { ok: false, errors };
  return ok({
    lines: [...merged].map(([invoiceId, lineAmount]) => ({ invoiceId, amount: lineAmount })),
    credit: amount - allocated,
  });
}
