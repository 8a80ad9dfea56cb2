// Learned payment behaviour: how likely an open invoice is to be paid late, and
// when it will probably be paid, learned from the book's own paid invoices.
//
// Two small models share one set of standardised features:
// - logistic regression with an L2 penalty for P(late), late meaning paid more
//   than `grace` days after the due date;
// - a linear model of days late fitted to the median (least absolute
//   deviations), which gives the expected payment day.
// Both start from zero weights and take a bounded number of full-batch steps
// over examples put into a canonical order first, so the same facts give the
// same model bit for bit, whatever order they arrive in. No dependencies;
// Float64Array and plain loops, since the worker trains on books of 100,000
// invoices (a few hundred milliseconds in Node).
//
// Features describe only what the bookkeeper knew before the invoice's issue
// day (the customer's earlier payments and what was still open), so a model
// validated on a time split is not flattered by hindsight.

import { roundHalfAwayFromZero } from './money';

/** A paid invoice as a training example. Days are day numbers; `paidDay` is the day its balance reached 0. */
export interface PaidInvoiceFact {
  customerKey: number | string;
  issueDay: number;
  dueDay: number;
  amount: number;
  paidDay: number;
}

/**
 * An invoice to describe: an open one to score, or a hypothetical next invoice
 * (give it issueDay = asOfDay + 1 so that everything up to asOf counts as known).
 */
export interface InvoiceToScore {
  customerKey: number | string;
  issueDay: number;
  dueDay: number;
  amount: number;
}

/** Feature names in vector order, for explanations in the UI. */
export const LATE_FEATURES = [
  'priorPaid', //         log(1 + number of the customer's invoices paid before the issue day)
  'hasHistory', //        1 when there is at least one such invoice
  'shareLate', //         share of them paid late, smoothed towards 1/2: (late + 1) / (count + 2)
  'meanDaysLate', //      their mean days late (paid - due, capped to [-90, 365]); 0 without history
  'lastDaysLate', //      days late of the most recently paid one (capped likewise); 0 without history
  'termsDays', //         due - issue
  'logAmount', //         log(1 + amount in minor units)
  'openCount', //         log(1 + the customer's invoices issued earlier and still unpaid)
  'openOverdue', //       log(1 + how many of those were already past due)
  'oldestOverdueDays', // log(1 + days past due of the oldest of those)
] as const;
export type LateFeature = (typeof LATE_FEATURES)[number];
export const FEATURE_COUNT = LATE_FEATURES.length;

/** Paid invoices needed before the model is trusted; below it the rule-based score stands. */
export const DEFAULT_MIN_EXAMPLES = 200;

/** Training schedule (fixed, so a model is reproducible). */
const LOGISTIC_ITERATIONS = 12;
const LOGISTIC_L2 = 1e-3;
const DAYS_ITERATIONS = 10;
const DAYS_L2 = 1e-3;
/** Days late are capped in features and in the days target so one lost invoice cannot dominate. */
const DAYS_LATE_MIN = -90;
const DAYS_LATE_MAX = 365;

export interface LateModel {
  fallback: false;
  /** Days after the due date still counted as on time. */
  grace: number;
  /** Paid invoices the model was trained on, and the share of them paid late. */
  examples: number;
  lateShare: number;
  /** Per feature (LATE_FEATURES order): training mean and spread used to standardise. */
  center: number[];
  scale: number[];
  /** Logistic regression on standardised features: log-odds of late = intercept + weights . z. */
  weights: number[];
  intercept: number;
  /** Days late (paid - due) = daysIntercept + daysWeights . z, fitted to the median. */
  daysWeights: number[];
  daysIntercept: number;
}

export interface LateModelFallback {
  fallback: true;
  reason: 'tooFewExamples' | 'oneClass';
  examples: number;
}

export interface LateModelOptions {
  /** Default DEFAULT_MIN_EXAMPLES (200). */
  minExamples?: number;
  /** Default 0: any payment after the due date is late. */
  grace?: number;
  /** Train as the book stood on this day: only invoices paid before it are examples. */
  splitDay?: number;
}

