// A payment as entered on its form, and how it is applied: oldest due first, or
// as the user typed it. Balances are those on the payment date, capped so no
// later balance goes below zero. Whatever is not applied is the customer's credit.

import type { PaymentInput } from '../api/contract';
import type { FieldError, Result } from '../domain/errors';
import type { Customer, Id } from '../domain/types';
import { allocateOldestFirst, checkExplicitAllocation, type AllocationPlan } from '../domain/allocation';
import { isIsoDate } from '../domain/calendar';
import type { OverdueDb } from './schema';
import { computeAllocatableItems } from './open-items';
import { checkPositiveAmount, text } from './validate-common';

export interface PaymentPlan {
  customer: Customer;
  date: string;
  plan: AllocationPlan;
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

/** Reads inside the caller's transaction. */
export async function planPayment(db: OverdueDb, bookId: Id, input: PaymentInput): Promise<Result<PaymentPlan>> {
  const errors: FieldError[] = [];
  const customer = await db.customers.get(text(input.customerId));
  const customerOk = customer !== undefined && customer.bookId === bookId && customer.deleted === 0;
  if (!customerOk) errors.push({ field: 'customerId', code: 'customer.notFound' });
  const date = text(input.date);
  if (!isIsoDate(date)) errors.push({ field: 'date', code: date === '' ? 'required' : 'date.invalid' });
  const amountError = checkPositiveAmount('amount', input.amount);
  if (amountError) errors.push(amountError);
  if (!customerOk || errors.length > 0) return { ok: false, errors };

  if (input.allocation === 'auto') {
    const open = await computeAllocatableItems(db, bookId, customer.id, date);
    return { ok: true, value: { customer, date, plan: allocateOldestFirst(input.amount, open) } };
  }
  if (!Array.isArray(input.allocation)) return { ok: false, errors: [{ field: 'allocation', code: 'required' }] };

  const lines = input.allocation;
  const foreign = await otherCustomerLines(db, bookId, customer.id, lines);
  const open = await computeAllocatableItems(db, bookId, customer.id, date, true);
  const checked = checkExplicitAllocation(input.amount, open, lines);
  // A line on another customer's invoice is also "not found" among this customer's: say the more precise thing once.
  const foreignFields = new Set(foreign.map((e) => e.field));
  const found = checked.ok ? [] : checked.errors.filter((e) => !foreignFields.has(e.field));
  if (!checked.ok || foreign.length > 0) {
    return { ok: false, errors: [...foreign, ...found] };
  }
  return { ok: true, value: { customer, date, plan: checked.value } };
}
