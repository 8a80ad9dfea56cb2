// Credit risk as the worker answers it (issue 5): each customer's score, grade and
// parts; the learned late-payment model with its held-out quality; the 13-week
// cash-in forecast; early warnings with their dismissals. Every answer is small:
// pages of rows, counts and one customer's detail, never whole tables.

import type { CashForecast } from '../domain/cash-forecast';
import type { Grade } from '../domain/collections';
import type { Result } from '../domain/errors';
import type { RiskScore, RiskWeights, Suggestion } from '../domain/risk-score';
import type { RiskWarning, WarningKind } from '../domain/risk-warnings';
import type { GradeOverride, Id, IsoDate, Minor } from '../domain/types';
import type { Page } from './contract';

/** How late probabilities and expected payment days were found. */
export type ModelQuality =
  | {
      kind: 'learned';
      /** Paid invoices trained on, and the share of them paid late. */
      examples: number;
      lateShare: number;
      /** Held-out quality on a time split (the newest fifth of paid invoices); null when undefined. */
      auc: number | null;
      maeDays: number | null;
      trainExamples: number;
      testExamples: number;
    }
  | {
      kind: 'rule';
      /** Why the model is not used: too few paid invoices, or all of them late (or all on time). */
      reason: 'tooFewExamples' | 'oneClass';
      examples: number;
      minExamples: number;
    };

/** One point of a customer's grade history: the score as the book stood at the end of a month. */
export interface GradePoint {
  date: IsoDate;
  score: number;
  grade: Grade;
}

/** An open invoice's learned (or rule-based) payment outlook. */
export interface InvoiceOutlook {
  invoiceId: Id;
  number: string;
  balance: Minor;
  dueDate: IsoDate;
  /** 0..1: probability it is paid later than its due date. */
  lateProbability: number;
  /** The day it is expected to be paid (never before asOf). */
  expectedPayDate: IsoDate;
}

export interface CustomerRisk extends RiskScore {
  asOf: IsoDate;
  /** Follows the grade in use (the override's when set). */
  suggestion: Suggestion;
  /** The grade the book acts on: the override's when one is set, else the computed `grade`. */
  effectiveGrade: Grade;
  override: GradeOverride | null;
  /** Month ends of the last 12 months, oldest first, then asOf itself. */
  history: GradePoint[];
  /** Probability the customer's next invoice is paid late. */
  lateProbability: number;
  /** The customer's open invoices, soonest expected first. */
  invoices: InvoiceOutlook[];
  model: ModelQuality;
  weights: RiskWeights;
}

/** A row of the graded customer list. */
export interface GradeRow {
  customerId: Id;
  name: string;
  score: number;
  grade: Grade;
  effectiveGrade: Grade;
  overridden: boolean;
  open: Minor;
  overdue: Minor;
  lateProbability: number;
  suspended: boolean;
}

export interface GradeQuery {
  asOf: IsoDate;
  /** Only customers whose grade in use is this one. */
  grade?: Grade;
  offset: number;
  limit: number;
}

/** The book at a glance: how many customers in each grade, the model, the forecast. */
export interface RiskOverview {
  asOf: IsoDate;
  /** Customers with anything on the book, by grade in use. */
  grades: Record<Grade, number>;
  model: ModelQuality;
  forecast: CashForecast;
}

export interface WarningRow extends RiskWarning {
  customerName: string;
  invoiceNumber?: string;
  /** Set when the user dismissed this warning's key. */
  dismissed?: { reason: string; on: IsoDate };
}

export interface WarningList {
  asOf: IsoDate;
  /** The window's first day: facts after it count as news (asOf - 30 days). */
  since: IsoDate;
  /** Most severe first. Dismissed ones only when asked for. */
  rows: WarningRow[];
  /** Active (not dismissed) warnings, in total and by kind. */
  active: number;
  byKind: Record<WarningKind, number>;
  dismissed: number;
}

export interface RiskApi {
  customerRisk(bookId: Id, customerId: Id, asOf: IsoDate): Promise<CustomerRisk | null>;
  riskOverview(bookId: Id, asOf: IsoDate): Promise<RiskOverview>;
  /** Riskiest first (score ascending, then larger overdue, then name). */
  listGrades(bookId: Id, q: GradeQuery): Promise<Page<GradeRow>>;
  warnings(bookId: Id, asOf: IsoDate, opts?: { includeDismissed?: boolean }): Promise<WarningList>;
  /** Active warnings only, for the navigation badge. */
  warningCount(bookId: Id, asOf: IsoDate): Promise<number>;
  /** The reason is required ('warning.reasonRequired' at field 'reason'). */
  dismissWarning(bookId: Id, key: string, reason: string, on: IsoDate): Promise<Result<void>>;
  restoreWarning(bookId: Id, key: string): Promise<void>;
  /** null clears the override. An override needs a reason ('grade.reasonRequired'). Undoable: it is a customer write. */
  setGradeOverride(bookId: Id, customerId: Id, override: { grade: Grade; reason: string } | null, on: IsoDate): Promise<Result<void>>;
  riskWeights(bookId: Id): Promise<RiskWeights>;
  /** Validated by checkRiskWeights; errors name the part as field. */
  saveRiskWeights(bookId: Id, weights: RiskWeights): Promise<Result<RiskWeights>>;
}