export interface LateValidation {
  /** Area under the ROC curve on the held-out invoices; null if they are all late or all on time. */
  auc: number | null;
  /** Mean absolute error of the expected payment day, predicted on the issue day; null without held-out invoices. */
  maeDays: number | null;
  trainExamples: number;
  testExamples: number;
}

// ---------------------------------------------------------------- features

/** A payment recorded before the issue day cannot count as earlier than the invoice itself. */
function effectivePaidDay(f: PaidInvoiceFact): number {
  return f.paidDay < f.issueDay ? f.issueDay : f.paidDay;
}

function capDaysLate(days: number): number {
  return days < DAYS_LATE_MIN ? DAYS_LATE_MIN : days > DAYS_LATE_MAX ? DAYS_LATE_MAX : days;
}

/** Total order on customer keys that needs no locale: numbers before strings. */
function compareKeys(a: number | string, b: number | string): number {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a - b;
    return -1;
  }
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Writes the features of each invoice in `invoices` into rows of `out`
 * (row i at offset i * FEATURE_COUNT), from `history` as it stood before the
 * invoice's issue day. One sweep per customer in day order.
 */
function writeFeatures(
  history: readonly PaidInvoiceFact[],
  invoices: readonly InvoiceToScore[],
  grace: number,
  out: Float64Array,
): void {
  const byCustomer = new Map<number | string, { hist: number[]; targets: number[] }>();
  const group = (key: number | string) => {
    let g = byCustomer.get(key);
    if (!g) {
      g = { hist: [], targets: [] };
      byCustomer.set(key, g);
    }
    return g;
  };
  history.forEach((f, i) => group(f.customerKey).hist.push(i));
  invoices.forEach((inv, i) => group(inv.customerKey).targets.push(i));

  for (const { hist, targets } of byCustomer.values()) {
    if (targets.length === 0) continue;
    const byIssue = hist.slice().sort((a, b) => history[a]!.issueDay - history[b]!.issueDay);
    // Ties on the payment day are broken by the facts' own values, so "the last
    // paid" does not depend on the order the facts were given in.
    const byPaid = hist
      .filter((i) => Number.isFinite(history[i]!.paidDay))
      .sort((a, b) => {
        const fa = history[a]!, fb = history[b]!;
        return effectivePaidDay(fa) - effectivePaidDay(fb) || fa.dueDay - fb.dueDay || fa.issueDay - fb.issueDay || fa.amount - fb.amount;
      });
    const order = targets.slice().sort((a, b) => invoices[a]!.issueDay - invoices[b]!.issueDay);

    let nextIssued = 0;
    let nextPaid = 0;
    let paidCount = 0;
    let lateCount = 0;
    let sumDaysLate = 0;
    let lastDaysLate = 0;
    // Invoices issued before the current day, still unpaid at the last look.
    const openDue: number[] = [];
    const openPaid: number[] = [];

    for (const t of order) {
      const inv = invoices[t]!;
      const day = inv.issueDay;
      while (nextIssued < byIssue.length && history[byIssue[nextIssued]!]!.issueDay < day) {
        const f = history[byIssue[nextIssued]!]!;
        openDue.push(f.dueDay);
        openPaid.push(Number.isFinite(f.paidDay) ? effectivePaidDay(f) : Infinity);
        nextIssued++;
      }
      while (nextPaid < byPaid.length && effectivePaidDay(history[byPaid[nextPaid]!]!) < day) {
        const f = history[byPaid[nextPaid]!]!;
        const late = effectivePaidDay(f) - f.dueDay;
        paidCount++;
        if (late > grace) lateCount++;
        lastDaysLate = capDaysLate(late);
        sumDaysLate += lastDaysLate;
        nextPaid++;
      }
      // Drop what was paid before this day and count the rest in one pass.
      let kept = 0;
      let overdue = 0;
      let oldestDue = Infinity;
      for (let k = 0; k < openDue.length; k++) {
        const paid = openPaid[k]!;
        if (paid < day) continue;
        const due = openDue[k]!;
        openDue[kept] = due;
        openPaid[kept] = paid;
        kept++;
        if (due < day) {
          overdue++;
          if (due < oldestDue) oldestDue = due;
        }
      }
      openDue.length = kept;
      openPaid.length = kept;

      const o = t * FEATURE_COUNT;
      out[o] = Math.log1p(paidCount);
      out[o + 1] = paidCount > 0 ? 1 : 0;
      out[o + 2] = (lateCount + 1) / (paidCount + 2);
      out[o + 3] = paidCount > 0 ? sumDaysLate / paidCount : 0;
      out[o + 4] = paidCount > 0 ? lastDaysLate : 0;
      out[o + 5] = inv.dueDay - inv.issueDay;
      out[o + 6] = Math.log1p(inv.amount > 0 ? inv.amount : 0);
      out[o + 7] = Math.log1p(kept);
      out[o + 8] = Math.log1p(overdue);
      out[o + 9] = overdue > 0 ? Math.log1p(day - oldestDue) : 0;
    }
  }
}

