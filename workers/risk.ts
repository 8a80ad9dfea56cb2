// Credit risk in the worker (RiskApi): scores and grades of the whole book, one
// customer's detail with its month-end history, the learned late-payment model
// and the cash-in forecast, early warnings with their dismissals, grades set by
// hand and the score's weights. The book-wide work is cached in risk-state.ts per
// ledger version, asOf and weights; every answer is a page, counts or one customer.

import type {
  CustomerRisk, GradePoint, GradeRow, RiskApi, RiskOverview, WarningList, WarningRow,
} from '../src/api/risk';
import type { Repository } from '../src/db/repository';
import type { OverdueDb } from '../src/db/schema';
import { GRADES } from '../src/domain/collections';
import { fail, ok, type Result } from '../src/domain/errors';
import { riskScore, suggestion } from '../src/domain/risk-score';
import type { WarningKind } from '../src/domain/risk-warnings';
import type { Grade, Id } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import { bookWarnings } from './risk-warning-list';
import { judgePromises, promiseCounts } from './risk-promises';
import { bookWeights, changeDismissal, dismissals, saveWeights } from './risk-settings';
import { bookOutlook, bookScores, collectionsOf, monthEndsBefore, type ScoredCustomer } from './risk-state';

/** Month ends in a customer's grade history (then asOf itself). */
export const HISTORY_MONTHS = 12;
/** Rows of the graded list a page may ask for at most. */
export const MAX_GRADE_ROWS = 500;

type Write = <T>(run: (repo: Repository) => Promise<Result<T>>) => Promise<Result<T>>;

const WARNING_KINDS: readonly WarningKind[] = ['overLimit', 'bucketCrossed', 'brokenPromise', 'gradeDrop', 'limitationSoon', 'concentration'];

