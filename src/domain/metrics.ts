// Collection metrics (DOMAIN.md "Collection metrics") for a period P of n days with
// credit sales S. Ratios keep full float precision here; rounding happens only when
// a value is printed (formatMetric), so sums and differences of metrics stay exact
// enough and a report can pick its own number of decimals. A metric that divides by
// nothing (no sales, empty denominator) is null, never Infinity or NaN.
import type { Invoice, IsoDate, Minor } from './types';
import type { LedgerEntry } from './balance';
import { openBalance } from './balance';
import { addDays, daysBetween, daysInMonth, formatYmd } from './calendar';
import { roundHalfAwayFromZero } from './money';

/** Simple DSO = AR at end of P / S x n. Null without sales. */
export function simpleDso(arEnd: Minor, sales: Minor, days: number): number | null {
  return sales > 0 ? (arEnd / sales) * days : null;
}

/** Best possible DSO = not-yet-due AR at end of P / S x n. Null without sales. */
export function bestDso(notDueEnd: Minor, sales: Minor, days: number): number | null {
  return sales > 0 ? (notDueEnd / sales) * days : null;
}

/**
 * ADD (average days delinquent) = simple DSO - best possible DSO, i.e. the overdue
 * part of ending AR / S x n. Null without sales.
 */
export function add(arEnd: Minor, notDueEnd: Minor, sales: Minor, days: number): number | null {
  return sales > 0 ? ((arEnd - notDueEnd) / sales) * days : null;
}

/** One month of the count-back walk: its credit sales and its length in days. */
export interface MonthSales {
  sales: Minor;
  days: number;
}

/**
 * Count-back DSO: walk `months` (newest first, the first ending at the end of P),
 * taking each month's sales out of ending AR while the AR left covers them and adding
 * that month's days; the first month it no longer covers adds the covered fraction of
 * its days, and the walk stops. A month without sales is covered whole.
 * Null when no month has sales, or when AR is larger than the sales of every month
 * given (the AR is older than the history, so the count cannot be finished). AR <= 0
 * gives 0.
 */
export function countbackDso(arEnd: Minor, months: MonthSales[]): number | null {
  if (!months.some((m) => m.sales > 0)) return null;
  let left = arEnd;
  let days = 0;
  for (const month of months) {
    if (left <= 0) return days;
    const sales = Math.max(0, month.sales);
    if (left >= sales) {
      left -= sales;
      days += month.days;
    } else {
      return days + (left / sales) * month.days;
    }
  }
  return left <= 0 ? days : null;
}

/**
 * CEI (collection effectiveness index) = (AR start + S - AR end) /
 * (AR start + S - not-yet-due AR end) x 100, S the full credit sales of P.
 * Null when the denominator is not positive (nothing was collectible).
 */
export function cei(arStart: Minor, sales: Minor, arEnd: Minor, notDueEnd: Minor): number | null {
  const collectible = arStart + sales - notDueEnd;
  return collectible > 0 ? ((arStart + sales - arEnd) / collectible) * 100 : null;
}

/** Bad-debt ratio = write-offs in P / S x 100. Null without sales. */
export function badDebtRatio(writeoffs: Minor, sales: Minor): number | null {
  return sales > 0 ? (writeoffs / sales) * 100 : null;
}

/** What moved an invoice's balance; the kind lets a period tell collections from write-offs. */
export type EntryKind = 'allocation' | 'credit' | 'writeoff' | 'charge';

/** A ledger entry (+charge, -allocation, -credit, -write-off) with its kind. */
export interface PeriodEntry extends LedgerEntry {
  kind: EntryKind;
}

/** One month of credit sales for the count-back walk; the newest may be partial. */
export interface SalesMonth extends MonthSales {
  /** First and last day counted (inclusive). */
  start: IsoDate;
  end: IsoDate;
}

/** The figures of a period that the metrics are computed from. */
export interface PeriodInputs {
  from: IsoDate;
  to: IsoDate;
  /** n: days in P, both ends included. */
  days: number;
  /** S: amounts of the invoices issued in P. */
  invoiced: Minor;
  /** Payment allocations dated in P. */
  collected: Minor;
  /** AR at the start of P: open balances at the end of the day before `from`. */
  arStart: Minor;
  /** AR at the end of P: open balances as of `to`. */
  arEnd: Minor;
  /** Of arEnd, the invoices not yet due on `to` (due date >= to, as the due-basis aging). */
  notDueEnd: Minor;
  /** Write-offs dated in P. */
  writeoffs: Minor;
  /**
   * Credit sales per calendar month, newest first: the month of `to` counted up to
   * `to`, then whole months back to the month of the earliest invoice.
   */
  months: SalesMonth[];
}

