// Cash-in forecast (issue 5): the receipts to expect week by week over the next 13
// weeks, from each open invoice's expected payment day, the customer's current
// promises to pay and the instalments of payment plans, with a low and a high band.
//
// How money is placed:
// - Each invoice's open balance is split into parts. Promises and plan instalments
//   come first, earliest day first (on one day promises before instalments, then in
//   the order given); each takes from the balances of the invoices it names, in the
//   order named, as much as it promises and as much as is still left. So the same
//   money is never counted twice, whatever overlaps, and promised money for an
//   invoice that is not open (or not passed in) is left out. What no promise covers
//   is the invoice's remainder.
// - A promised part of A with kept rate k arrives on its day with probability k
//   (a day already past is taken as asOf: it is still current, so it may come any
//   day now); with probability 1 - k the promise is broken and the money follows
//   the invoice's own timing instead. Instalments are certain unless a kept rate
//   is given.
// - An invoice's own timing: payment falls within expectedDay ± spreadDays (rounded
//   to whole days), most likely on the day itself, with triangular weights
//   (spread + 1 - |day - expectedDay|). As the invoice is still open on asOf, the
//   days before asOf are dropped and the rest scaled back up to 1. When the whole
//   window lies before asOf the invoice has missed every day it was expected on:
//   its money goes to `overdue`, expected some time, on no day that can be named.
// - Week i (1-based) runs from asOf + 7(i - 1) to asOf + 7i - 1; money expected
//   after week 13 goes to `later`. weeks + later + overdue = the open balances,
//   to the minor unit: the expected amounts are rounded once at the end by largest
//   remainder.
//
// The band: each part lands in exactly one week (or later, or overdue), so the
// money of a week is a sum of chance amounts. Its spread has two sources: each
// part's own luck (independent parts: A² p (1 - p), p = its chance of landing in
// that week) and a shared one, because customers who are often late tend to slip
// together (a slow month, a holiday): the timed money of an invoice carries a fully
// correlated standard deviation of lateProbability × that money. With σ² the sum of
// the first plus the square of the summed second, low = expected - 0.84 σ and high =
// expected + 0.84 σ: the 20 % and 80 % points of a normal curve, so about four weeks
// in five bring at least `low` and one in five more than `high`. low is never
// below 0 and high never above the parts that can land in the week at all. The
// 13-week total has its own band computed the same way; weekly bands do not add up
// to it (a slip from one week to the next moves money but does not lose it).
import type { Id, IsoDate, Minor } from './types';
import { fromDayNumber, toDayNumber } from './calendar';

export const FORECAST_WEEKS = 13;
/** The 80 % point of the standard normal distribution: low and high are the 20 % and 80 % points. */
export const BAND_Z = 0.8416212335729143;
/** A spread wider than this (days) is a caller's bug, and would overflow the integer weights. */
export const MAX_SPREAD_DAYS = 100_000;

export interface ForecastInvoice {
  id: Id;
  /** Open balance today, minor units, >= 0. */
  balance: Minor;
  /** The day the invoice is expected to be paid (the model's, or the rule-based estimate). */
  expectedDay: IsoDate;
  /** Probability (0..1) that it is paid late; widens the band, not the expected figure. */
  lateProbability: number;
  /** Half-width in days of the window the payment is expected in, >= 0. */
  spreadDays: number;
}

export interface ForecastPromise {
  invoiceIds: Id[];
  amount: Minor;
  day: IsoDate;
  /** The customer's (or the book's) share of promises kept, 0..1. */
  keptRate: number;
}

export interface ForecastInstalment {
  invoiceIds: Id[];
  amount: Minor;
  day: IsoDate;
  /** 0..1; absent = 1 (the plan is current, so the instalment is counted on its day). */
  keptRate?: number;
}

export interface CashForecastInput {
  asOf: IsoDate;
  invoices: ForecastInvoice[];
  promises: ForecastPromise[];
  instalments: ForecastInstalment[];
}

export interface ForecastWeek {
  /** First and last day of the week, both included. */
  start: IsoDate;
  end: IsoDate;
  expected: Minor;
  low: Minor;
  high: Minor;
}

export interface CashForecast {
  /** FORECAST_WEEKS weeks, the first starting on asOf. */
  weeks: ForecastWeek[];
  /** The 13 weeks together: expected = the sum of the weeks; low and high are the total's own band. */
  total: { expected: Minor; low: Minor; high: Minor };
  /** Expected after the last week. */
  later: Minor;
  /** Open money whose whole expected window is already past: expected, but on no day that can be named. */
  overdue: Minor;
  /** The open balances forecast: total.expected + later + overdue. */
  open: Minor;
}

const LATER = FORECAST_WEEKS;
const OVERDUE = FORECAST_WEEKS + 1;
const BUCKETS = FORECAST_WEEKS + 2;

/**
 * Triangular weights around a day: spread + 1 - |day - centre|, zero outside the
 * window. Writes the chance of each bucket into `out`, given that nothing was paid
 * before asOf; all in OVERDUE when the whole window is before asOf.
 */