/** Riskiest first: score ascending, then the larger overdue, then name, then id. */
function riskiestFirst(collator: Intl.Collator): (a: ScoredCustomer, b: ScoredCustomer) => number {
  return (a, b) => a.score.score - b.score.score || b.facts.overdue - a.facts.overdue
    || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function createRiskApi(db: OverdueDb, write: Write, ledgerOf: (bookId: Id) => Promise<Ledger>): RiskApi {
  async function scoresNow(bookId: Id, asOf: string) {
    const ledger = await ledgerOf(bookId);
    const weights = await bookWeights(db, bookId);
    const scores = await bookScores(db, ledger, bookId, asOf, weights);
    return { ledger, weights, scores };
  }

  /** rows: 'active', 'all' (dismissed ones too) or 'none' (counts only, for the badge). */
  async function warningList(bookId: Id, asOf: string, rowsWanted: 'active' | 'all' | 'none'): Promise<WarningList> {
    const ledger = await ledgerOf(bookId);
    const weights = await bookWeights(db, bookId);
    const [{ since, warnings }, dismissed] = await Promise.all([bookWarnings(db, ledger, bookId, asOf, weights), dismissals(db, bookId)]);
    const byKind = Object.fromEntries(WARNING_KINDS.map((k) => [k, 0])) as Record<WarningKind, number>;
    let active = 0;
    let dismissedCount = 0;
    const rows: WarningRow[] = [];
    for (const w of warnings) {
      const d = dismissed.get(w.key);
      if (d) dismissedCount += 1;
      else {
        active += 1;
        byKind[w.kind] += 1;
      }
      if (rowsWanted === 'none' || (d && rowsWanted === 'active')) continue;
      const row: WarningRow = { ...w, customerName: ledger.customerName(w.customerId) ?? '' };
      if (w.invoiceId !== undefined) row.invoiceNumber = ledger.invoiceNumber(w.invoiceId) ?? '';
      if (d) row.dismissed = { reason: d.reason, on: d.on };
      rows.push(row);
    }
    return { asOf, since, rows, active, byKind, dismissed: dismissedCount };
  }

  return {
    async customerRisk(bookId, customerId, asOf): Promise<CustomerRisk | null> {
      const { ledger, weights, scores } = await scoresNow(bookId, asOf);
      const me = scores.byId.get(customerId);
      if (!me) return null;
      const [outlook, record, rec] = await Promise.all([
        bookOutlook(db, ledger, bookId, asOf, scores), db.customers.get(customerId), collectionsOf(db, ledger, bookId),
      ]);
      // The score at each month end, from the book as it stood then (promises judged then too).
      const days = monthEndsBefore(asOf, HISTORY_MONTHS);
      const past = ledger.customerRiskHistory(customerId, days) ?? [];
      const mine = { ...rec, promises: rec.promises.filter((p) => p.customerId === customerId), plans: rec.plans.filter((p) => p.customerId === customerId) };
      const history: GradePoint[] = past.map((facts, k) => {
        const day = days[k] as string;
        const counts = promiseCounts(judgePromises(mine, day), day).get(customerId);
        const s = riskScore({ ...facts, brokenPromises: counts?.broken ?? 0, keptPromises: counts?.kept ?? 0 }, weights);
        return { date: day, score: s.score, grade: s.grade };
      });
      history.push({ date: asOf, score: me.score.score, grade: me.score.grade });
      const override = record && record.bookId === bookId ? record.gradeOverride ?? null : null;
      const effectiveGrade = override?.grade ?? me.score.grade;
      return {
        ...me.score, asOf, suggestion: suggestion(effectiveGrade, me.facts), effectiveGrade, override, history,
        lateProbability: outlook.nextLate[me.row] ?? 0.5, invoices: outlook.invoices.get(me.row) ?? [], model: outlook.model, weights,
      };
    },

    async riskOverview(bookId, asOf): Promise<RiskOverview> {
      const { ledger, scores } = await scoresNow(bookId, asOf);
      const outlook = await bookOutlook(db, ledger, bookId, asOf, scores);
      const grades: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
      for (const c of scores.customers) if (c.listed) grades[c.effectiveGrade] += 1;
      return { asOf, grades, model: outlook.model, forecast: outlook.forecast };
    },

    async listGrades(bookId, q) {
      const { ledger, scores } = await scoresNow(bookId, q.asOf);
      const outlook = await bookOutlook(db, ledger, bookId, q.asOf, scores);
      const list = scores.customers.filter((c) => c.listed && (q.grade === undefined || c.effectiveGrade === q.grade));
      list.sort(riskiestFirst(new Intl.Collator(ledger.book.locale)));
      const offset = Math.max(0, Math.min(Math.floor(q.offset) || 0, list.length));
      const limit = Math.max(0, Math.min(Math.floor(q.limit) || 0, MAX_GRADE_ROWS));
      const rows: GradeRow[] = list.slice(offset, offset + limit).map((c) => ({
        customerId: c.id, name: c.name, score: c.score.score, grade: c.score.grade, effectiveGrade: c.effectiveGrade,
        overridden: c.override !== null, open: c.facts.open, overdue: c.facts.overdue,
        lateProbability: outlook.nextLate[c.row] ?? 0.5, suspended: c.suspended,
      }));
      return { rows, total: list.length, offset, limit };
    },

    warnings(bookId, asOf, opts) {
      return warningList(bookId, asOf, opts?.includeDismissed === true ? 'all' : 'active');
    },

    async warningCount(bookId, asOf) {
      return (await warningList(bookId, asOf, 'none')).active;
    },

    async dismissWarning(bookId, key, reason, on): Promise<Result<void>> {
      const why = typeof reason === 'string' ? reason.trim() : '';
      if (typeof key !== 'string' || key === '') return fail('key', 'required');
      if (why === '') return fail('reason', 'warning.reasonRequired');
      await changeDismissal(db, bookId, key, { key, reason: why, on });
      return ok(undefined);
    },

    async restoreWarning(bookId, key) {
      await changeDismissal(db, bookId, key, null);
    },

    async setGradeOverride(bookId, customerId, override, on): Promise<Result<void>> {
      if (override !== null && !GRADES.includes(override.grade)) return fail('grade', 'required');
      const r = await write((repo) => repo.setGradeOverride(bookId, customerId, override, on));
      return r.ok ? ok(undefined) : r;
    },

    riskWeights(bookId) {
      return bookWeights(db, bookId);
    },

    saveRiskWeights(bookId, weights) {
      return saveWeights(db, bookId, weights);
    },
  };
}
