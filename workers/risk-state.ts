// Book-wide credit risk as the worker keeps it: every customer's score and grade
// (cheap: one ledger pass, the promise record, riskScore), and the outlook (the
// late-payment model trained on the book's paid invoices up to asOf, each open
// invoice's late probability and expected payment day, the cash-in forecast).
// Both are cached per ledger and keyed by the ledger's version and asOf (the scores
// also by the weights), so pages that ask again after nothing changed get the
// same answer without recomputing, and any write (a payment, a promise, a grade
// set by hand: all bump the version) recomputes on the next question.

import type { InvoiceOutlook, ModelQuality } from '../src/api/risk';
import type { OverdueDb } from '../src/db/schema';
import { addDays, fromDayNumber } from '../src/domain/calendar';
import { cashForecast, type CashForecast, type ForecastInvoice } from '../src/domain/cash-forecast';
import {
  DEFAULT_MIN_EXAMPLES, defaultSplitDay, expectedPayDay, featuresOf, lateProbabilityAsOf, predictLate,
  RULE_SPREAD_DAYS, ruleDaysLate, ruleLateProbability, trainLateModel, validateLateModel, type InvoiceToScore, type LateModel,
} from '../src/domain/late-model';
import { roundHalfAwayFromZero } from '../src/domain/money';
import { riskScore, type RiskFacts, type RiskScore, type RiskWeights } from '../src/domain/risk-score';
import type { Grade, Id, IsoDate } from '../src/domain/types';
import type { Ledger } from '../src/ledger';
import type { RiskBook, RiskCustomer } from '../src/ledger/risk-book';
import {
  forecastCommitments, judgePromises, promiseCounts, readCollections, type CollectionsRecord, type JudgedPromise,
} from './risk-promises';

/** A customer's score as of the day. */
export interface ScoredCustomer extends RiskCustomer {
  /** Customer row in the ledger. */
  row: number;
  facts: RiskFacts;
  score: RiskScore;
  /** The override's grade when one is set, else the score's. */
  effectiveGrade: Grade;
  /** Open > 0 or any invoice issued by the day: counted and listed. */
  listed: boolean;
}

export interface BookScores {
  asOf: IsoDate;
  book: RiskBook;
  /** Live customers in row order. */
  customers: ScoredCustomer[];
  byId: Map<Id, ScoredCustomer>;
  judged: JudgedPromise[];
}

export interface BookOutlook {
  asOf: IsoDate;
  model: ModelQuality;
  trained: LateModel | null;
  /** Per customer row: probability that the next invoice (issued tomorrow) is paid late. */
  nextLate: Float64Array;
  /** Per customer row: its open invoices' outlook, soonest expected first. */
  invoices: Map<number, InvoiceOutlook[]>;
  forecast: CashForecast;
}

