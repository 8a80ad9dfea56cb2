// Credit-risk facts of the whole book as of a day, from the columns in one pass:
// every customer's RiskFacts (promise counts aside, they live in the collections
// tables), the paid-invoice history the late-payment model learns from, and the
// open invoices it scores. customerRiskFacts (risk-facts.ts) scans every invoice
// and event for one customer; here invoices are grouped by customer and events by
// invoice once per ledger version (counting sort, stable, so each customer's
// invoices and each invoice's events keep their row order), and then any as-of
// day, or any one customer's history at many days, is a walk over those groups.

import type { PaidInvoiceFact } from '../domain/late-model';
import type { RiskFacts } from '../domain/risk-score';
import type { DayNumber, Grade, Id } from '../domain/types';
import { EVENT_NONE, FLAG_DISPUTED, FLAG_SUSPENDED, GONE, GRADE_CODES, type LedgerStore } from './store';

const YEAR = 365;

export type LedgerRiskFacts = Omit<RiskFacts, 'brokenPromises' | 'keptPromises'>;

/** Rows grouped once per ledger version. */
export interface RiskIndex {
  /** Invoice rows of customer c: invoiceRows[invoiceStart[c] .. invoiceStart[c + 1]), live invoices only, in row order. */
  invoiceStart: Int32Array;
  invoiceRows: Int32Array;
  /** Events of invoice i: eventDay/eventDelta[eventStart[i] .. eventStart[i + 1]), live events only, by day (stable). */
  eventStart: Int32Array;
  eventDay: Int32Array;
  eventDelta: Float64Array;
}

export function riskIndex(store: LedgerStore): RiskIndex {
  const customers = store.customerCount;
  const n = store.invoiceCount;

  const invoiceStart = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) {
    const c = store.invoiceCustomer[i] as number;
    if (c >= 0 && ((store.invoiceFlags[i] as number) & GONE) === 0) invoiceStart[c + 1] = (invoiceStart[c + 1] as number) + 1;
  }
  for (let c = 0; c < customers; c++) invoiceStart[c + 1] = (invoiceStart[c + 1] as number) + (invoiceStart[c] as number);
  const invoiceRows = new Int32Array(invoiceStart[customers] as number);
  const fill = invoiceStart.slice(0, customers);
  for (let i = 0; i < n; i++) {
    const c = store.invoiceCustomer[i] as number;
    if (c >= 0 && ((store.invoiceFlags[i] as number) & GONE) === 0) invoiceRows[(fill[c] as number)++] = i;
  }

  const eventStart = new Int32Array(n + 1);
  for (let e = 0; e < store.eventCount; e++) {
    if (store.eventKind[e] === EVENT_NONE) continue;
    const slot = (store.eventInvoice[e] as number) + 1;
    eventStart[slot] = (eventStart[slot] as number) + 1;
  }
  for (let i = 0; i < n; i++) eventStart[i + 1] = (eventStart[i + 1] as number) + (eventStart[i] as number);
  const total = eventStart[n] as number;
  const eventDay = new Int32Array(total);
  const eventDelta = new Float64Array(total);
  const next = eventStart.slice(0, n);
  for (let e = 0; e < store.eventCount; e++) {
    if (store.eventKind[e] === EVENT_NONE) continue;
    const k = (next[store.eventInvoice[e] as number] as number)++;
    eventDay[k] = store.eventDay[e] as number;
    eventDelta[k] = store.eventDelta[e] as number;
  }
  // Insertion sort by day within each invoice: a handful of events each, and stable.
  for (let i = 0; i < n; i++) {
    const from = eventStart[i] as number;
    const to = eventStart[i + 1] as number;
    for (let k = from + 1; k < to; k++) {
      const day = eventDay[k] as number;
      const delta = eventDelta[k] as number;
      let j = k - 1;
      while (j >= from && (eventDay[j] as number) > day) {
        eventDay[j + 1] = eventDay[j] as number;
        eventDelta[j + 1] = eventDelta[j] as number;
        j--;
      }
      eventDay[j + 1] = day;
      eventDelta[j + 1] = delta;
    }
  }
  return { invoiceStart, invoiceRows, eventStart, eventDay, eventDelta };
}

/** Where one invoice stood on a day: its balance and the day it was paid off (Infinity while open). */
function invoiceAsOf(store: LedgerStore, index: RiskIndex, i: number, asOf: DayNumber, out: { balance: number; paidDay: number }): void {
  let balance = store.invoiceAmount[i] as number;
  let paidDay = Number.POSITIVE_INFINITY;
  const to = index.eventStart[i + 1] as number;
  for (let k = index.eventStart[i] as number; k < to; k++) {
    const day = index.eventDay[k] as number;
    if (day > asOf) break;
    balance += index.eventDelta[k] as number;
    if (balance <= 0 && paidDay === Number.POSITIVE_INFINITY) paidDay = day;
  }
  out.balance = balance;
  // Paid off and then charged again: open, so not paid.
  out.paidDay = balance <= 0 ? paidDay : Number.POSITIVE_INFINITY;
}