/**
 * Features of each invoice (LATE_FEATURES order), from what `history` shows
 * before that invoice's issue day: later events never change them. `history`
 * may hold invoices not paid yet, with paidDay Infinity: they count as open.
 * Pass `{ grace: model.grace }` when scoring with a trained model. The rows
 * are views of one buffer (cheap for 100,000 invoices); copy one to keep it alone.
 */
export function featuresOf(
  history: readonly PaidInvoiceFact[],
  invoices: readonly InvoiceToScore[],
  options: { grace?: number } = {},
): Float64Array[] {
  const flat = new Float64Array(invoices.length * FEATURE_COUNT);
  writeFeatures(history, invoices, options.grace ?? 0, flat);
  const rows: Float64Array[] = [];
  for (let i = 0; i < invoices.length; i++) rows.push(flat.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT));
  return rows;
}

// ---------------------------------------------------------------- training

/** Examples in a canonical order so floating-point sums do not depend on input order. */
function canonicalExamples(facts: readonly PaidInvoiceFact[], splitDay: number | undefined): PaidInvoiceFact[] {
  const examples = facts.filter((f) => Number.isFinite(f.paidDay) && (splitDay === undefined || effectivePaidDay(f) < splitDay));
  return examples.sort((a, b) =>
    a.issueDay - b.issueDay || a.dueDay - b.dueDay || a.paidDay - b.paidDay || a.amount - b.amount || compareKeys(a.customerKey, b.customerKey));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * Accumulates over all rows (with a constant 1 appended as the intercept's
 * column) the upper triangle of sum w_r x x^T into `a` and sum v_r x into `b`,
 * then mirrors `a`. One pass; p = d + 1.
 */
function accumulate(z: Float64Array, n: number, d: number, w: Float64Array, v: Float64Array, a: Float64Array, b: Float64Array): void {
  const p = d + 1;
  const row = new Float64Array(p);
  row[d] = 1;
  a.fill(0);
  b.fill(0);
  for (let r = 0; r < n; r++) {
    const o = r * d;
    for (let i = 0; i < d; i++) row[i] = z[o + i]!;
    const wr = w[r]!;
    const vr = v[r]!;
    for (let i = 0; i < p; i++) {
      const xi = row[i]!;
      b[i] = b[i]! + vr * xi;
      const wi = wr * xi;
      const base = i * p;
      for (let j = i; j < p; j++) a[base + j] = a[base + j]! + wi * row[j]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) a[j * p + i] = a[i * p + j]!;
}

/** Mean log loss plus the L2 penalty (intercept not penalised); fills `prob` with each row's P(late). */
function logisticLoss(z: Float64Array, y: Uint8Array, n: number, d: number, beta: Float64Array, prob: Float64Array): number {
  let loss = 0;
  for (let r = 0; r < n; r++) {
    const o = r * d;
    let s = beta[d]!;
    for (let i = 0; i < d; i++) s += beta[i]! * z[o + i]!;
    // log(1 + e^-|s|) + max(s, 0) - y s, stable for large |s|.
    loss += Math.log1p(Math.exp(-Math.abs(s))) + (s > 0 ? s : 0) - (y[r] === 1 ? s : 0);
    prob[r] = sigmoid(s);
  }
  let penalty = 0;
  for (let i = 0; i < d; i++) penalty += beta[i]! * beta[i]!;
  return loss / n + 0.5 * LOGISTIC_L2 * penalty;
}

/**
 * Logistic regression by Newton's method (iteratively reweighted least
 * squares) from zero weights, at most LOGISTIC_ITERATIONS full-batch steps,
 * each halved while it would raise the loss. The L2 penalty makes the optimum unique, and
 * a handful of Newton steps reach it where plain gradient descent needs
 * hundreds of passes over the book. Stops early once a step would change the
 * loss by less than rounding error. Returns weights with the intercept last.
 */
function fitLogistic(z: Float64Array, y: Uint8Array, n: number, d: number): Float64Array {
  const p = d + 1;
  let beta = new Float64Array(p);
  const prob = new Float64Array(n);
  const curvature = new Float64Array(n);
  const residual = new Float64Array(n);
  const h = new Float64Array(p * p);
  const g = new Float64Array(p);
  let loss = logisticLoss(z, y, n, d, beta, prob);
  for (let it = 0; it < LOGISTIC_ITERATIONS; it++) {
    for (let r = 0; r < n; r++) {
      const pr = prob[r]!;
      curvature[r] = pr * (1 - pr);
      residual[r] = y[r]! - pr;
    }
    accumulate(z, n, d, curvature, residual, h, g);
    // Newton step: (H/n + L2) step = -(gradient) = g/n - L2 beta.
    for (let i = 0; i < p * p; i++) h[i] = h[i]! / n;
    for (let i = 0; i < p; i++) g[i] = g[i]! / n - (i < d ? LOGISTIC_L2 * beta[i]! : 0);
    for (let i = 0; i < d; i++) h[i * p + i] = h[i * p + i]! + LOGISTIC_L2;
    const step = solveSpd(h, g, p);
    // Converged: the step would lower the loss by less than rounding can show.
    let decrease = 0;
    for (let i = 0; i < p; i++) decrease += g[i]! * step[i]!;
    if (!(decrease > 1e-12)) break;
    let scale = 1;
    let accepted = false;
    for (let halving = 0; halving < 20 && !accepted; halving++, scale /= 2) {
      const next = new Float64Array(p);
      for (let i = 0; i < p; i++) next[i] = beta[i]! + scale * step[i]!;
      const nextLoss = logisticLoss(z, y, n, d, next, prob);
      if (nextLoss <= loss) {
        beta = next;
        loss = nextLoss;
        accepted = true;
      }
    }
    if (!accepted) break; // no step lowers the loss: at the optimum as far as floats can tell
  }
  return beta;
}

/** Solves the symmetric positive definite system a x = b (a is (d x d), overwritten) by Cholesky. */
function solveSpd(a: Float64Array, b: Float64Array, d: number): Float64Array {
  for (let j = 0; j < d; j++) {
    let s = a[j * d + j]!;
    for (let k = 0; k < j; k++) s -= a[j * d + k]! * a[j * d + k]!;
    const diag = Math.sqrt(s > 1e-12 ? s : 1e-12);
    a[j * d + j] = diag;
    for (let i = j + 1; i < d; i++) {
      let t = a[i * d + j]!;
      for (let k = 0; k < j; k++) t -= a[i * d + k]! * a[j * d + k]!;
      a[i * d + j] = t / diag;
    }
  }
  const x = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * d + k]! * x[k]!;
    x[i] = s / a[i * d + i]!;
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < d; k++) s -= a[k * d + i]! * x[k]!;
    x[i] = s / a[i * d + i]!;
  }
  return x;
}