function timingInto(out: Float64Array, centre: number, spread: number, asOf: number): void {
  const total = (spread + 1) * (spread + 1);
  out.fill(0);
  let before = weightUpTo(asOf - 1, centre, spread);
  const left = total - before;
  if (left <= 0) {
    out[OVERDUE] = 1;
    return;
  }
  for (let w = 0; w < FORECAST_WEEKS; w++) {
    const through = weightUpTo(asOf + 7 * w + 6, centre, spread);
    out[w] = (through - before) / left;
    before = through;
  }
  out[LATER] = (total - before) / left;
}

/** The sum of the triangular weights of all days <= day, in closed form (both sides are arithmetic series). */
function weightUpTo(day: number, centre: number, spread: number): number {
  const d = day - centre;
  if (d < -spread) return 0;
  if (d <= 0) return triangle(d + spread + 1);
  const right = Math.min(d, spread);
  return triangle(spread + 1) + right * (spread + 1) - triangle(right);
}

const triangle = (n: number): number => (n * (n + 1)) / 2;

// `where` and `what` name the value only in the message, built on failure (the checks run per invoice).
function checkProbability(x: number, where: string | number, what: string): void {
  if (!(x >= 0 && x <= 1)) throw new RangeError(`${where}.${what} must be between 0 and 1: ${x}`);
}

function checkAmount(x: Minor, where: string | number, what: string): void {
  if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`${where}.${what} must be a non-negative safe integer: ${x}`);
}

interface Commitment {
  invoiceIds: Id[];
  amount: Minor;
  day: number;
  keptRate: number;
  /** 0 promise, 1 instalment: promises go first on the same day. */
  kind: 0 | 1;
  order: number;
}

/**
 * The forecast. Throws RangeError on malformed input (a bad date, a negative or
 * fractional amount, a probability outside 0..1, a negative spread, a repeated
 * invoice id): the input is computed by the app, so such a thing is a bug, not a
 * user's typing.
 */
