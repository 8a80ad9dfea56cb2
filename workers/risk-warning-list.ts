// The book's early warnings as of a day, before dismissals: riskWarnings over
// the customers' balances and limits, open invoices, promises broken in the last
// 30 days, the computed grade now and 30 days ago, limitation ends within the
// warning horizon, and the book's open total for concentration. Cached per ledger
// version, asOf and weights; dismissals are applied by the caller on each answer.

import type { OverdueDb } from '../src/db/schema';
import { addDays, fromDayNumber } from '../src/domain/calendar';
import {
  DEFAULT_WARNING_SETTINGS, riskWarnings, type BrokenPromiseFact, type RiskWarning, type WarningCustomer, type WarningInvoice,
} from '../src/domain/risk-warnings';
import type { RiskWeights } from '../src/domain/risk-score';
import type { Id, IsoDate } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import { limitationEnds } from './risk-limitation';
import { bookScores, memoByVersion } from './risk-state';

/** The window of news: facts after this many days before asOf count. */
export const WARNING_WINDOW_DAYS = 30;

export interface BookWarnings {
  since: IsoDate;
  warnings: RiskWarning[];
}

/**
 * Grades compared are the computed ones on both days: what a grade set by hand was
 * 30 days ago is not recorded, and a computed drop is news even under an override.
 */
export function bookWarnings(db: OverdueDb, ledger: Ledger, bookId: Id, asOf: IsoDate, weights: RiskWeights): Promise<BookWarnings> {
  return memoByVersion(ledger, `warnings|${asOf}|${JSON.stringify(weights)}`, async () => {
    const since = addDays(asOf, -WARNING_WINDOW_DAYS);
    const [now, before, limitations] = await Promise.all([
      bookScores(db, ledger, bookId, asOf, weights),
      bookScores(db, ledger, bookId, since, weights),
      limitationEnds(db, ledger, bookId, asOf, DEFAULT_WARNING_SETTINGS.limitationDays),
    ]);
    const invoicesOf = new Map<number, WarningInvoice[]>();
    for (const inv of now.book.open) {
      const item = { id: inv.id, dueDay: fromDayNumber(inv.dueDay), balance: inv.balance };
      const list = invoicesOf.get(inv.customer);
      if (list) list.push(item);
      else invoicesOf.set(inv.customer, [item]);
    }
    const brokenOf = new Map<Id, BrokenPromiseFact[]>();
    for (const j of now.judged) {
      if (j.state !== 'broken' || j.brokenOn === null || j.brokenOn <= since || j.brokenOn > asOf) continue;
      const fact = { promiseId: j.promiseId, invoiceIds: j.invoiceIds, amount: j.amount, paid: j.paid, brokenOn: j.brokenOn };
      const list = brokenOf.get(j.customerId);
      if (list) list.push(fact);
      else brokenOf.set(j.customerId, [fact]);
    }
    let bookOpen = 0;
    let debtors = 0;
    const customers: WarningCustomer[] = [];
    for (const c of now.customers) {
      if (!c.listed) continue;
      bookOpen += c.facts.open;
      if (c.facts.open > 0) debtors += 1;
      const earlier = before.byId.get(c.id);
      customers.push({
        id: c.id, open: c.facts.open, creditLimit: c.facts.creditLimit,
        invoices: invoicesOf.get(c.row) ?? [], brokenPromises: brokenOf.get(c.id) ?? [],
        grade: c.score.grade, gradeBefore: earlier?.listed ? earlier.score.grade : null,
        limitations: limitations.get(c.id) ?? [],
      });
    }
    const warnings = riskWarnings({
      today: asOf, previousDay: since, bounds: ledger.book.agingBounds, book: { open: bookOpen, debtors }, customers,
    });
    return { since, warnings };
  });
}