/**
 * Linear model of days late fitted to the median (least absolute deviations)
 * by iteratively reweighted ridge least squares: the error measure shown to the
 * user is the mean absolute error, and the median resists the long tail of
 * very late invoices. Returns weights with the intercept last.
 */
function fitDaysLate(z: Float64Array, target: Float64Array, n: number, d: number): Float64Array {
  const p = d + 1;
  const weight = new Float64Array(n).fill(1);
  const weighted = new Float64Array(n);
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  let beta: Float64Array = new Float64Array(p);
  for (let it = 0; it < DAYS_ITERATIONS; it++) {
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += weight[r]!;
      weighted[r] = weight[r]! * target[r]!;
    }
    accumulate(z, n, d, weight, weighted, a, b);
    for (let i = 0; i < d; i++) a[i * p + i] = a[i * p + i]! + DAYS_L2 * total;
    beta = solveSpd(a, b, p);
    // Weight 1/|residual| turns squared error into absolute error; a day's floor keeps it finite.
    for (let r = 0; r < n; r++) {
      const o = r * d;
      let s = beta[d]!;
      for (let i = 0; i < d; i++) s += beta[i]! * z[o + i]!;
      const res = Math.abs(target[r]! - s);
      weight[r] = 1 / (res > 1 ? res : 1);
    }
  }
  return beta;
}

