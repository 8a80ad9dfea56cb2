// Limitation ends for the early warnings, worked out as the limitation page does
// (workers/limitation.ts): the ledger's open invoices with their payment days, the
// restarts from notices, contacts, promises and plans read once per book, and only
// the invoices whose period can end within the warning horizon looked at closely.

import type { OverdueDb } from '../src/db/schema';
import { fromDayNumber, toDayNumber } from '../src/domain/calendar';
import type { Notice, PaymentPlan, PromiseToPay } from '../src/domain/collections';
import { limitationOf } from '../src/domain/limitation';
import type { LimitationFact } from '../src/domain/risk-warnings';
import type { Activity, Id, IsoDate } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import { invoiceEvents, restartIndex } from './limitation-events';

/** PRC Civil Code art. 188, for a book stored before it had the setting (as workers/limitation.ts). */
const DEFAULT_YEARS = 3;

/** Per customer id: the limitation ends of its open invoices that fall within `horizonDays` of asOf. */
export async function limitationEnds(db: OverdueDb, ledger: Ledger, bookId: Id, asOf: IsoDate, horizonDays: number): Promise<Map<Id, LimitationFact[]>> {
  const rows = <T>(table: 'notices' | 'activities' | 'promises' | 'plans') =>
    db.table(table).where('[bookId+deleted]').equals([bookId, 0]).toArray() as Promise<T[]>;
  const [book, notices, activities, promises, plans] = await Promise.all([
    db.books.get(bookId), rows<Notice>('notices'), rows<Activity>('activities'), rows<PromiseToPay>('promises'), rows<PaymentPlan>('plans'),
  ]);
  const stored = book?.limitationYears;
  const years = typeof stored === 'number' && Number.isInteger(stored) && stored >= 1 ? stored : DEFAULT_YEARS;
  const index = restartIndex({ notices, activities, promises, plans }, asOf);
  // Restarts only push an end later, so a period that cannot end before the horizon untouched never will.
  const horizonDay = toDayNumber(asOf) + horizonDays;
  const out = new Map<Id, LimitationFact[]>();
  for (const item of ledger.limitationInvoices(asOf)) {
    if (item.balance <= 0 || item.dueDay + 1 + 365 * years > horizonDay) continue;
    const period = limitationOf(fromDayNumber(item.dueDay), invoiceEvents(index, item.invoiceId, item.customerId, item.paidDays), years);
    const list = out.get(item.customerId);
    const fact = { invoiceId: item.invoiceId, endsOn: period.endsOn };
    if (list) list.push(fact);
    else out.set(item.customerId, [fact]);
  }
  return out;
}
