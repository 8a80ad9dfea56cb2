// Aging (账龄): open balances grouped by days past the basis date (due or issue).
// With upper bounds b1 < b2 < ... an age goes to the first bucket whose bound is
// >= age; above the last bound is the open-ended last bucket. On the due basis an
// age <= 0 is "not yet due" (未到期), a bucket of its own in front.
import type { AgingBasis, DayNumber, IsoDate, Minor } from './types';
import { fail, ok, type Result } from './errors';
import { daysBetween } from './calendar';

/** 未到期, 1-30, 31-60, 61-90, 91-180, 181-365, >365 on the due basis. */
export const DEFAULT_BOUNDS = [30, 60, 90, 180, 365];
/** The audit-style preset for the issue basis: within 1 year, 1-2 years, 2-3 years, over 3. */
export const AUDIT_YEAR_BOUNDS = [365, 730, 1095];
export const MAX_BOUNDS = 12;

/** Positive integers, strictly increasing, 1..12 of them. Field 'agingBounds'. Returns a copy. */
export function checkBounds(bounds: number[]): Result<number[]> {
  const good =
    Array.isArray(bounds) &&
    bounds.length >= 1 &&
    bounds.length <= MAX_BOUNDS &&
    bounds.every((b, i) => Number.isSafeInteger(b) && b > 0 && (i === 0 || b > (bounds[i - 1] ?? 0)));
  return good ? ok([...bounds]) : fail('agingBounds', 'aging.bounds', { max: MAX_BOUNDS });
}

/** Bounds typed as text, e.g. '30, 60, 90' or '30 60 90' or '30，60，90'. */
export function parseBounds(input: string): Result<number[]> {
  const parts = input.split(/[\s,，、;；]+/).filter((p) => p !== '');
  if (parts.length === 0) return fail('agingBounds', 'required');
  if (!parts.every((p) => /^\d{1,6}$/.test(p))) return fail('agingBounds', 'aging.bounds', { max: MAX_BOUNDS });
  return checkBounds(parts.map(Number));
}

export interface BucketRange {
  /** First age in the bucket; null = no lower end (not yet due). */
  from: number | null;
  /** Last age in the bucket; null = open-ended. */
  to: number | null;
}

/**
 * Due basis: [not yet due (null..0), 1..b1, b1+1..b2, ..., >last (last+1..null)].
 * Issue basis: [0..b1, b1+1..b2, ..., >last].
 */
export function bucketRanges(bounds: number[], basis: AgingBasis): BucketRange[] {
  const ranges: BucketRange[] = basis === 'due' ? [{ from: null, to: 0 }] : [];
  let from = basis === 'due' ? 1 : 0;
  for (const b of bounds) {
    ranges.push({ from, to: b });
    from = b + 1;
  }
  ranges.push({ from, to: null });
  return ranges;
}

/** Index into bucketRanges(bounds, basis). On the issue basis an age below 0 counts as 0. */
export function bucketIndex(age: number, bounds: number[], basis: AgingBasis): number {
  const offset = basis === 'due' ? 1 : 0;
  if (basis === 'due' && age <= 0) return 0;
  for (let i = 0; i < bounds.length; i++) {
    if (age <= (bounds[i] ?? 0)) return i + offset;
  }
  return bounds.length + offset;
}

/** Age in days: as-of date minus basis date. */
export function ageOf(basisDate: IsoDate, asOf: IsoDate): number {
  return daysBetween(basisDate, asOf);
}

/**
 * Sum balances per bucket (same order as bucketRanges). Items with a zero balance are
 * left out of amounts and counts; the amounts add up to the total of the balances.
 * Unapplied customer credit is not an invoice: callers show it as a separate line.
 */
export function agingOf(
  items: { basisDay: DayNumber; balance: Minor }[],
  asOfDay: DayNumber,
  bounds: number[],
  basis: AgingBasis,
): { amount: Minor; count: number }[] {
  const buckets = bucketRanges(bounds, basis).map(() => ({ amount: 0, count: 0 }));
  for (const item of items) {
    if (item.balance === 0) continue;
    const bucket = buckets[bucketIndex(asOfDay - item.basisDay, bounds, basis)];
    if (bucket) {
      bucket.amount += item.balance;
      bucket.count += 1;
    }
  }
  return buckets;
}