export function cashForecast(input: CashForecastInput): CashForecast {
  const asOf = toDayNumber(input.asOf);

  const remaining = new Map<Id, number>();
  const expectedDays: number[] = [];
  let open = 0;
  for (const inv of input.invoices) {
    checkAmount(inv.balance, inv.id, 'balance');
    checkProbability(inv.lateProbability, inv.id, 'lateProbability');
    if (!(Number.isFinite(inv.spreadDays) && inv.spreadDays >= 0 && inv.spreadDays <= MAX_SPREAD_DAYS)) {
      throw new RangeError(`${inv.id}.spreadDays must be between 0 and ${MAX_SPREAD_DAYS}: ${inv.spreadDays}`);
    }
    expectedDays.push(toDayNumber(inv.expectedDay));
    if (remaining.has(inv.id)) throw new RangeError(`Invoice listed twice: ${inv.id}`);
    remaining.set(inv.id, inv.balance);
    open += inv.balance;
  }
  if (!Number.isSafeInteger(open)) throw new RangeError(`Open balances add up past the safe integer range: ${open}`);

  const commitments: Commitment[] = [];
  input.promises.forEach((p, i) => {
    checkAmount(p.amount, `promises.${i}`, 'amount');
    checkProbability(p.keptRate, `promises.${i}`, 'keptRate');
    commitments.push({ invoiceIds: p.invoiceIds, amount: p.amount, day: toDayNumber(p.day), keptRate: p.keptRate, kind: 0, order: i });
  });
  input.instalments.forEach((p, i) => {
    checkAmount(p.amount, `instalments.${i}`, 'amount');
    const keptRate = p.keptRate ?? 1;
    checkProbability(keptRate, `instalments.${i}`, 'keptRate');
    commitments.push({ invoiceIds: p.invoiceIds, amount: p.amount, day: toDayNumber(p.day), keptRate, kind: 1, order: i });
  });
  commitments.sort((a, b) => a.day - b.day || a.kind - b.kind || a.order - b.order);

  // The promised parts of each invoice, taken from what is still open.
  const promised = new Map<Id, { amount: Minor; day: number; keptRate: number }[]>();
  for (const c of commitments) {
    let left = c.amount;
    for (const id of new Set(c.invoiceIds)) {
      if (left === 0) break;
      const owed = remaining.get(id);
      if (owed === undefined || owed === 0) continue;
      const take = Math.min(left, owed);
      remaining.set(id, owed - take);
      left -= take;
      const list = promised.get(id) ?? [];
      list.push({ amount: take, day: c.day, keptRate: c.keptRate });
      promised.set(id, list);
    }
  }

  const mean = new Float64Array(BUCKETS);
  // Slots 0..12 are the weeks, slot 13 the 13 weeks together.
  const ownVar = new Float64Array(FORECAST_WEEKS + 1);
  const shared = new Float64Array(FORECAST_WEEKS + 1);
  const possible = new Float64Array(FORECAST_WEEKS + 1);
  const timing = new Float64Array(BUCKETS);
  const chance = new Float64Array(BUCKETS);

  function addSpread(slot: number, amount: Minor, p: number, slip: number): void {
    if (p <= 0) return;
    const luck = p * (1 - p);
    // p a hair off 0 or 1 by float rounding must not open a band around certain money.
    if (luck > 1e-12) ownVar[slot] = (ownVar[slot] ?? 0) + amount * amount * luck;
    shared[slot] = (shared[slot] ?? 0) + slip;
    possible[slot] = (possible[slot] ?? 0) + amount;
  }

  /** One part of an invoice: `amount` lands in bucket b with chance p[b]; `slip` = lateProbability x its timed money. */
  function addPart(amount: Minor, p: Float64Array, slip: number, timedInHorizon: number): void {
    let inHorizon = 0;
    for (let b = 0; b < BUCKETS; b++) mean[b] = (mean[b] ?? 0) + amount * (p[b] ?? 0);
    for (let w = 0; w < FORECAST_WEEKS; w++) {
      const pw = p[w] ?? 0;
      inHorizon += pw;
      addSpread(w, amount, pw, slip * (timing[w] ?? 0));
    }
    addSpread(FORECAST_WEEKS, amount, Math.min(1, inHorizon), slip * timedInHorizon);
  }

  input.invoices.forEach((inv, i) => {
    if (inv.balance === 0) return;
    timingInto(timing, expectedDays[i] ?? 0, Math.round(inv.spreadDays), asOf);
    let timedInHorizon = 0;
    for (let w = 0; w < FORECAST_WEEKS; w++) timedInHorizon += timing[w] ?? 0;
    for (const c of promised.get(inv.id) ?? []) {
      const bucket = bucketOfDay(c.day, asOf);
      for (let b = 0; b < BUCKETS; b++) chance[b] = (1 - c.keptRate) * (timing[b] ?? 0) + (b === bucket ? c.keptRate : 0);
      addPart(c.amount, chance, inv.lateProbability * (1 - c.keptRate) * c.amount, timedInHorizon);
    }
    const rest = remaining.get(inv.id) ?? 0;
    if (rest > 0) addPart(rest, timing, inv.lateProbability * rest, timedInHorizon);
  });

  const expected = largestRemainder([...mean], open);
  const band = (slot: number, exp: Minor): { low: Minor; high: Minor } => {
    const sigma = Math.sqrt((ownVar[slot] ?? 0) + (shared[slot] ?? 0) ** 2);
    const half = Math.round(BAND_Z * sigma);
    return {
      low: Math.max(0, exp - half),
      high: Math.max(exp, Math.min(possible[slot] ?? 0, exp + half)),
    };
  };

  const weeks: ForecastWeek[] = [];
  let totalExpected = 0;
  for (let w = 0; w < FORECAST_WEEKS; w++) {
    const exp = expected[w] ?? 0;
    totalExpected += exp;
    weeks.push({ start: fromDayNumber(asOf + 7 * w), end: fromDayNumber(asOf + 7 * w + 6), expected: exp, ...band(w, exp) });
  }
  return {
    weeks,
    total: { expected: totalExpected, ...band(FORECAST_WEEKS, totalExpected) },
    later: expected[LATER] ?? 0,
    overdue: expected[OVERDUE] ?? 0,
    open,
  };
}

/** The bucket of a promised day: a day before asOf counts as asOf (the promise is still current). */
function bucketOfDay(day: number, asOf: number): number {
  const offset = Math.max(0, day - asOf);
  return Math.min(LATER, Math.floor(offset / 7));
}

/**
 * Whole minor units for real-valued shares that add up to `total`: each share's whole
 * part, then the units still missing one by one to the largest fractional parts
 * (earlier buckets first on a tie). Float error in the shares can leave a unit too
 * many or too few; the loop takes or gives back until the sum is exact.
 */
export function largestRemainder(shares: number[], total: Minor): Minor[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`A non-negative safe integer total expected: ${total}`);
  const whole = shares.map((s) => Math.max(0, Math.floor(s)));
  if (whole.length === 0) {
    if (total !== 0) throw new RangeError(`No shares to put ${total} in`);
    return whole;
  }
  const order = shares
    .map((s, i) => ({ i, frac: s - Math.floor(s) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
    .map((x) => x.i);
  let missing = total - whole.reduce((s, x) => s + x, 0);
  // Units short: one each to the largest fractional parts, round again if needed.
  for (let k = 0; missing > 0; k = (k + 1) % order.length) {
    const i = order[k] ?? 0;
    whole[i] = (whole[i] ?? 0) + 1;
    missing--;
  }
  // Units over (float overshoot): one each back from the smallest fractional parts
  // that have one. The sum is then above total >= 0, so some share always has one.
  for (let k = order.length - 1; missing < 0; k = k === 0 ? order.length - 1 : k - 1) {
    const i = order[k] ?? 0;
    if ((whole[i] ?? 0) > 0) {
      whole[i] = (whole[i] ?? 0) - 1;
      missing++;
    }
  }
  return whole;
}
