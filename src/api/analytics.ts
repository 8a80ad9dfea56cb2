// Collection performance as the worker answers it (issue 5, analytics page): for a
// chosen period, the figures the DOMAIN.md metrics are computed from, the metrics,
// a breakdown per calendar month and the largest debtors at the end. Small: at most
// 24 months and 10 debtors, whatever the size of the book.

import type { BucketRange } from '../domain/aging';
import type { CollectionMetrics, PeriodInputs } from '../domain/metrics';
import type { AgingBasis, Id, IsoDate, Minor } from '../domain/types';

export interface AnalyticsQuery {
  /** First and last day of the period (inclusive). */
  from: IsoDate;
  to: IsoDate;
  /**
   * Today (or the overridden date): a period reaching past it is cut at asOf, since
   * the figures of days still to come are not known; promises are judged as of it.
   */
  asOf: IsoDate;
}

export interface MonthFigures {
  /** 'YYYY-MM'. */
  month: string;
  /** The month cut to the period: first and last day counted (inclusive). */
  start: IsoDate;
  end: IsoDate;
  days: number;
  /** Credit sales: invoices issued in the month. */
  invoiced: Minor;
  /** Payment allocations dated in the month. */
  collected: Minor;
  /** AR at the end of the day before `start`, and as of `end`. */
  arStart: Minor;
  arEnd: Minor;
  /** Of arEnd, invoices not yet due on `end`. */
  notDueEnd: Minor;
  /** Open balances (> 0) per bucket of the book's bounds and basis as of `end`. */
  aging: Minor[];
}

/** A month of the report: its figures and the month's own simple DSO and CEI. */
export interface AnalyticsMonth extends MonthFigures {
  /** Simple DSO and CEI (percent) of the month alone; null where undefined. */
  simpleDso: number | null;
  cei: number | null;
}

export interface DebtorShare {
  customerId: Id;
  name: string;
  open: Minor;
  /** open / all debtors' open balances at the end, 0..1. */
  share: number;
}

export interface AnalyticsReport {
  /** The period answered: `to` is the requested end cut at asOf. */
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  currency: string;
  /** The book's aging buckets, in the order of each month's `aging`. */
  basis: AgingBasis;
  buckets: BucketRange[];
  /** The period's figures (S = invoiced, collected, AR at both ends, write-offs, sales per month for count-back). */
  inputs: PeriodInputs;
  metrics: CollectionMetrics;
  collected: Minor;
  /** Share (0..1) of AR at the end in invoices more than 90 days past due; null when there is no AR. */
  over90Share: number | null;
  /** Promises whose last day of grace fell in the period: kept / (kept + broken), null when none was decided. */
  promises: { kept: number; broken: number; rate: number | null };
  /** Invoices a payment paid off in the period, and their mean days past due (on time counts 0); null when none. */
  daysLate: { invoices: number; average: number | null };
  /** Calendar months of the period, oldest first: at most 24 (a longer period shows its last 24, monthsCut). */
  months: AnalyticsMonth[];
  monthsCut: boolean;
  /** The 10 largest debtors at the end. */
  topDebtors: DebtorShare[];
  /** Share (0..1) of the largest and the five largest debtors (null without AR), and how many owe anything. */
  concentration: { top1: number | null; top5: number | null; debtors: number; total: Minor };
  computeMs: number;
}

export interface AnalyticsApi {
  /**
   * Collection performance of a period. Throws RangeError('analytics.period') when a
   * date is malformed or `from` is after `to` (or after asOf).
   */
  analytics(bookId: Id, query: AnalyticsQuery): Promise<AnalyticsReport>;
}
