// The worker's answers for the collections workflow (today's queue, a customer's
// contacts, promises and plans), and the inputs that log them. Part of OverdueApi.

import type { Result } from '../domain/errors';
import type { Grade, Notice, NoticeLayoutBlock, PaymentPlan, PromiseState, PromiseToPay, Stage, TemplateId } from '../domain/collections';
import type { Activity, Id, IsoDate, Minor } from '../domain/types';

/** One customer who needs an action today or is late on one. */
export interface QueueRow {
  customerId: Id;
  customerName: string;
  grade: Grade | null;
  suspended: boolean;
  stage: Stage;
  /** The stage's position in the policy (1-based, for "stage 3 of 8"). */
  stageNumber: number;
  stageCount: number;
  /** The invoice whose due date the stage counts from (the most overdue). */
  driverInvoiceId: Id;
  driverNumber: string;
  dueOn: IsoDate;
  /** Days since the stage fell due (0 = due today). */
  daysLate: number;
  overdueTotal: Minor;
  oldestDaysOverdue: number;
  /** Every chaseable overdue invoice of the customer: all go into one notice. */
  invoiceIds: Id[];
}

export interface QueuePage {
  asOf: IsoDate;
  rows: QueueRow[];
  /** Customers whose chasing is paused by a current promise or plan, or snoozed. */
  paused: number;
}

/**
 * A contact as logged from the queue or the customer page: the contact log's own
 * fields (invoiceId null = about the customer as a whole; stage '' = outside the
 * policy), plus what may come with it.
 */
export type ContactInput = Pick<Activity, 'customerId' | 'invoiceId' | 'date' | 'channel' | 'stage' | 'outcome' | 'note' | 'nextActionDate'> & {
  /** With outcome 'promised': what was promised, against which invoices. */
  promise?: { amount: Minor; date: IsoDate; invoiceIds: Id[]; graceDays: number } | null;
  /** Proof of delivery: a photo or PDF, at most ATTACHMENT_MAX_BYTES. */
  attachment?: { name: string; type: string; bytes: ArrayBuffer } | null;
};

/** An attachment as lists show it (the bytes are fetched on demand). */
export interface AttachmentInfo {
  id: Id;
  activityId: Id;
  name: string;
  type: string;
  size: number;
}

export interface ContactResult {
  activity: Activity;
  promise: PromiseToPay | null;
  /** A stage fee charged on the driver invoice, when the stage has one and the book charges stage fees. */
  feeCharged: Minor;
  /** The stage set the customer's service suspension. */
  suspended: boolean;
}

/** A new plan as entered: the stored plan's own fields. */
export type PlanInput = Pick<PaymentPlan, 'customerId' | 'invoiceIds' | 'instalments' | 'madeOn' | 'graceDays' | 'note'>;

export interface PromiseRow extends PromiseToPay {
  state: PromiseState;
  paid: Minor;
  brokenOn: IsoDate | null;
}

export interface PlanRow extends PaymentPlan {
  state: 'current' | 'completed' | 'broken';
  total: Minor;
  paid: Minor;
  brokenOn: IsoDate | null;
  schedule: { date: IsoDate; amount: Minor; state: PromiseState; paidTowards: Minor }[];
}

/** A customer's collections as of a date: what the customer page shows. */
export interface CustomerCollections {
  next: QueueRow | null;
  /** Why there is no next action, when there is none. */
  pausedBy: 'promise' | 'plan' | 'snooze' | 'dispute' | 'nothingDue' | null;
  activities: Activity[];
  promises: PromiseRow[];
  plans: PlanRow[];
  suspended: boolean;
  suspendReason: string;
  /** Notices produced for the customer, newest first. */
  notices: Notice[];
  attachments: AttachmentInfo[];
}

export interface NoticeRequest {
  customerId: Id;
  template: TemplateId;
  /** The policy stage the notice does ('' for one outside the policy). */
  stageId: string;
  date: IsoDate;
  deadline: IsoDate;
  locale: 'zh-CN' | 'en';
}

/** A notice as it would read if produced now; nothing is stored. */
export interface NoticeDraft {
  number: string;
  subject: string;
  text: string;
  blocks: NoticeLayoutBlock[];
  invoiceIds: Id[];
  total: Minor;
  /** The customer's first email address, for the mailto link. */
  email: string;
}

export interface CollectionsApi {
  collectionQueue(bookId: Id, asOf: IsoDate): Promise<QueuePage>;
  customerCollections(bookId: Id, customerId: Id, asOf: IsoDate): Promise<CustomerCollections | null>;
  /** Logs a contact (and its promise, stage fee and suspension) as one undoable batch. */
  logContact(bookId: Id, input: ContactInput): Promise<Result<ContactResult>>;
  savePlan(bookId: Id, input: PlanInput): Promise<Result<PaymentPlan>>;
  setSuspended(bookId: Id, customerId: Id, suspended: boolean, reason: string): Promise<Result<{ suspended: boolean }>>;
  noticeDraft(bookId: Id, request: NoticeRequest): Promise<NoticeDraft | null>;
  /** Produces the notice: numbered, its exact text stored, and the stage logged as done. */
  issueNotice(bookId: Id, request: NoticeRequest): Promise<Result<Notice>>;
  getNotice(bookId: Id, noticeId: Id): Promise<(Notice & { email: string; customerName: string }) | null>;
  /** Records that the notice reached the debtor (a demand that restarts the limitation period). */
  markNoticeDelivered(bookId: Id, noticeId: Id, date: IsoDate): Promise<Result<Notice>>;
  /** An attachment's file, for viewing or saving. */
  attachmentFile(bookId: Id, attachmentId: Id): Promise<{ name: string; type: string; bytes: ArrayBuffer } | null>;
}
