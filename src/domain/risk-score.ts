// Credit risk score and grade (DOMAIN.md "Credit grade and risk"): a 0-100 score,
// higher = safer, built from seven parts the bookkeeper can read one by one. Each
// part turns one measured fact into a "badness" between 0 and 1 along a fixed,
// monotone, bounded curve; the part then loses weight x badness of the score:
//
//   lost(part) = weight x badness x 100 / (sum of all weights)
//   score      = round(100 - sum of lost)           (half away from zero, 0..100)
//
// So the weights are shares, not points: only their ratios matter, and a weight of
// 0 takes its part out of the score. The worker gathers the facts; this file only
// weighs them, so the command line and the worker score alike.
//
// Choices where DOMAIN.md is silent:
// - No evidence costs nothing. A customer with no open balance scores full marks on
//   the balance parts (overdue, age, disputes, limit); no paid invoices in the last
//   12 months scores full marks on lateness, no promises on promises, and a trend
//   needs TREND_MIN_INVOICES paid invoices in each of the two 12-month windows.
//   A brand-new customer therefore scores 100 (grade A); the caution a short record
//   calls for lives in `suggestion`, which never raises a limit or extends terms
//   without TRACK_RECORD_MIN paid invoices.
// - Days late count each paid invoice once, whatever its amount (a habit of paying
//   late shows as well on small invoices), and an early payment counts as on time
//   (0 days) so it cannot hide another invoice's lateness in the average.
// - Broken promises are damped for small samples: broken / (broken + kept + 2), as if
//   every customer had first kept two promises. One broken promise out of one costs a
//   third of the part; the shown value stays the plain broken share.
// - Only the facts each part names are read (age reads the average age alone, not
//   the overdue amount), so each part can be read, and switched off, on its own.

import type { Grade } from './collections';
import { ok, type FieldError, type Result } from './errors';
import { roundHalfAwayFromZero } from './money';

/** How much each part counts. Non-negative integers, 0..RISK_WEIGHT_MAX, not all 0; only their ratios matter. */
export interface RiskWeights {
  overdue: number;
  age: number;
  lateness: number;
  promises: number;
  disputes: number;
  limit: number;
  trend: number;
}

/** The parts in the order they are shown. */
export const RISK_PARTS: readonly (keyof RiskWeights)[] = [
  'overdue', 'age', 'lateness', 'promises', 'disputes', 'limit', 'trend',
];

/**
 * Defaults, summing to 100 so each reads as "points out of 100":
 * what is overdue now weighs most (overdue 25 + age 15 = 40), then how the customer
 * has paid (lateness 20 + trend 10 = 30), credit-limit use 15, broken promises 10 and
 * disputes 5 (a dispute is as often the seller's error as a sign of trouble).
 */
export const DEFAULT_RISK_WEIGHTS: Readonly<RiskWeights> = Object.freeze({
  overdue: 25,
  age: 15,
  lateness: 20,
  promises: 10,
  disputes: 5,
  limit: 15,
  trend: 10,
});

/** Upper bound of one weight: catches a typo without limiting any sensible setting. */
export const RISK_WEIGHT_MAX = 100;

/**
 * Every weight an integer 0..RISK_WEIGHT_MAX (field = the key, code 'risk.weight',
 * params min, max); all of them 0 is refused on field '' (params min 1, the least
 * total). Every bad field is reported. Returns a copy holding only the seven keys.
 */
