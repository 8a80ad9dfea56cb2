// An invoice as entered on its form, checked against the book: the customer
// exists, the number is free, the dates make sense, and an edit does not leave
// the payments and credits already applied to it stranded.

import type { InvoiceInput } from '../api/contract';
import type { FieldError, Result } from '../domain/errors';
import type { Book, Id, Invoice } from '../domain/types';
import { addDays, isIsoDate } from '../domain/calendar';
import type { OverdueDb } from './schema';
import { invoiceLedger, lowestBalanceFrom } from './open-items';
import { checkPositiveAmount, text } from './validate-common';

/** The invoice's fields apart from identity and stamp. */
export type InvoiceFields = Omit<Invoice, 'id' | 'bookId' | 'updatedAt' | 'deleted'>;

/** Is `number` taken by another live invoice of the book? */
async function numberTaken(db: OverdueDb, bookId: Id, number: string, selfId: Id | null): Promise<boolean> {
  const clash = await db.invoices
    .where('[bookId+number]')
    .equals([bookId, number])
    .filter((inv) => inv.deleted === 0 && inv.id !== selfId)
    .first();
  return clash !== undefined;
}

/** Reads inside the caller's transaction; `existing` is the stored invoice when editing. */
export async function validateInvoice(
  db: OverdueDb, book: Book, input: InvoiceInput, existing: Invoice | null,
): Promise<Result<InvoiceFields>> {
  const errors: FieldError[] = [];

  const customer = await db.customers.get(text(input.customerId));
  const customerOk = customer !== undefined && customer.bookId === book.id && customer.deleted === 0;
  if (!customerOk) errors.push({ field: 'customerId', code: 'customer.notFound' });

  const number = text(input.number);
  if (number === '') errors.push({ field: 'number', code: 'required' });
  else if (await numberTaken(db, book.id, number, existing?.id ?? null)) {
    errors.push({ field: 'number', code: 'invoice.duplicateNumber', params: { number } });
  }

  const issueDate = text(input.issueDate);
  const issueOk = isIsoDate(issueDate);
  if (!issueOk) errors.push({ field: 'issueDate', code: issueDate === '' ? 'required' : 'date.invalid' });

  // An empty due date means "the customer's usual terms".
  let dueDate = text(input.dueDate);
  if (dueDate === '') {
    if (issueOk && customerOk) dueDate = addDays(issueDate, customer.termsDays);
  } else if (!isIsoDate(dueDate)) {
    errors.push({ field: 'dueDate', code: 'date.invalid' });
  } else if (issueOk && dueDate < issueDate) {
    errors.push({ field: 'dueDate', code: 'invoice.dueBeforeIssue' });
  }

  const amountError = checkPositiveAmount('amount', input.amount);
  if (amountError) errors.push(amountError);

  if (errors.length > 0) return { ok: false, errors };

  const fields: InvoiceFields = {
    customerId: customer!.id,
    number,
    issueDate,
    dueDate,
    amount: input.amount,
    currency: text(input.currency).toUpperCase() || book.currency,
    description: text(input.description),
    disputed: input.disputed ? 1 : 0,
    disputeReason: text(input.disputeReason),
  };

  if (existing) {
    const ledger = await invoiceLedger(db, existing);
    if (ledger.entries.length > 0) {
      // Applied payments and credits belong to this customer: the invoice cannot move away from them.
      if (fields.customerId !== existing.customerId) {
        return { ok: false, errors: [{ field: 'customerId', code: 'allocation.otherCustomer' }] };
      }
      // Nor may the new amount or issue date leave more applied than owed on any day.
      const lowest = lowestBalanceFrom({ invoice: { ...existing, ...fields }, entries: ledger.entries }, fields.issueDate);
      if (lowest < 0) {
        return { ok: false, errors: [{ field: 'amount', code: 'allocation.exceedsBalance', params: { minimum: fields.amount - lowest } }] };
      }
    }
  }
  return { ok: true, value: fields };
}
