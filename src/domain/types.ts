// Stored record shapes. Amounts are integer minor units (fen, cents); dates are
// calendar dates as 'YYYY-MM-DD' strings (see calendar.ts for day arithmetic).

/** Random, stable record id (crypto.randomUUID()). */
export type Id = string;
/** Integer count of the currency's minor unit. Never a float amount. */
export type Minor = number;
/** A calendar date 'YYYY-MM-DD', no time, no zone. */
export type IsoDate = string;
/** Whole days since 1970-01-01 (for arithmetic only; not stored). */
export type DayNumber = number;
/** Hybrid-logical-clock stamp; strings compare in causal order (see db/hlc.ts). */
export type Stamp = string;

export type AgingBasis = 'due' | 'issue';
export type Locale = 'zh-CN' | 'en';

/** Fields every synced record carries. `deleted` is 0|1 so IndexedDB can index it. */
export interface Stamped {
  id: Id;
  bookId: Id;
  updatedAt: Stamp;
  deleted: 0 | 1;
}

export interface Book {
  id: Id;
  updatedAt: Stamp;
  deleted: 0 | 1;
  name: string;
  /** Base currency, ISO 4217 (default CNY). */
  currency: string;
  locale: Locale;
  /** Upper bounds of the aging buckets in days, strictly increasing. */
  agingBounds: number[];
  agingBasis: AgingBasis;
  defaultTermsDays: number;
  /** Amount input uses '1.234,56' style (comma decimal). */
  commaDecimal: boolean;
  /** Limitation period in years (PRC Civil Code art. 188: 3). */
  limitationYears: number;
  createdAt: IsoDate;
}

export interface Contact {
  name: string;
  phone: string;
  email: string;
  wechat: string;
  address: string;
}

export interface Customer extends Stamped {
  name: string;
  /** PRC Unified Social Credit Code, optional; a mismatch warns, never blocks. */
  uscc: string;
  termsDays: number;
  /** null = no limit set. */
  creditLimit: Minor | null;
  contacts: Contact[];
  tags: string[];
  notes: string;
  /** Service suspended (a bookkeeper's own fees: no more work until paid); absent = 0. */
  suspended?: 0 | 1;
  suspendReason?: string;
  /** A grade set by hand over the computed one, with why and when; absent or null = none. */
  gradeOverride?: GradeOverride | null;
}

/** Credit grades, A (优秀) the best to D (较差) the worst. */
export type Grade = 'A' | 'B' | 'C' | 'D';

export interface GradeOverride {
  grade: Grade;
  reason: string;
  setOn: IsoDate;
}

export interface Invoice extends Stamped {
  customerId: Id;
  /** Unique per book (among non-deleted invoices). */
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: Minor;
  currency: string;
  description: string;
  disputed: 0 | 1;
  disputeReason: string;
}

export interface Payment extends Stamped {
  customerId: Id;
  date: IsoDate;
  amount: Minor;
  method: string;
  reference: string;
}

/** Part of a payment applied to an invoice. `date`: the payment's date, or the invoice's issue date when credit is applied to an invoice issued after the payment. */
export interface Allocation extends Stamped {
  paymentId: Id;
  invoiceId: Id;
  customerId: Id;
  date: IsoDate;
  amount: Minor;
}

export type AdjustmentKind = 'credit' | 'writeoff' | 'charge';

/** Credit note and write-off reduce an invoice's balance; a charge raises it. Amount is positive. */
export interface Adjustment extends Stamped {
  kind: AdjustmentKind;
  invoiceId: Id;
  customerId: Id;
  date: IsoDate;
  amount: Minor;
  reason: string;
  /** For charges: how it was computed, in words, e.g. "100.00 × 10 %/yr × 15 d / 365". */
  basis: string;
}

export type Channel =
  | 'email' | 'sms' | 'wechat' | 'phone' | 'letter' | 'visit' | 'lawyer' | 'litigation';
export type Outcome = 'reached' | 'noAnswer' | 'promised' | 'disputed' | 'refused' | 'paid' | 'note' | 'skipped' | 'snoozed';

export interface Activity extends Stamped {
  customerId: Id;
  invoiceId: Id | null;
  date: IsoDate;
  channel: Channel;
  stage: string;
  outcome: Outcome;
  note: string;
  nextActionDate: IsoDate | null;
  promiseAmount: Minor | null;
  promiseDate: IsoDate | null;
}

/** Key/value setting; bookId '' for settings that belong to the device. */
export interface Setting {
  bookId: Id;
  key: string;
  value: unknown;
  /** HLC stamp of the last write (set by the repository's hook), so sync can merge book settings; absent on rows from before sync. */
  updatedAt?: Stamp;
}

export type TableName =
  | 'books' | 'customers' | 'invoices' | 'payments' | 'allocations' | 'adjustments' | 'activities'
  | 'promises' | 'plans' | 'notices' | 'attachments';

/** One write, as the change log keeps it (for undo now, sync later). */
export interface Change {
  seq?: number;
  bookId: Id;
  table: TableName;
  recordId: Id;
  before: unknown | null;
  after: unknown | null;
  stamp: Stamp;
  /** Writes made by one user action share a batch; undo reverts a batch. */
  batch: string;
  /** What the user did, as an i18n key suffix: 'invoice.create', 'payment.record', 'undo', ... */
  action: string;
  /** 1 once the batch has been undone. */
  undone: 0 | 1;
  /**
   * Set on the compact entry a bulk write (import, demo, undoing either) logs per
   * chunk instead of one full copy per record: recordId is '', before and after
   * are null, and the records themselves are read from their table (expandChanges).
   */
  bulk?: BulkChange;
}

export interface BulkChange {
  /** insert: every id was new; tombstone: every id was set deleted: 1. */
  op: 'insert' | 'tombstone';
  ids: Id[];
  /** Records the whole batch wrote, over all its entries (for "recent activity"). */
  total: number;
}