type PeriodInvoice = Pick<Invoice, 'id' | 'amount' | 'issueDate' | 'dueDate'>;

/**
 * The inputs of period [from, to] (inclusive) from invoices and their ledger entries.
 * AR here is the sum of invoice open balances (openBalance); unapplied customer credit
 * is not an invoice and is not in it. Throws RangeError when from > to or a date is malformed.
 */
export function periodInputs(invoices: PeriodInvoice[], entries: PeriodEntry[], from: IsoDate, to: IsoDate): PeriodInputs {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new RangeError(`Period starts after it ends: ${from} > ${to}`);
  const dayBefore = addDays(from, -1);
  const inPeriod = (date: IsoDate): boolean => date >= from && date <= to;

  const byInvoice = new Map<string, PeriodEntry[]>();
  let collected = 0;
  let writeoffs = 0;
  for (const e of entries) {
    let list = byInvoice.get(e.invoiceId);
    if (!list) byInvoice.set(e.invoiceId, (list = []));
    list.push(e);
    if (!inPeriod(e.date)) continue;
    if (e.kind === 'allocation') collected -= e.delta;
    else if (e.kind === 'writeoff') writeoffs -= e.delta;
  }

  let invoiced = 0;
  let arStart = 0;
  let arEnd = 0;
  let notDueEnd = 0;
  const salesByMonth = new Map<string, Minor>();
  let earliest: IsoDate = to;
  for (const inv of invoices) {
    const list = byInvoice.get(inv.id) ?? [];
    if (inPeriod(inv.issueDate)) invoiced += inv.amount;
    arStart += openBalance(inv, list, dayBefore);
    const end = openBalance(inv, list, to);
    arEnd += end;
    if (inv.issueDate <= to && inv.dueDate >= to) notDueEnd += end;
    if (inv.issueDate <= to) {
      const month = inv.issueDate.slice(0, 7);
      salesByMonth.set(month, (salesByMonth.get(month) ?? 0) + inv.amount);
      if (inv.issueDate < earliest) earliest = inv.issueDate;
    }
  }

  return {
    from, to, days, invoiced, collected, arStart, arEnd, notDueEnd, writeoffs,
    months: salesMonths(to, earliest, salesByMonth),
  };
}

/** Calendar months from the month of `to` (cut at `to`) back to the month of `earliest`. */
function salesMonths(to: IsoDate, earliest: IsoDate, salesByMonth: Map<string, Minor>): SalesMonth[] {
  const months: SalesMonth[] = [];
  let year = Number(to.slice(0, 4));
  let month = Number(to.slice(5, 7));
  const stop = earliest.slice(0, 7);
  for (;;) {
    const key = formatYmd(year, month, 1).slice(0, 7);
    const start = formatYmd(year, month, 1);
    const end = months.length === 0 ? to : formatYmd(year, month, daysInMonth(year, month));
    months.push({ start, end, days: daysBetween(start, end) + 1, sales: salesByMonth.get(key) ?? 0 });
    if (key <= stop) return months;
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
}

/** Every metric of a period; null where it is undefined (see each function). */
export interface CollectionMetrics {
  simpleDso: number | null;
  countbackDso: number | null;
  bestDso: number | null;
  add: number | null;
  /** Percent. */
  cei: number | null;
  /** Percent. */
  badDebtRatio: number | null;
}

export function collectionMetrics(p: PeriodInputs): CollectionMetrics {
  return {
    simpleDso: simpleDso(p.arEnd, p.invoiced, p.days),
    countbackDso: countbackDso(p.arEnd, p.months),
    bestDso: bestDso(p.notDueEnd, p.invoiced, p.days),
    add: add(p.arEnd, p.notDueEnd, p.invoiced, p.days),
    cei: cei(p.arStart, p.invoiced, p.arEnd, p.notDueEnd),
    badDebtRatio: badDebtRatio(p.writeoffs, p.invoiced),
  };
}

/**
 * A metric for printing: rounded half away from zero to `decimals` (default 1, as
 * '73.7' days or '79.6' percent); '' for an undefined (null) metric.
 */
export function formatMetric(value: number | null, decimals = 1): string {
  if (value === null) return '';
  if (!Number.isFinite(value)) throw new RangeError(`Finite metric expected: ${value}`);
  const scale = 10 ** decimals;
  // Round the shortest decimal text, not value * scale, so 0.05 -> 0.1 rather than 0.0.
  const [mantissa, exponent] = value.toExponential().split('e');
  const scaled = roundHalfAwayFromZero(Number(`${mantissa}e${Number(exponent) + decimals}`));
  return (scaled / scale).toFixed(decimals);
}
