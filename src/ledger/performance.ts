// Collection performance of a period read off the ledger's columns (analytics page):
// the domain's PeriodInputs (the same numbers periodInputs gives on the same records),
// and per calendar month of the period its sales, collections, AR at both ends and
// the aging at its end, plus who owes the most at the end and how the invoices paid
// off in the period were paid.
//
// A few passes, no Invoice objects: the events are grouped by invoice with a counting
// sort, then each invoice's balance is rolled forward over a handful of checkpoint
// days (the day before the period, and each shown month's end), so 100,000 invoices
// over 24 months cost ~2.6 million additions rather than 24 balance views.

import type { AgingBasis, DayNumber, Id, IsoDate, Minor } from '../domain/types';
import type { PeriodInputs, SalesMonth } from '../domain/metrics';
import type { MonthFigures } from '../api/analytics';
import { bucketIndex } from '../domain/aging';
import { fromDayNumber } from '../domain/calendar';
import { dayNumber } from './days';
import { monthEnd, monthEndDay, monthKey, monthOfDay, monthStart, monthStartDay, type MonthIndex } from './performance-months';
import { EVENT_ALLOCATION, EVENT_NONE, EVENT_WRITEOFF, GONE, type LedgerStore } from './store';

/** At most this many calendar months are broken out; a longer period shows its last ones. */
export const MAX_MONTHS = 24;
/** "Over 90 days": more than this many days past the due date. */
export const OVER_DAYS = 90;


export interface DebtorOpen {
  customerId: Id;
  name: string;
  /** Open invoice balances (> 0) at the end of the period. */
  open: Minor;
}

export interface PerformanceFigures {
  inputs: PeriodInputs;
  /** Of arEnd, invoices more than OVER_DAYS days past due at the end. */
  over90: Minor;
  /** Invoices whose balance a payment brought to zero within the period, and their days late summed (early counts 0). */
  paidOff: { invoices: number; daysLate: number };
  /** The period's calendar months, oldest first (the last MAX_MONTHS of a longer period). */
  months: MonthFigures[];
  /** True when the period had more months than were broken out. */
  monthsCut: boolean;
  /** The largest debtors at the end, largest first; `total` is all debtors' open balances, `count` how many owe anything. */
  debtors: { top: DebtorOpen[]; total: Minor; count: number };
}

export interface PerformanceOptions {
  bounds: number[];
  basis: AgingBasis;
  topCount: number;
}

