// Writes for credit risk: a grade set by hand (or cleared) on the customer record,
// so it travels with the customer through the change log, undo, backup and sync.

import { GRADES } from '../domain/collections';
import { fail, ok, type Result } from '../domain/errors';
import type { Customer, Grade, Id, IsoDate } from '../domain/types';
import type { OverdueDb } from './schema';
import type { WriteBatch } from './write-batch';

/**
 * Sets the customer's gradeOverride ({grade, reason, setOn}) or clears it (null).
 * Errors: 'grade.customerNotFound' (customerId) when no live customer of the book has
 * that id; 'grade.reasonRequired' (reason) when the trimmed reason is empty;
 * 'required' (grade) for anything but A-D.
 */
export async function queueGradeOverride(
  db: OverdueDb, bookId: Id, batch: WriteBatch, customerId: Id, override: { grade: Grade; reason: string } | null, on: IsoDate,
): Promise<Result<Customer>> {
  const customer = await db.customers.get(customerId);
  if (!customer || customer.bookId !== bookId || customer.deleted === 1) return fail('customerId', 'grade.customerNotFound');
  let gradeOverride: Customer['gradeOverride'] = null;
  if (override !== null) {
    const reason = typeof override.reason === 'string' ? override.reason.trim() : '';
    if (!GRADES.includes(override.grade)) return fail('grade', 'required');
    if (reason === '') return fail('reason', 'grade.reasonRequired');
    gradeOverride = { grade: override.grade, reason, setOn: on };
  }
  return ok(batch.put('customers', customer, { ...customer, gradeOverride, updatedAt: batch.stamp() }));
}
