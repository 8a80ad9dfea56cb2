// A payment as entered on its form, and how it is applied: oldest due first, or
// as the user typed it. Balances are those on the payment date, capped so no
// later balance goes below zero. Whatever is not applied is the customer's credit.

import type { PaymentInput } from '../api/contract';
import type { FieldError, Result } from '../domain/errors';
import type { Customer, Id, IsoDate } from '../domain/types';
import { isIsoDate } from '../domain/calendar';
import type { OverdueDb } from './schema';
import { planAllocation, type DatedAllocationPlan } from './plan-allocation';
import { checkPositiveAmount, text } from './validate-common';

export interface PaymentPlan {
  customer: Customer;
  date: IsoDate;
  plan: DatedAllocationPlan;
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

  // A new payment is applied on its own date: invoices issued later have nothing to take then.
  const planned = await planAllocation(db, bookId, customer.id, input.amount, input.allocation, () => date);
  if (!planned.ok) return planned;
  return { ok: true, value: { customer, date, plan: planned.value } };
}