/** Throws RangeError on a malformed date or when from > to. */
export function periodPerformance(store: LedgerStore, from: IsoDate, to: IsoDate, options: PerformanceOptions): PerformanceFigures {
  const fromDay = dayNumber(from);
  const toDay = dayNumber(to);
  if (fromDay > toDay) throw new RangeError(`Period starts after it ends: ${from} > ${to}`);
  const { bounds, basis } = options;

  // --- The months shown and the checkpoint days balances are rolled to.
  const lastMonth = monthOfDay(toDay);
  const firstMonth = Math.max(monthOfDay(fromDay), lastMonth - (MAX_MONTHS - 1));
  const shown: { m: MonthIndex; startDay: DayNumber; endDay: DayNumber }[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) {
    shown.push({ m, startDay: Math.max(fromDay, monthStartDay(m)), endDay: Math.min(toDay, monthEndDay(m)) });
  }
  const firstShownDay = (shown[0] as { startDay: DayNumber }).startDay;
  const checkpoints = [...new Set([fromDay - 1, firstShownDay - 1, ...shown.map((s) => s.endDay)])].sort((a, b) => a - b);
  const K = checkpoints.length;
  const cpOf = (day: DayNumber) => checkpoints.indexOf(day);
  const base = checkpoints[0] as DayNumber;
  // binOf[d - base - 1] = the first checkpoint on or after day d (base < d <= to); days up to base go to 0.
  const binOf = new Uint8Array(toDay - base);
  for (let k = 1, d = base + 1; d <= toDay; d++) {
    while ((checkpoints[k] as DayNumber) < d) k++;
    binOf[d - base - 1] = k;
  }
  const bin = (d: DayNumber) => (d <= base ? 0 : (binOf[d - base - 1] as number));
  const endCheckpoint = new Int32Array(K).fill(-1); // checkpoint -> shown month whose end it is
  shown.forEach((s, i) => { endCheckpoint[cpOf(s.endDay)] = i; });

  // --- Pass 1 over events: period sums, collections per month, and counts per invoice for grouping.
  const n = store.invoiceCount;
  const { eventKind, eventDay, eventInvoice, eventDelta, invoiceFlags } = store;
  const perInvoice = new Int32Array(n + 1);
  const collectedAt = new Float64Array(K);
  let collected = 0;
  let writeoffs = 0;
  for (let e = 0; e < store.eventCount; e++) {
    const kind = eventKind[e];
    if (kind === EVENT_NONE) continue;
    const inv = eventInvoice[e] as number;
    if (((invoiceFlags[inv] as number) & GONE) !== 0) continue;
    const day = eventDay[e] as number;
    if (day > toDay) continue;
    perInvoice[inv + 1] = (perInvoice[inv + 1] as number) + 1;
    if (day < fromDay) continue;
    const delta = eventDelta[e] as number;
    if (kind === EVENT_ALLOCATION) {
      collected -= delta;
      collectedAt[bin(day)] = (collectedAt[bin(day)] as number) - delta;
    } else if (kind === EVENT_WRITEOFF) writeoffs -= delta;
  }
  for (let i = 0; i < n; i++) perInvoice[i + 1] = (perInvoice[i + 1] as number) + (perInvoice[i] as number);
  const order = new Int32Array(perInvoice[n] as number);
  const fill = perInvoice.slice(0, n);
  for (let e = 0; e < store.eventCount; e++) {
    if (eventKind[e] === EVENT_NONE || (eventDay[e] as number) > toDay) continue;
    const inv = eventInvoice[e] as number;
    if (((invoiceFlags[inv] as number) & GONE) !== 0) continue;
    order[fill[inv] as number] = e;
    fill[inv] = (fill[inv] as number) + 1;
  }

  // --- Pass 2 over invoices: roll each balance over the checkpoints.
  const bucketCount = bounds.length + (basis === 'due' ? 2 : 1);
  const ar = new Float64Array(K);
  const notDue = new Float64Array(K);
  const invoicedAt = new Float64Array(K);
  const aging = shown.map(() => new Array<Minor>(bucketCount).fill(0));
  const customerOpen = new Float64Array(store.customerCount);
  const salesByMonth = new Map<MonthIndex, Minor>();
  let earliestMonth = lastMonth;
  let invoiced = 0;
  let over90 = 0;
  let paidOffCount = 0;
  let paidOffLate = 0;
  const bins = new Float64Array(K);
  const { issueDay, dueDay, invoiceAmount, invoiceCustomer } = store;
  const basisDay = basis === 'due' ? dueDay : issueDay;
  for (let i = 0; i < n; i++) {
    if (((invoiceFlags[i] as number) & GONE) !== 0) continue;
    const issue = issueDay[i] as number;
    if (issue > toDay) continue; // did not exist yet: no sales, no balance, no events that count
    const amount = invoiceAmount[i] as number;
    const due = dueDay[i] as number;
    const month = monthOfDay(issue);
    salesByMonth.set(month, (salesByMonth.get(month) ?? 0) + amount);
    if (month < earliestMonth) earliestMonth = month;
    if (issue >= fromDay) invoiced += amount;
    if (issue >= firstShownDay) invoicedAt[bin(issue)] = (invoicedAt[bin(issue)] as number) + amount;

    bins.fill(0);
    let lastReduction = Number.NEGATIVE_INFINITY;
    let paidByPayment = false;
    for (let k = perInvoice[i] as number, end = perInvoice[i + 1] as number; k < end; k++) {
      const e = order[k] as number;
      const day = eventDay[e] as number;
      const delta = eventDelta[e] as number;
      const b = bin(day);
      bins[b] = (bins[b] as number) + delta;
      // Balances never go below zero, so the last reduction up to `to` is the one that paid it off.
      if (delta < 0 && day >= lastReduction) {
        paidByPayment = (day > lastReduction ? false : paidByPayment) || eventKind[e] === EVENT_ALLOCATION;
        lastReduction = day;
      }
    }

    let balance = amount;
    for (let k = 0; k < K; k++) {
      balance += bins[k] as number;
      const at = checkpoints[k] as number;
      if (issue > at) continue;
      ar[k] = (ar[k] as number) + balance;
      if (due >= at) notDue[k] = (notDue[k] as number) + balance;
      const month = endCheckpoint[k] as number;
      if (month >= 0 && balance > 0) {
        const row = aging[month] as Minor[];
        const bucket = bucketIndex(at - (basisDay[i] as number), bounds, basis);
        row[bucket] = (row[bucket] as number) + balance;
      }
    }
    if (balance > 0) {
      const c = invoiceCustomer[i] as number;
      if (c >= 0) customerOpen[c] = (customerOpen[c] as number) + balance;
      if (toDay - due > OVER_DAYS) over90 += balance;
    } else if (paidByPayment && lastReduction >= fromDay) {
      paidOffCount += 1;
      paidOffLate += Math.max(0, lastReduction - due);
    }
  }

  const months: MonthFigures[] = shown.map((s, idx) => {
    const endK = cpOf(s.endDay);
    const startK = cpOf(s.startDay - 1);
    return {
      month: monthKey(s.m),
      start: fromDayNumber(s.startDay),
      end: fromDayNumber(s.endDay),
      days: s.endDay - s.startDay + 1,
      invoiced: invoicedAt[endK] as number,
      collected: collectedAt[endK] as number,
      arStart: ar[startK] as number,
      arEnd: ar[endK] as number,
      notDueEnd: notDue[endK] as number,
      aging: aging[idx] as Minor[],
    };
  });

  const last = K - 1;
  const inputs: PeriodInputs = {
    from, to, days: toDay - fromDay + 1, invoiced, collected,
    arStart: ar[0] as number, arEnd: ar[last] as number, notDueEnd: notDue[last] as number, writeoffs,
    months: salesMonths(lastMonth, earliestMonth, to, salesByMonth),
  };
  return {
    inputs, over90, paidOff: { invoices: paidOffCount, daysLate: paidOffLate },
    months, monthsCut: firstMonth > monthOfDay(fromDay),
    debtors: largestDebtors(store, customerOpen, options.topCount),
  };
}

