// The shapes of the collections workflow (DOMAIN.md "Collection workflow", "Late
// fees and interest", "Notices", "Limitation period"): policies and their stages,
// promises to pay, payment plans, charge rules and produced notices. Rules that
// work on them live in policy.ts, dunning.ts, promise.ts, charges.ts,
// limitation.ts and notice-template.ts.

import type { Channel, Grade, Id, IsoDate, Minor, Stamped } from './types';

export type { Grade };
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

/** A stage is either something the user does (call, visit) or a notice the app produces. */
export type StageKind = 'task' | 'notice';

/** Template ids shipped in zh-CN and English; a book may edit each. */
export const TEMPLATE_IDS = ['reminder', 'notice', 'final', 'lawyer', 'statement', 'confirmation'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface Stage {
  /** Stable key within the policy ('courtesy', 'first', 'written', 'final', ...); contact logs name it. */
  id: string;
  /** Days from the due date of the customer's most overdue open invoice; negative = before it. */
  offsetDays: number;
  channel: Channel;
  kind: StageKind;
  /** The notice to produce (kind 'notice'), or null. */
  template: TemplateId | null;
  /** Flat fee charged when the stage is done, minor units; 0 = none. */
  fee: Minor;
  /** Doing this stage sets the customer's service-suspension flag. */
  suspendService: boolean;
}

export interface Policy {
  id: Id;
  name: string;
  /** Grades this policy serves; the default policy has [] and serves everyone else. */
  grades: Grade[];
  /** In order of offsetDays, strictly increasing. */
  stages: Stage[];
}

/**
 * How late charges accrue, per book (a customer may override). Rates are integers
 * in basis points (1 bp = 0.01 %), so no float ever holds money or a rate:
 * 万分之五 a day = 5 bp/day; 10 % a year = 1000 bp/year.
 */
export interface ChargeRule {
  /** Charge each stage's flat fee when the stage is done. */
  stageFees: boolean;
  /** One-off percentage of the open balance, bp; null = none. */
  percentBp: number | null;
  /** Daily penalty rate, bp per day; null = none. */
  dailyBp: number | null;
  /** Yearly simple interest, bp per year, accrued per day / 365; null = none. */
  yearlyBp: number | null;
  /** Days after the due date before anything accrues. */
  graceDays: number;
  /** Cap on all charges of one invoice as a share of its principal, bp; null = no cap. */
  capBp: number | null;
}

/** A promise to pay `amount` on the chosen invoices by `date`. */
export interface PromiseToPay extends Stamped {
  customerId: Id;
  invoiceIds: Id[];
  amount: Minor;
  date: IsoDate;
  /** The day it was made: only payments allocated on or after it count. */
  madeOn: IsoDate;
  graceDays: number;
  /** Set when the promise is an instalment of a plan. */
  planId: Id | null;
  note: string;
}

export interface Instalment {
  date: IsoDate;
  amount: Minor;
}

/** A payment plan (分期): instalments against chosen invoices. */
export interface PaymentPlan extends Stamped {
  customerId: Id;
  invoiceIds: Id[];
  instalments: Instalment[];
  madeOn: IsoDate;
  graceDays: number;
  note: string;
}

export type PromiseState = 'pending' | 'kept' | 'broken';

/** A notice as produced and numbered: its exact text stays what was sent. */
export interface Notice extends Stamped {
  customerId: Id;
  /** Per book, in order: 'N-2026-0001'. */
  number: string;
  template: TemplateId;
  stageId: string;
  date: IsoDate;
  locale: 'zh-CN' | 'en';
  subject: string;
  text: string;
  /** The same letter laid out for print: paragraphs and tables. */
  blocks: NoticeLayoutBlock[];
  invoiceIds: Id[];
  /** Balances plus charges, as the notice states it. */
  total: Minor;
  /** When it reached the debtor (restarts the limitation period), or null. */
  deliveredOn: IsoDate | null;
}

/** A stored notice's print layout (the shape notice-template.ts renders). */
export type NoticeLayoutBlock =
  | { kind: 'text'; text: string }
  | { kind: 'invoices' | 'charges'; rows: string[][]; header: string[] };

/** Proof of delivery (photo, PDF) attached to a contact, kept in IndexedDB. */
export interface Attachment extends Stamped {
  customerId: Id;
  activityId: Id;
  name: string;
  type: string;
  size: number;
  /** The file's bytes (an ArrayBuffer clones into IndexedDB everywhere, a Blob not in every engine). */
  data: ArrayBuffer;
}

/** Photos and PDFs: what a tablet's camera or a scanner gives as proof of delivery. */
export function isAttachmentType(type: string): boolean {
  return type === 'application/pdf' || /^image\/(jpeg|png|webp|heic|heif|gif)$/.test(type);
}

/** Attachments larger than this are refused with a message (IndexedDB quota on tablets is small). */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