/** What the book-wide pass hands each invoice it visits (the history and open lists). */
interface InvoiceSink {
  (i: number, c: number, balance: number, paidDay: number): void;
}

/**
 * Customer row c's facts as of the day, walking only its invoices; null when the
 * customer is gone. Equal to customerRiskFacts (same invoice order, same sums).
 */
export function customerFactsAsOf(store: LedgerStore, index: RiskIndex, c: number, asOf: DayNumber, sink?: InvoiceSink): LedgerRiskFacts | null {
  if (c < 0 || c >= store.customerCount || ((store.customerFlags[c] as number) & GONE) !== 0) return null;
  const limit = store.customerLimit[c] as number;
  const facts: LedgerRiskFacts = {
    open: 0, overdue: 0, overdueAgeDays: 0, oldestDaysOverdue: 0, daysLate: [], disputed: 0,
    creditLimit: Number.isNaN(limit) ? null : limit, priorDaysLate: [],
  };
  const state = { balance: 0, paidDay: 0 };
  const to = index.invoiceStart[c + 1] as number;
  for (let k = index.invoiceStart[c] as number; k < to; k++) {
    const i = index.invoiceRows[k] as number;
    if ((store.issueDay[i] as number) > asOf) continue;
    invoiceAsOf(store, index, i, asOf, state);
    sink?.(i, c, state.balance, state.paidDay);
    const due = store.dueDay[i] as number;
    const balance = state.balance;
    if (balance > 0) {
      facts.open += balance;
      if (((store.invoiceFlags[i] as number) & FLAG_DISPUTED) !== 0) facts.disputed += balance;
      if (due < asOf) {
        const age = asOf - due;
        facts.overdueAgeDays = (facts.overdueAgeDays * facts.overdue + age * balance) / (facts.overdue + balance);
        facts.overdue += balance;
        facts.oldestDaysOverdue = Math.max(facts.oldestDaysOverdue, age);
      }
      continue;
    }
    const paid = state.paidDay;
    if (paid > asOf - YEAR) facts.daysLate.push(paid - due);
    else if (paid > asOf - 2 * YEAR) facts.priorDaysLate.push(paid - due);
  }
  return facts;
}

/** A customer as the risk pages name it. */
export interface RiskCustomer {
  id: Id;
  name: string;
  termsDays: number;
  /** The grade set by hand, null when none. */
  override: Grade | null;
  suspended: boolean;
}

/** An invoice open on the day. */
export interface RiskOpenInvoice {
  id: Id;
  number: string;
  /** Customer row. */
  customer: number;
  issueDay: DayNumber;
  dueDay: DayNumber;
  amount: number;
  balance: number;
}

/** The whole book as of a day. */
export interface RiskBook {
  asOfDay: DayNumber;
  /** Per customer row (null when gone): who it is. */
  customers: (RiskCustomer | null)[];
  /** Per customer row: its facts, null when gone. */
  facts: (LedgerRiskFacts | null)[];
  /** Per customer row: live invoices issued on or before the day. */
  invoiceCount: Int32Array;
  /**
   * Every live invoice issued on or before the day, paid-off day or Infinity while
   * open (only events on or before the day count); customerKey = customer row.
   */
  history: PaidInvoiceFact[];
  /** Invoices open on the day (balance > 0), grouped by customer in row order. */
  open: RiskOpenInvoice[];
}

export function riskBook(store: LedgerStore, index: RiskIndex, asOf: DayNumber): RiskBook {
  const customers = store.customerCount;
  const facts: (LedgerRiskFacts | null)[] = new Array<LedgerRiskFacts | null>(customers).fill(null);
  const invoiceCount = new Int32Array(customers);
  const history: PaidInvoiceFact[] = [];
  const open: RiskOpenInvoice[] = [];
  const sink: InvoiceSink = (i, c, balance, paidDay) => {
    invoiceCount[c] = (invoiceCount[c] as number) + 1;
    history.push({
      customerKey: c, issueDay: store.issueDay[i] as number, dueDay: store.dueDay[i] as number,
      amount: store.invoiceAmount[i] as number, paidDay,
    });
    if (balance > 0) {
      open.push({
        id: store.invoiceIds[i] as Id, number: store.invoiceNumbers[i] as string, customer: c,
        issueDay: store.issueDay[i] as number, dueDay: store.dueDay[i] as number, amount: store.invoiceAmount[i] as number, balance,
      });
    }
  };
  const who: (RiskCustomer | null)[] = [];
  for (let c = 0; c < customers; c++) {
    facts[c] = customerFactsAsOf(store, index, c, asOf, sink);
    who.push(facts[c] === null ? null : riskCustomer(store, c));
  }
  return { asOfDay: asOf, customers: who, facts, invoiceCount, history, open };
}

export function riskCustomer(store: LedgerStore, c: number): RiskCustomer {
  return {
    id: store.customerIds[c] as Id,
    name: store.customerNames[c] as string,
    termsDays: store.customerTerms[c] as number,
    override: GRADE_CODES[store.customerGrade[c] as number] ?? null,
    suspended: ((store.customerFlags[c] as number) & FLAG_SUSPENDED) !== 0,
  };
}