/**
 * Trains the model on the paid invoices in `facts` (those paid before
 * `splitDay` when given). Needs at least `minExamples` (default 200) paid
 * invoices, some late and some on time; otherwise says why, and the caller
 * keeps the rule-based score.
 */
export function trainLateModel(
  facts: readonly PaidInvoiceFact[],
  options: LateModelOptions = {},
): LateModel | LateModelFallback {
  const grace = options.grace ?? 0;
  const minExamples = options.minExamples ?? DEFAULT_MIN_EXAMPLES;
  const examples = canonicalExamples(facts, options.splitDay);
  const n = examples.length;
  if (n < minExamples || n === 0) return { fallback: true, reason: 'tooFewExamples', examples: n };

  const d = FEATURE_COUNT;
  const y = new Uint8Array(n);
  const daysLate = new Float64Array(n);
  let lateCount = 0;
  examples.forEach((f, r) => {
    const late = effectivePaidDay(f) - f.dueDay;
    daysLate[r] = capDaysLate(late);
    if (late > grace) {
      y[r] = 1;
      lateCount++;
    }
  });
  if (lateCount === 0 || lateCount === n) return { fallback: true, reason: 'oneClass', examples: n };

  // Features from the whole book are safe: each example only sees events before its issue day.
  const x = new Float64Array(n * d);
  writeFeatures(facts, examples, grace, x);

  const center = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) center[i] = center[i]! + x[r * d + i]!;
  for (let i = 0; i < d; i++) center[i] = center[i]! / n;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < d; i++) {
      const dev = x[r * d + i]! - center[i]!;
      scale[i] = scale[i]! + dev * dev;
    }
  }
  // A feature that never varies gets scale 1: it standardises to 0 and carries no weight.
  for (let i = 0; i < d; i++) {
    const sd = Math.sqrt(scale[i]! / n);
    scale[i] = sd > 1e-9 ? sd : 1;
  }
  const z = x; // standardised in place
  for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) z[r * d + i] = (x[r * d + i]! - center[i]!) / scale[i]!;

  const logistic = fitLogistic(z, y, n, d);
  const days = fitDaysLate(z, daysLate, n, d);
  return {
    fallback: false,
    grace,
    examples: n,
    lateShare: lateCount / n,
    center: Array.from(center),
    scale: Array.from(scale),
    weights: Array.from(logistic.subarray(0, d)),
    intercept: logistic[d]!,
    daysWeights: Array.from(days.subarray(0, d)),
    daysIntercept: days[d]!,
  };
}

// ---------------------------------------------------------------- prediction

function linear(weights: readonly number[], intercept: number, model: LateModel, features: ArrayLike<number>): number {
  let s = intercept;
  for (let i = 0; i < FEATURE_COUNT; i++) s += weights[i]! * ((features[i]! - model.center[i]!) / model.scale[i]!);
  return s;
}

/** Probability that an invoice with these features is paid more than `grace` days after its due date. */
export function predictLate(model: LateModel, features: ArrayLike<number>): number {
  return sigmoid(linear(model.weights, model.intercept, model, features));
}

/**
 * P(late) for an open invoice on `asOfDay`: 1 once it is past due plus grace
 * (it can no longer be paid on time), the model's estimate before that.
 */
export function lateProbabilityAsOf(model: LateModel, features: ArrayLike<number>, dueDay: number, asOfDay: number): number {
  return asOfDay > dueDay + model.grace ? 1 : predictLate(model, features);
}

