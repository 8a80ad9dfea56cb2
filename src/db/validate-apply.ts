// Applying a payment's unapplied credit to invoices later (a payment that left
// credit, or one that was unapplied): the same allocation rules as recording a
// payment, for the part of it not yet applied.
//
// When does such an allocation take effect? Open balance as of D counts the
// allocations dated <= D, and an invoice does not exist before its issue date.
// Dating the allocation with the payment date would either forbid applying March
// credit to a May invoice, or make the invoice "paid" on days it did not exist.
// So each allocation is dated the LATER of the payment date and the invoice's
// issue date: for every past day the invoice's balance and the customer's
// unapplied credit are what they were that day (the credit sits unapplied until
// the invoice is issued), and the payment is never applied before it was received.

import type { PaymentInput } from '../api/contract';
import { fail, type Result } from '../domain/errors';
import type { Id, Invoice, IsoDate, Minor, Payment } from '../domain/types';
import { planAllocation, type DatedAllocationPlan } from './plan-allocation';
import type { OverdueDb } from './schema';

export interface ApplyPlan {
  payment: Payment;
  plan: DatedAllocationPlan;
}

/** The date existing credit of a payment dated `paymentDate` is applied to `invoice` (see above). */
export function creditAllocationDate(paymentDate: IsoDate, invoice: Pick<Invoice, 'issueDate'>): IsoDate {
  return invoice.issueDate > paymentDate ? invoice.issueDate : paymentDate;
}

/** The payment's amount less its live allocations (never negative). */
async function unappliedPart(db: OverdueDb, payment: Payment): Promise<Minor> {
  const allocations = await db.allocations
    .where('paymentId').equals(payment.id)
    .filter((a) => a.deleted === 0 && a.bookId === payment.bookId)
    .toArray();
  const applied = allocations.reduce((sum, a) => sum + a.amount, 0);
  return Math.max(0, payment.amount - applied);
}

/** Reads inside the caller's transaction. */
export async function planApply(
  db: OverdueDb, bookId: Id, paymentId: Id, allocation: PaymentInput['allocation'],
): Promise<Result<ApplyPlan>> {
  const payment = await db.payments.get(paymentId);
  if (!payment || payment.bookId !== bookId || payment.deleted !== 0) return fail('', 'payment.notFound');
  const customer = await db.customers.get(payment.customerId);
  if (!customer || customer.bookId !== bookId || customer.deleted !== 0) return fail('', 'customer.notFound');
  const unapplied = await unappliedPart(db, payment);
  const planned = await planAllocation(
    db, bookId, payment.customerId, unapplied, allocation, (invoice) => creditAllocationDate(payment.date, invoice),
  );
  if (!planned.ok) return planned;
  return { ok: true, value: { payment, plan: planned.value } };
}
