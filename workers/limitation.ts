// The limitation period in the worker: one invoice's period for its page, and the
// warnings list for the queue. Balances and payment days come from the ledger in
// one pass; notices, contacts, promises and plans from one read of each table per
// book (one customer's rows for a single invoice), never a query per invoice.

import type { InvoiceLimitation, LimitationApi, LimitationRow, LimitationWarnings } from '../src/api/limitation';
import type { OverdueDb } from '../src/db/schema';
import { fromDayNumber, toDayNumber } from '../src/domain/calendar';
import type { Notice, PaymentPlan, PromiseToPay } from '../src/domain/collections';
import { limitationOf, limitationWarning, type LimitationWarning } from '../src/domain/limitation';
import type { Activity, Id } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import { invoiceEvents, restartIndex } from './limitation-events';

/** Rows the queue's warnings list gets at most. */
export const LIMITATION_ROWS = 200;
/** The earlier of the two warnings (limitationWarning's 'days90'). */
const WARN_DAYS = 90;
/** PRC Civil Code art. 188, for a book stored before it had the setting. */
const DEFAULT_YEARS = 3;

async function bookYears(db: OverdueDb, bookId: Id): Promise<number> {
  const years = (await db.books.get(bookId))?.limitationYears;
  return typeof years === 'number' && Number.isInteger(years) && years >= 1 ? years : DEFAULT_YEARS;
}

/** Running periods first, soonest end first; then ended ones, most recently ended first. */
function warningOrder(a: LimitationRow, b: LimitationRow): number {
  const aEnded = a.warning === 'expired';
  const bEnded = b.warning === 'expired';
  if (aEnded !== bEnded) return aEnded ? 1 : -1;
  if (a.endsOn !== b.endsOn) return (a.endsOn < b.endsOn) === !aEnded ? -1 : 1;
  if (a.customerName !== b.customerName) return a.customerName < b.customerName ? -1 : 1;
  return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
}

export function createLimitationApi(
  db: OverdueDb,
  ledgerOf: (bookId: Id) => Promise<Ledger>,
): LimitationApi {
  function bookRows<T>(table: 'notices' | 'activities' | 'promises' | 'plans', bookId: Id): Promise<T[]> {
    return db.table(table).where('[bookId+deleted]').equals([bookId, 0]).toArray() as Promise<T[]>;
  }
  function customerRows<T extends { bookId: Id; deleted: 0 | 1 }>(table: 'notices' | 'activities' | 'promises' | 'plans', bookId: Id, customerId: Id): Promise<T[]> {
    return db.table(table).where('customerId').equals(customerId)
      .filter((r: T) => r.bookId === bookId && r.deleted === 0).toArray() as Promise<T[]>;
  }

  return {
    async invoiceLimitation(bookId, invoiceId, asOf): Promise<InvoiceLimitation | null> {
      const ledger = await ledgerOf(bookId);
      const item = ledger.limitationInvoices(asOf, invoiceId)[0];
      if (!item) return null;
      const [years, notices, activities, promises, plans] = await Promise.all([
        bookYears(db, bookId),
        customerRows<Notice>('notices', bookId, item.customerId),
        customerRows<Activity>('activities', bookId, item.customerId),
        customerRows<PromiseToPay>('promises', bookId, item.customerId),
        customerRows<PaymentPlan>('plans', bookId, item.customerId),
      ]);
      const index = restartIndex({ notices, activities, promises, plans }, asOf);
      const period = limitationOf(fromDayNumber(item.dueDay), invoiceEvents(index, item.invoiceId, item.customerId, item.paidDays), years);
      // Nothing left to claim, nothing to warn about.
      const warning = item.balance > 0 ? limitationWarning(period.endsOn, asOf) : null;
      return { ...period, warning, years };
    },

    async limitationWarnings(bookId, asOf, limit = LIMITATION_ROWS): Promise<LimitationWarnings> {
      const ledger = await ledgerOf(bookId);
      const [years, notices, activities, promises, plans] = await Promise.all([
        bookYears(db, bookId),
        bookRows<Notice>('notices', bookId),
        bookRows<Activity>('activities', bookId),
        bookRows<PromiseToPay>('promises', bookId),
        bookRows<PaymentPlan>('plans', bookId),
      ]);
      const index = restartIndex({ notices, activities, promises, plans }, asOf);
      const counts: Record<LimitationWarning, number> = { expired: 0, days30: 0, days90: 0 };
      const rows: LimitationRow[] = [];
      // A period of n years lasts at least 365 × n days and restarts only push its end
      // later, so an invoice whose untouched period ends after the 90-day horizon is
      // never warned: most of a book is passed over without working out its period.
      const horizonDay = toDayNumber(asOf) + WARN_DAYS;
      for (const item of ledger.limitationInvoices(asOf)) {
        if (item.dueDay + 1 + 365 * years > horizonDay) continue;
        const dueDate = fromDayNumber(item.dueDay);
        const period = limitationOf(dueDate, invoiceEvents(index, item.invoiceId, item.customerId, item.paidDays), years);
        const warning = limitationWarning(period.endsOn, asOf);
        if (warning === null) continue;
        counts[warning] += 1;
        rows.push({
          invoiceId: item.invoiceId, number: item.number, customerId: item.customerId, customerName: item.customerName,
          dueDate, balance: item.balance, endsOn: period.endsOn, warning, lastEvent: period.lastEvent,
        });
      }
      rows.sort(warningOrder);
      const cap = Math.max(0, Math.min(Math.floor(Number.isFinite(limit) ? limit : LIMITATION_ROWS), LIMITATION_ROWS));
      return { asOf, years, rows: rows.slice(0, cap), total: rows.length, counts };
    },
  };
}