/** Cached computations of one ledger (a reopened book gets a new ledger, hence a new cache). */
interface LedgerCache {
  version: number;
  collections: Promise<CollectionsRecord> | null;
  /** Keyed by asOf + weights; a few kept (the page's day, 30 days before it, the month ends of a history). */
  scores: Map<string, Promise<BookScores>>;
  outlook: Map<string, Promise<BookOutlook>>;
  /** Anything else keyed by the version (the warnings list). */
  extra: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<Ledger, LedgerCache>();

/**
 * The last model trained for a ledger, kept across versions: most writes (a part
 * payment, a contact, a grade set by hand) leave the history the model learns from
 * exactly as it was, and then the model and its validation are reused. The history
 * is compared in full, so any change that could move the model retrains it.
 */
interface TrainedModel {
  asOf: IsoDate;
  history: Float64Array;
  trained: ReturnType<typeof trainLateModel>;
  check: ReturnType<typeof validateLateModel> | null;
}
const models = new WeakMap<Ledger, TrainedModel>();

/** The history as numbers, in its (deterministic) order: customer row, issue, due, amount, paid-off day. */
function historyPrint(book: RiskBook): Float64Array {
  const out = new Float64Array(book.history.length * 5);
  book.history.forEach((h, k) => {
    const o = k * 5;
    out[o] = h.customerKey as number;
    out[o + 1] = h.issueDay;
    out[o + 2] = h.dueDay;
    out[o + 3] = h.amount;
    out[o + 4] = h.paidDay;
  });
  return out;
}

function sameNumbers(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** trainLateModel and validateLateModel on the book's history, or the same ones as last time if it has not changed. */
function modelFor(ledger: Ledger, asOf: IsoDate, book: RiskBook): TrainedModel {
  const history = historyPrint(book);
  const last = models.get(ledger);
  if (last && last.asOf === asOf && sameNumbers(last.history, history)) return last;
  const trained = trainLateModel(book.history);
  let check: TrainedModel['check'] = null;
  if (!trained.fallback) {
    const split = defaultSplitDay(book.history);
    check = split === null ? null : validateLateModel(book.history, split);
  }
  const model = { asOf, history, trained, check };
  models.set(ledger, model);
  return model;
}
const KEEP = 4;

function cacheOf(ledger: Ledger): LedgerCache {
  let c = caches.get(ledger);
  if (!c || c.version !== ledger.version) {
    c = { version: ledger.version, collections: null, scores: new Map(), outlook: new Map(), extra: new Map() };
    caches.set(ledger, c);
  }
  return c;
}

/** The cached value under `key`, computed once; the oldest entries go beyond KEEP. */
function memo<T>(map: Map<string, Promise<T>>, key: string, compute: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit) {
    map.delete(key);
    map.set(key, hit);
    return hit;
  }
  const value = compute();
  map.set(key, value);
  // A failed computation is not kept: the next question tries again.
  value.catch(() => map.delete(key));
  while (map.size > KEEP) map.delete(map.keys().next().value as string);
  return value;
}

/** Something derived from the ledger at its current version (dropped with the version). */
export function memoByVersion<T>(ledger: Ledger, key: string, compute: () => Promise<T>): Promise<T> {
  return memo(cacheOf(ledger).extra as Map<string, Promise<T>>, key, compute);
}

export function collectionsOf(db: OverdueDb, ledger: Ledger, bookId: Id): Promise<CollectionsRecord> {
  const cache = cacheOf(ledger);
  if (!cache.collections) {
    const read = readCollections(db, ledger, bookId);
    cache.collections = read;
    read.catch(() => {
      if (cache.collections === read) cache.collections = null;
    });
  }
  return cache.collections;
}

const weightsKey = (w: RiskWeights): string => JSON.stringify([w.overdue, w.age, w.lateness, w.promises, w.disputes, w.limit, w.trend]);

export function bookScores(db: OverdueDb, ledger: Ledger, bookId: Id, asOf: IsoDate, weights: RiskWeights): Promise<BookScores> {
  const cache = cacheOf(ledger);
  return memo(cache.scores, `${asOf}|${weightsKey(weights)}`, async () => {
    const rec = await collectionsOf(db, ledger, bookId);
    const book = ledger.riskBook(asOf);
    const judged = judgePromises(rec, asOf);
    const counts = promiseCounts(judged, asOf);
    const customers: ScoredCustomer[] = [];
    book.facts.forEach((f, row) => {
      const who = book.customers[row];
      if (!f || !who) return;
      const promises = counts.get(who.id);
      const facts: RiskFacts = { ...f, brokenPromises: promises?.broken ?? 0, keptPromises: promises?.kept ?? 0 };
      const score = riskScore(facts, weights);
      customers.push({
        ...who, row, facts, score, effectiveGrade: who.override ?? score.grade,
        listed: f.open > 0 || (book.invoiceCount[row] as number) > 0,
      });
    });
    return { asOf, book, customers, byId: new Map(customers.map((c) => [c.id, c])), judged };
  });
}

/** The grade in use of every live customer as of the day (the collection queue's policies and order). */
export async function effectiveGrades(db: OverdueDb, ledger: Ledger, bookId: Id, asOf: IsoDate, weights: RiskWeights): Promise<Map<Id, Grade>> {
  const scores = await bookScores(db, ledger, bookId, asOf, weights);
  return new Map(scores.customers.map((c) => [c.id, c.effectiveGrade]));
}

/**
 * The model, the open invoices' outlook and the forecast as of the day. Independent
 * of the weights. The model is trained on the invoices paid by asOf; its quality is
 * measured on a time split of the same history (validateLateModel, the newest
 * fifth held out). Below DEFAULT_MIN_EXAMPLES paid invoices, or with only late or
 * only on-time ones, the rule stands (ruleLateProbability, ruleDaysLate).
 */
export function bookOutlook(db: OverdueDb, ledger: Ledger, bookId: Id, asOf: IsoDate, scores: BookScores): Promise<BookOutlook> {
  const cache = cacheOf(ledger);
  return memo(cache.outlook, asOf, async () => {
    const { book } = scores;
    const asOfDay = book.asOfDay;
    const rows = book.customers.length;
    const { trained, check } = modelFor(ledger, asOf, book);
    let model: ModelQuality;
    let spread = RULE_SPREAD_DAYS;
    const nextLate = new Float64Array(rows);
    const lateP = new Float64Array(book.open.length);
    const expected = new Int32Array(book.open.length);

    if (trained.fallback) {
      model = { kind: 'rule', reason: trained.reason, examples: trained.examples, minExamples: DEFAULT_MIN_EXAMPLES };
      const paid = new Int32Array(rows);
      const late = new Int32Array(rows);
      const daysLate: number[][] = Array.from({ length: rows }, () => []);
      for (const h of book.history) {
        if (!Number.isFinite(h.paidDay)) continue;
        const c = h.customerKey as number;
        paid[c] = (paid[c] as number) + 1;
        if (h.paidDay > h.dueDay) late[c] = (late[c] as number) + 1;
        daysLate[c]?.push(h.paidDay - h.dueDay);
      }
      for (let c = 0; c < rows; c++) nextLate[c] = ruleLateProbability(paid[c] as number, late[c] as number);
      book.open.forEach((inv, k) => {
        lateP[k] = asOfDay > inv.dueDay ? 1 : (nextLate[inv.customer] as number);
        expected[k] = Math.max(asOfDay, inv.dueDay + roundHalfAwayFromZero(ruleDaysLate(daysLate[inv.customer] ?? [])));
      });
    } else {
      const validated = check !== null && !('fallback' in check);
      model = {
        kind: 'learned', examples: trained.examples, lateShare: trained.lateShare,
        auc: validated ? check.auc : null, maeDays: validated ? check.maeDays : null,
        trainExamples: validated ? check.trainExamples : 0, testExamples: validated ? check.testExamples : 0,
      };
      // The payment falls within the model's typical error either side of its expected day.
      if (validated && check.maeDays !== null) spread = Math.max(1, Math.round(check.maeDays));
      const toScore: InvoiceToScore[] = book.open.map((inv) => ({ customerKey: inv.customer, issueDay: inv.issueDay, dueDay: inv.dueDay, amount: inv.amount }));
      const features = featuresOf(book.history, toScore, { grace: trained.grace });
      book.open.forEach((inv, k) => {
        const x = features[k] as Float64Array;
        lateP[k] = lateProbabilityAsOf(trained, x, inv.dueDay, asOfDay);
        expected[k] = expectedPayDay(trained, x, inv.dueDay, asOfDay);
      });
      // The next invoice: issued tomorrow on the customer's terms, for their median amount.
      const amounts: number[][] = Array.from({ length: rows }, () => []);
      for (const h of book.history) amounts[h.customerKey as number]?.push(h.amount);
      const next: InvoiceToScore[] = [];
      const nextRows: number[] = [];
      book.customers.forEach((who, c) => {
        if (!who) return;
        const sorted = (amounts[c] ?? []).sort((a, b) => a - b);
        next.push({ customerKey: c, issueDay: asOfDay + 1, dueDay: asOfDay + 1 + who.termsDays, amount: sorted[Math.floor(sorted.length / 2)] ?? 0 });
        nextRows.push(c);
      });
      const nextFeatures = featuresOf(book.history, next, { grace: trained.grace });
      nextRows.forEach((c, k) => {
        nextLate[c] = predictLate(trained, nextFeatures[k] as Float64Array);
      });
    }

    const invoices = new Map<number, InvoiceOutlook[]>();
    const forecastInvoices: ForecastInvoice[] = [];
    book.open.forEach((inv, k) => {
      const expectedPayDate = fromDayNumber(expected[k] as number);
      const lateProbability = lateP[k] as number;
      const outlook: InvoiceOutlook = {
        invoiceId: inv.id, number: inv.number, balance: inv.balance, dueDate: fromDayNumber(inv.dueDay), lateProbability, expectedPayDate,
      };
      const list = invoices.get(inv.customer);
      if (list) list.push(outlook);
      else invoices.set(inv.customer, [outlook]);
      forecastInvoices.push({ id: inv.id, balance: inv.balance, expectedDay: expectedPayDate, lateProbability, spreadDays: spread });
    });
    for (const list of invoices.values()) {
      list.sort((a, b) => (a.expectedPayDate < b.expectedPayDate ? -1 : a.expectedPayDate > b.expectedPayDate ? 1 : a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
    }
    const counts = promiseCounts(scores.judged, asOf);
    const commitments = forecastCommitments(scores.judged, counts);
    const forecast = cashForecast({ asOf, invoices: forecastInvoices, ...commitments });
    return { asOf, model, trained: trained.fallback ? null : trained, nextLate, invoices, forecast };
  });
}

/** The last day of each of the `count` months before asOf's day (the latest month end before asOf last). */
export function monthEndsBefore(asOf: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [];
  // The day before the first of asOf's month is the previous month's end.
  let end = addDays(`${asOf.slice(0, 7)}-01`, -1);
  for (let i = 0; i < count; i++) {
    out.unshift(end);
    end = addDays(`${end.slice(0, 7)}-01`, -1);
  }
  return out;
}
