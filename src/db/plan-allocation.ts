// How money of one payment is spread over its customer's invoices: oldest due
// first, or as the user typed it, never more than an invoice can take. Shared by
// recording a payment and by applying a payment's unapplied credit later; the
// two differ only in the date each invoice is looked at (and the allocation dated).

import type { PaymentInput } from '../api/contract';
import { allocateOldestFirst, checkExplicitAllocation, type AllocationPlan, type OpenItem } from '../domain/allocation';
import type { FieldError, Result } from '../domain/errors';
import type { Id, Invoice, IsoDate, Minor } from '../domain/types';
import { allocatableItemsOn } from './open-items';
import type { OverdueDb } from './schema';

/** The date an allocation to this invoice takes effect (and is stored with). */
export type AllocationDate = (invoice: Pick<Invoice, 'issueDate'>) => IsoDate;

export interface DatedAllocationPlan {
  /** Positive amounts only, each with its allocation date. */
  lines: { invoiceId: Id; amount: Minor; date: IsoDate }[];
  /** What is left unapplied. */
  credit: Minor;
}

/** Explicit lines naming invoices of another customer (reported on the line's invoiceId). */
async function otherCustomerLines(db: OverdueDb, bookId: Id, customerId: Id, lines: { invoiceId: Id }[]): Promise<FieldError[]> {
  const invoices = await db.invoices.bulkGet(lines.map((l) => l.invoiceId));
  const errors: FieldError[] = [];
  invoices.forEach((inv, i) => {
    if (inv && inv.bookId === bookId && inv.deleted === 0 && inv.customerId !== customerId) {
      errors.push({ field: `allocations.${i}.invoiceId`, code: 'allocation.otherCustomer' });
    }
  });
  return errors;
}

function withDates(plan: AllocationPlan, open: OpenItem[], dateOf: AllocationDate): DatedAllocationPlan {
  const dates = new Map(open.map((item) => [item.invoiceId, dateOf(item)]));
  const lines = plan.lines.filter((l) => l.amount > 0).map((l) => {
    const date = dates.get(l.invoiceId);
    // Both planners only name invoices they were offered.
    if (date === undefined) throw new Error(`Allocation to an invoice not offered: ${l.invoiceId}`);
    return { ...l, date };
  });
  return { lines, credit: plan.credit };
}

/**
 * Plans allocating `amount` of the customer's money. Each invoice offers what it
 * can take on its allocation date without any later balance going below zero.
 * Errors: 'allocation' required (neither 'auto' nor lines); per line
 * 'allocation.otherCustomer', 'invoice.notFound', 'allocation.exceedsBalance';
 * 'amount' 'payment.overAllocated' when the lines exceed `amount`.
 * Reads inside the caller's transaction.
 */
export async function planAllocation(
  db: OverdueDb, bookId: Id, customerId: Id, amount: Minor,
  allocation: PaymentInput['allocation'], dateOf: AllocationDate,
): Promise<Result<DatedAllocationPlan>> {
  if (allocation === 'auto') {
    const open = await allocatableItemsOn(db, bookId, customerId, dateOf);
    return { ok: true, value: withDates(allocateOldestFirst(amount, open), open, dateOf) };
  }
  if (!Array.isArray(allocation)) return { ok: false, errors: [{ field: 'allocation', code: 'required' }] };

  const foreign = await otherCustomerLines(db, bookId, customerId, allocation);
  // Paid invoices included, so a line on one reads "exceeds balance" rather than "not found".
  const open = await allocatableItemsOn(db, bookId, customerId, dateOf, true);
  const checked = checkExplicitAllocation(amount, open, allocation);
  // A line on another customer's invoice is also "not found" among this customer's: say the more precise thing once.
  const foreignFields = new Set(foreign.map((e) => e.field));
  const found = checked.ok ? [] : checked.errors.filter((e) => !foreignFields.has(e.field));
  if (!checked.ok || foreign.length > 0) return { ok: false, errors: [...foreign, ...found] };
  return { ok: true, value: withDates(checked.value, open, dateOf) };
}
