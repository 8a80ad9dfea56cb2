// Late charges written as adjustments: accrued charges posted in one batch, and a
// charge waived by a credit note of the same amount that names it.

import { isIsoDate } from '../domain/calendar';
import { fail, ok, type Result } from '../domain/errors';
import type { Adjustment, Id, IsoDate } from '../domain/types';
import type { OverdueDb } from './schema';
import { text } from './validate-common';
import type { WriteBatch } from './write-batch';

/** Reason of a credit that waives charge `id`. */
export const waiverReason = (chargeId: Id): string => `waive:${chargeId}`;

export type ChargeDraft = Pick<Adjustment, 'invoiceId' | 'customerId' | 'date' | 'amount' | 'reason' | 'basis'>;

export async function queueCharges(db: OverdueDb, bookId: Id, batch: WriteBatch, drafts: ChargeDraft[]): Promise<Result<Adjustment[]>> {
  const invoices = await db.invoices.bulkGet(drafts.map((d) => d.invoiceId));
  const out: Adjustment[] = [];
  for (const [i, d] of drafts.entries()) {
    const inv = invoices[i];
    if (!inv || inv.bookId !== bookId || inv.deleted === 1 || inv.customerId !== d.customerId) return fail('', 'invoice.notFound');
    if (!Number.isSafeInteger(d.amount) || d.amount <= 0) return fail('amount', 'money.invalid');
    out.push(batch.put<Adjustment>('adjustments', null, {
      id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, kind: 'charge', ...d,
    }));
  }
  return ok(out);
}

export async function queueWaiver(
  db: OverdueDb, bookId: Id, batch: WriteBatch, chargeId: Id, date: IsoDate, reason: string,
): Promise<Result<Adjustment>> {
  const charge = await db.adjustments.get(chargeId);
  if (!charge || charge.bookId !== bookId || charge.deleted === 1 || charge.kind !== 'charge') return fail('', 'charge.notFound');
  const why = text(reason);
  if (why === '') return fail('reason', 'required');
  if (!isIsoDate(date)) return fail('date', 'date.invalid');
  if (date < charge.date) return fail('date', 'date.outOfRange', { after: charge.date });
  const waived = await db.adjustments.where('invoiceId').equals(charge.invoiceId)
    .filter((a) => a.deleted === 0 && a.kind === 'credit' && a.reason === waiverReason(chargeId)).count();
  if (waived > 0) return fail('', 'charge.waived');
  return ok(batch.put<Adjustment>('adjustments', null, {
    id: crypto.randomUUID(), bookId, updatedAt: batch.stamp(), deleted: 0, kind: 'credit',
    invoiceId: charge.invoiceId, customerId: charge.customerId, date, amount: charge.amount,
    reason: waiverReason(chargeId), basis: why,
  }));
}