export function checkRiskWeights(w: RiskWeights): Result<RiskWeights> {
  const errors: FieldError[] = [];
  const copy = {} as RiskWeights;
  let total = 0;
  for (const key of RISK_PARTS) {
    const v: unknown = (w as unknown as Record<string, unknown>)[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > RISK_WEIGHT_MAX) {
      errors.push({ field: key, code: 'risk.weight', params: { min: 0, max: RISK_WEIGHT_MAX } });
    } else {
      copy[key] = v;
      total += v;
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  if (total === 0) return { ok: false, errors: [{ field: '', code: 'risk.weight', params: { min: 1 } }] };
  return ok(copy);
}

/**
 * What the worker gathers for one customer as of a date. Amounts in minor units;
 * "the last 12 months" = the 365 days ending on the as-of date, "the 12 months
 * before" = the 365 days before those.
 */
export interface RiskFacts {
  /** Open balance (invoices less allocations, credits, write-offs). A credit balance counts as 0. */
  open: number;
  /** The part of `open` past its due date. */
  overdue: number;
  /** Days past due of the overdue balance, averaged weighting each invoice by its overdue balance; 0 when nothing is overdue. */
  overdueAgeDays: number;
  /** Days past due of the oldest overdue invoice; 0 when nothing is overdue. Used by `suggestion`. */
  oldestDaysOverdue: number;
  /** Invoices paid in full in the last 12 months: payment day - due day each (negative = early). */
  daysLate: number[];
  /** Promises to pay that fell due in the last 12 months and were broken. */
  brokenPromises: number;
  /** ... and that were kept. */
  keptPromises: number;
  /** Open balance of invoices marked disputed. */
  disputed: number;
  /** The customer's credit limit, or null when none is set (0 = no credit at all). */
  creditLimit: number | null;
  /** Like `daysLate`, for invoices paid in the 12 months before the last 12 (the trend's baseline). */
  priorDaysLate: number[];
}

export interface RiskPart {
  key: keyof RiskWeights;
  /** Points lost out of 100 (not rounded; the score rounds their sum once). */
  points: number;
  weight: number;
  /**
   * The measured fact: overdue, disputes = share of the open balance 0..1; age =
   * days; lateness = average days late; promises = broken share 0..1; limit = open /
   * limit (capped at LIMIT_USE_SHOWN_MAX, 0 without a limit); trend = change in
   * average days late, negative = improving (0 without enough history).
   */
  value: number;
}

export interface RiskScore {
  /** 0-100 integer, higher = safer. */
  score: number;
  grade: Grade;
  /** All seven parts in RISK_PARTS order, a part with weight 0 included with 0 points. */
  parts: RiskPart[];
}

/** Where each curve reaches full badness (and, for limit use and trend, where it starts). */
export const RISK_CURVES = Object.freeze({
  /** Age: days / 180, so a half-year-old overdue balance loses the whole part. */
  ageFullDays: 180,
  /** Lateness: average days late / 60. */
  latenessFullDays: 60,
  /** Promises: broken / (broken + kept + promiseDamping). */
  promiseDamping: 2,
  /** Limit use: nothing up to 80 % of the limit, rising linearly to the whole part at 150 %. */
  limitFrom: 0.8,
  limitFull: 1.5,
  /** Trend: average days late grown by 30 days or more loses the whole part. */
  trendFullDays: 30,
});

/** Paid invoices needed in each window before a trend is read. */
export const TREND_MIN_INVOICES = 3;
/** A balance against a limit of 0 shows as this use (10 = 1000 %), keeping values finite. */
export const LIMIT_USE_SHOWN_MAX = 10;

/** A fact as a usable non-negative number (a missing or negative one counts as 0). */
const nonNegative = (x: number): number => (Number.isFinite(x) && x > 0 ? x : 0);
const clamp01 = (x: number): number => (x <= 0 ? 0 : x >= 1 ? 1 : x);

/** Average days late with early payments counted as on time; null without any invoice. */
function averageDaysLate(days: readonly number[]): number | null {
  if (days.length === 0) return null;
  let sum = 0;
  for (const d of days) sum += nonNegative(d);
  return sum / days.length;
}

/** Each part's value and badness (0..1). */
function measure(facts: RiskFacts): Record<keyof RiskWeights, { value: number; badness: number }> {
  const open = nonNegative(facts.open);
  const overdueShare = open > 0 ? Math.min(1, nonNegative(facts.overdue) / open) : 0;
  const disputedShare = open > 0 ? Math.min(1, nonNegative(facts.disputed) / open) : 0;
  const age = nonNegative(facts.overdueAgeDays);

  const recent = averageDaysLate(facts.daysLate);
  const prior = averageDaysLate(facts.priorDaysLate);
  const lateness = recent ?? 0;
  const trend =
    recent !== null && prior !== null
    && facts.daysLate.length >= TREND_MIN_INVOICES && facts.priorDaysLate.length >= TREND_MIN_INVOICES
      ? recent - prior
      : 0;

  const broken = nonNegative(facts.brokenPromises);
  const promised = broken + nonNegative(facts.keptPromises);

  let use = 0;
  let useBadness = 0;
  const limit = facts.creditLimit;
  if (limit !== null && open > 0) {
    if (limit > 0) {
      use = Math.min(LIMIT_USE_SHOWN_MAX, open / limit);
      useBadness = clamp01((open / limit - RISK_CURVES.limitFrom) / (RISK_CURVES.limitFull - RISK_CURVES.limitFrom));
    } else {
      // A limit of 0 means "no credit": any balance is as bad as it gets.
      use = LIMIT_USE_SHOWN_MAX;
      useBadness = 1;
    }
  }

  return {
    overdue: { value: overdueShare, badness: overdueShare },
    age: { value: age, badness: clamp01(age / RISK_CURVES.ageFullDays) },
    lateness: { value: lateness, badness: clamp01(lateness / RISK_CURVES.latenessFullDays) },
    promises: {
      value: promised > 0 ? broken / promised : 0,
      badness: clamp01(broken / (promised + RISK_CURVES.promiseDamping)),
    },
    disputes: { value: disputedShare, badness: disputedShare },
    limit: { value: use, badness: useBadness },
    trend: { value: trend, badness: clamp01(trend / RISK_CURVES.trendFullDays) },
  };
}

/** Lower bound of each grade's score band; below C's floor is D. */
export const GRADE_FLOORS = Object.freeze({ A: 80, B: 60, C: 40 });

/** A >= 80 (优秀), B >= 60 (良好), C >= 40 (一般), D below 40 (较差). */
export function gradeOf(score: number): Grade {
  if (score >= GRADE_FLOORS.A) return 'A';
  if (score >= GRADE_FLOORS.B) return 'B';
  if (score >= GRADE_FLOORS.C) return 'C';
  return 'D';
}

/**
 * The customer's score, grade and the points each part lost. Weights are taken as
 * given (check them with checkRiskWeights when they are entered); negative or
 * non-finite ones count as 0, and with no weight at all nothing is lost (100).
 */
export function riskScore(facts: RiskFacts, weights: RiskWeights): RiskScore {
  const measured = measure(facts);
  let total = 0;
  for (const key of RISK_PARTS) total += nonNegative(weights[key]);

  const parts: RiskPart[] = [];
  let lost = 0;
  for (const key of RISK_PARTS) {
    const weight = nonNegative(weights[key]);
    const { value, badness } = measured[key];
    const points = total > 0 ? (weight * badness * 100) / total : 0;
    lost += points;
    parts.push({ key, points, weight, value });
  }
  // Snap to 1e-9 first: 54.5 % overdue must round like 45.5 points, not like 45.4999999.
  const exact = Math.round((100 - lost) * 1e9) / 1e9;
  const score = Math.min(100, Math.max(0, roundHalfAwayFromZero(exact)));
  return { score, grade: gradeOf(score), parts };
}

export type LimitAdvice = 'raise' | 'keep' | 'lower' | 'prepay';
export type TermsAdvice = 'keep' | 'shorten' | 'extend';
export interface Suggestion {
  limit: LimitAdvice;
  termsDays: TermsAdvice;
}

/** Paid invoices in the last 12 months before a limit is raised or terms extended. */
export const TRACK_RECORD_MIN = 6;
/** A D customer with an invoice this many days overdue (or over the limit) is asked to prepay. */
export const PREPAY_OLDEST_DAYS = 90;

/**
 * What to do with the customer's limit and payment terms, following the grade
 * (DOMAIN.md: raise or keep for good payers; shorten, lower or prepay for poor ones):
 * - A: raise the limit (when one is set) once there is a track record, else keep;
 *   extend the terms only with a track record and no invoice paid late, else keep.
 * - B: keep both.
 * - C: keep the limit, shorten the terms.
 * - D: shorten the terms and lower the limit ('lower' with no limit set means: set one);
 *   ask for prepayment instead when an invoice is PREPAY_OLDEST_DAYS or more overdue
 *   or the balance is over the limit.
 */
export function suggestion(grade: Grade, facts: RiskFacts): Suggestion {
  switch (grade) {
    case 'A': {
      const record = facts.daysLate.length >= TRACK_RECORD_MIN;
      const neverLate = facts.daysLate.every((d) => !(d > 0));
      return {
        limit: record && facts.creditLimit !== null ? 'raise' : 'keep',
        termsDays: record && neverLate ? 'extend' : 'keep',
      };
    }
    case 'B':
      return { limit: 'keep', termsDays: 'keep' };
    case 'C':
      return { limit: 'keep', termsDays: 'shorten' };
    case 'D': {
      const overLimit = facts.creditLimit !== null && nonNegative(facts.open) > facts.creditLimit;
      const stale = nonNegative(facts.oldestDaysOverdue) >= PREPAY_OLDEST_DAYS;
      return { limit: overLimit || stale ? 'prepay' : 'lower', termsDays: 'shorten' };
    }
  }
}
