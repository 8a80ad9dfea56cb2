// Credit notes, write-offs and charges against one invoice. A credit note or
// write-off may take off at most what is still open on its date (and on every
// later date); a charge may add any positive amount.

import type { AdjustmentInput } from '../api/contract';
import type { FieldError, Result } from '../domain/errors';
import type { AdjustmentKind, Id, Invoice } from '../domain/types';
import { isIsoDate } from '../domain/calendar';
import type { OverdueDb } from './schema';
import { availableOn, invoiceLedger } from './open-items';
import { checkPositiveAmount, text } from './validate-common';

const KINDS: readonly AdjustmentKind[] = ['credit', 'writeoff', 'charge'];

export interface CheckedAdjustment {
  invoice: Invoice;
  kind: AdjustmentKind;
  date: string;
  amount: number;
  reason: string;
  basis: string;
}

/** Reads inside the caller's transaction. */
export async function validateAdjustment(db: OverdueDb, bookId: Id, input: AdjustmentInput): Promise<Result<CheckedAdjustment>> {
  const errors: FieldError[] = [];
  if (!KINDS.includes(input.kind)) errors.push({ field: 'kind', code: 'required' });
  const invoice = await db.invoices.get(text(input.invoiceId));
  const invoiceOk = invoice !== undefined && invoice.bookId === bookId && invoice.deleted === 0;
  if (!invoiceOk) errors.push({ field: 'invoiceId', code: 'invoice.notFound' });
  const date = text(input.date);
  if (!isIsoDate(date)) errors.push({ field: 'date', code: date === '' ? 'required' : 'date.invalid' });
  // Before its issue date the invoice does not exist yet: nothing to adjust.
  else if (invoiceOk && date < invoice.issueDate) errors.push({ field: 'date', code: 'date.outOfRange', params: { min: invoice.issueDate } });
  const amountError = checkPositiveAmount('amount', input.amount);
  if (amountError) errors.push(amountError);
  if (!invoiceOk || errors.length > 0) return { ok: false, errors };

  if (input.kind !== 'charge') {
    const balance = availableOn(await invoiceLedger(db, invoice), date);
    if (input.amount > balance) {
      return { ok: false, errors: [{ field: 'amount', code: 'adjustment.exceedsBalance', params: { balance } }] };
    }
  }
  return {
    ok: true,
    value: { invoice, kind: input.kind, date, amount: input.amount, reason: text(input.reason), basis: text(input.basis) },
  };
}