/** Expected days late (paid - due; negative means early), the median estimate. */
export function expectedDaysLate(model: LateModel, features: ArrayLike<number>): number {
  return linear(model.daysWeights, model.daysIntercept, model, features);
}

/** Expected payment day: due + expected days late (whole days), but never before `asOfDay`. */
export function expectedPayDay(model: LateModel, features: ArrayLike<number>, dueDay: number, asOfDay: number): number {
  const day = dueDay + roundHalfAwayFromZero(expectedDaysLate(model, features));
  return day > asOfDay ? day : asOfDay;
}

// ---------------------------------------------------------------- the rule

/**
 * The rule-based estimate used where the model cannot be trained (too short a
 * history, or one class only): the customer's share of paid invoices paid late,
 * pulled towards one half when it rests on few of them, (late + 1) / (paid + 2).
 * A customer with no paid invoice gets 1/2: nothing is known either way.
 */
export function ruleLateProbability(paid: number, late: number): number {
  const n = paid > 0 ? paid : 0;
  const k = late > 0 ? Math.min(late, n) : 0;
  return (k + 1) / (n + 2);
}

/** Days a rule-based forecast spreads a payment either side of its expected day: two weeks. */
export const RULE_SPREAD_DAYS = 14;

/**
 * The rule's expected days late of a customer's next payment: the mean days late
 * of their paid invoices, early ones counting as on time (as the score's lateness
 * part does), capped like the model's target; 0 without any.
 */
export function ruleDaysLate(daysLate: readonly number[]): number {
  if (daysLate.length === 0) return 0;
  let sum = 0;
  for (const d of daysLate) sum += capDaysLate(d > 0 ? d : 0);
  return sum / daysLate.length;
}

// ---------------------------------------------------------------- validation

/**
 * Area under the ROC curve by ranks (Mann-Whitney U): the chance that a late
 * invoice scores above an on-time one, ties counting half. Null when either
 * class is missing.
 */
export function aucOf(scores: ArrayLike<number>, late: ArrayLike<boolean | number>): number | null {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && scores[order[end]!]! === scores[order[start]!]!) end++;
    // Tied scores share the mean of ranks start+1 .. end.
    const midRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (late[order[k]!]) {
        positives++;
        rankSum += midRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Issue day that holds out about `heldOutShare` (default 20 %) of the paid
 * invoices, the most recent by issue day, for validation.
 */
export function defaultSplitDay(facts: readonly PaidInvoiceFact[], heldOutShare = 0.2): number | null {
  const days = facts.filter((f) => Number.isFinite(f.paidDay)).map((f) => f.issueDay).sort((a, b) => a - b);
  if (days.length === 0) return null;
  const index = Math.min(days.length - 1, Math.max(0, Math.floor(days.length * (1 - heldOutShare))));
  return days[index]!;
}

/**
 * Time-split validation: trains on the book as it stood on `splitDay`
 * (invoices paid before it), then scores the invoices issued on or after it
 * as on their issue day. Falls back like trainLateModel when the training part
 * is too small.
 */
export function validateLateModel(
  facts: readonly PaidInvoiceFact[],
  splitDay: number,
  options: { minExamples?: number; grace?: number } = {},
): LateValidation | LateModelFallback {
  const model = trainLateModel(facts, { ...options, splitDay });
  if (model.fallback) return model;
  const test = facts.filter((f) => Number.isFinite(f.paidDay) && f.issueDay >= splitDay);
  const rows = featuresOf(facts, test, { grace: model.grace });
  const scores = new Float64Array(test.length);
  const late = new Uint8Array(test.length);
  let absError = 0;
  test.forEach((f, i) => {
    const x = rows[i]!;
    scores[i] = predictLate(model, x);
    late[i] = effectivePaidDay(f) - f.dueDay > model.grace ? 1 : 0;
    absError += Math.abs(expectedPayDay(model, x, f.dueDay, f.issueDay) - effectivePaidDay(f));
  });
  return {
    auc: aucOf(scores, late),
    maeDays: test.length > 0 ? absError / test.length : null,
    trainExamples: model.examples,
    testExamples: test.length,
  };
}
