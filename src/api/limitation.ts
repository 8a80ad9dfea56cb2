// The worker's answers about the limitation period (诉讼时效, DOMAIN.md "Limitation
// period"): one invoice's period, and the open invoices whose period ends soon or
// has ended. Part of OverdueApi.

import type { LimitationWarning, RestartEvent } from '../domain/limitation';
import type { Id, IsoDate, Minor } from '../domain/types';

/** One invoice's period as of a day. */
export interface InvoiceLimitation {
  /** The day after the due date, from which the period first runs. */
  start: IsoDate;
  /** The latest event that restarted the period (on or before the as-of day), or null. */
  lastEvent: RestartEvent | null;
  /** The last day the claim is within the period. */
  endsOn: IsoDate;
  /** Null when nothing is left to claim (paid, credited, written off) or the end is more than 90 days off. */
  warning: LimitationWarning | null;
  /** The book's period length. */
  years: number;
}

/** An open invoice whose period ends within 90 days of the as-of day, or has ended. */
export interface LimitationRow {
  invoiceId: Id;
  number: string;
  customerId: Id;
  customerName: string;
  dueDate: IsoDate;
  balance: Minor;
  endsOn: IsoDate;
  warning: LimitationWarning;
  lastEvent: RestartEvent | null;
}

export interface LimitationWarnings {
  asOf: IsoDate;
  years: number;
  /**
   * Periods still running first, the soonest end first; then the ended ones, the most
   * recently ended first (the ones a lawyer may still argue about). At most the limit asked for.
   */
  rows: LimitationRow[];
  /** All the warned invoices, of which `rows` is the first part. */
  total: number;
  /** How many of `total` carry each warning. */
  counts: Record<LimitationWarning, number>;
}

export interface LimitationApi {
  /** Null when the invoice is not in the book. */
  invoiceLimitation(bookId: Id, invoiceId: Id, asOf: IsoDate): Promise<InvoiceLimitation | null>;
  /** Open invoices (disputed too: a dispute does not stop the clock) warned as of the day; `limit` defaults to 200. */
  limitationWarnings(bookId: Id, asOf: IsoDate, limit?: number): Promise<LimitationWarnings>;
}