/** As the domain's periodInputs: the month of `to` (cut at `to`), then whole months back to the earliest sale. */
function salesMonths(last: MonthIndex, earliest: MonthIndex, to: IsoDate, sales: Map<MonthIndex, Minor>): SalesMonth[] {
  const out: SalesMonth[] = [];
  for (let m = last; m >= earliest; m--) {
    const start = monthStart(m);
    const end = m === last ? to : monthEnd(m);
    out.push({ start, end, days: dayNumber(end) - dayNumber(start) + 1, sales: sales.get(m) ?? 0 });
  }
  return out;
}

function largestDebtors(store: LedgerStore, open: Float64Array, topCount: number): PerformanceFigures['debtors'] {
  const owing: number[] = [];
  let total = 0;
  for (let c = 0; c < store.customerCount; c++) {
    const amount = open[c] as number;
    if (amount <= 0) continue;
    owing.push(c);
    total += amount;
  }
  const ids = store.customerIds;
  // Same amounts: by id, so the same book always lists the same customers.
  owing.sort((a, b) => (open[b] as number) - (open[a] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
  return {
    top: owing.slice(0, Math.max(0, topCount)).map((c) => ({ customerId: ids[c] as string, name: store.customerNames[c] as string, open: open[c] as number })),
    total,
    count: owing.length,
  };
}
