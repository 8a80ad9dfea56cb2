// Early warnings (风险预警), DOMAIN.md "Credit grade and risk": a balance over the
// credit limit, an invoice crossing into an older aging bucket, a broken promise, a
// grade drop, a limitation period ending soon, one customer holding a large share of
// the book's open receivables. Built from plain facts the caller has already worked
// out (balances, grades, promise states, limitation ends), so this file only decides
// what deserves a warning, how it is named and in which order it is shown.
//
// The window: facts that happen over time (a crossing, a broken promise, a grade
// drop) are those from the day after `previousDay` through `today`, e.g. since the
// user last looked, or the last 30 days. Standing facts (over the limit, a
// limitation end near, concentration) are judged on `today` alone.
//
// Keys: each warning has a key made of its kind, customer, invoice and the fact that
// triggered it (the limit, the bucket reached, the promise, the grades, the end day
// and its 30/90-day window, the share threshold), never of amounts that move daily.
// A dismissed key therefore stays dismissed while the fact holds, and a new fact
// (a new limit, an older bucket, another promise, a further drop, a restarted
// period, the 30-day mark) warns again. A caller may forget a dismissal once its key
// is no longer produced, so that the same fact coming back later warns afresh.
//
// Order (most severe first), by tier, then within a tier as stated, then customer id,
// invoice id and key so that equal facts always come out in the same order:
//   0 limitationSoon within 30 days: the claim itself is about to be lost (fewest days left first)
//   1 brokenPromise: a commitment the customer did not keep (largest unpaid part first, then the latest)
//   2 overLimit (largest excess first)
//   3 gradeDrop (worst grade reached first, then most grades dropped)
//   4 limitationSoon within 90 days (fewest days left first)
//   5 bucketCrossed (oldest bucket reached first, then largest balance)
//   6 concentration: a standing exposure, not news (largest share first)
import type { Id, IsoDate, Minor } from './types';
import { GRADES, type Grade } from './collections';
import { addDays, toDayNumber } from './calendar';
import { bucketIndex, bucketRanges, checkBounds } from './aging';

export type WarningKind = 'overLimit' | 'bucketCrossed' | 'brokenPromise' | 'gradeDrop' | 'limitationSoon' | 'concentration';

export interface RiskWarning {
  kind: WarningKind;
  customerId: Id;
  /** The invoice the fact is about, when there is exactly one. */
  invoiceId?: Id;
  /** The day the fact began (or, where that is not known, the day it was seen: today). */
  since: IsoDate;
  /** What a message needs; see each kind in riskWarnings. */
  params: Record<string, number | string>;
  /** Stable id for dismissing: kind, customer, invoice and the triggering fact. */
  key: string;
}

export interface WarningInvoice {
  id: Id;
  dueDay: IsoDate;
  /** Open balance today; invoices with nothing open are never warned about. */
  balance: Minor;
}

/** A promise (or one plan instalment) found broken, as promiseState / planState report it. */
export interface BrokenPromiseFact {
  /** Identifies the promise; for a plan instalment, something like `${planId}#${index}`. */
  promiseId: Id;
  invoiceIds: Id[];
  amount: Minor;
  /** What counted towards it by its last day of grace. */
  paid: Minor;
  /** The first day it counts as broken. */
  brokenOn: IsoDate;
}

export interface LimitationFact {
  invoiceId: Id;
  /** The last day the claim is within the period (limitation.ts endsOn). */
  endsOn: IsoDate;
}

export interface WarningCustomer {
  id: Id;
  /** Open balance today (invoices less unapplied credit). */
  open: Minor;
  /** null = no limit set. */
  creditLimit: Minor | null;
  /** When the balance went over the limit, if the caller knows; otherwise the warning is dated today. */
  overLimitSince?: IsoDate;
  /** Open invoices today. */
  invoices: WarningInvoice[];
  /** Broken promises; those broken outside the window are left out here. */
  brokenPromises: BrokenPromiseFact[];
  /** Grade today and at previousDay (null = not graded then, e.g. a new customer). */
  grade: Grade;
  gradeBefore: Grade | null;
  /** When the grade dropped, if the caller knows; otherwise the warning is dated today. */
  gradeDroppedOn?: IsoDate;
  /** Limitation ends of the customer's open invoices; only those within the window warn. */
  limitations: LimitationFact[];
}

export interface WarningSettings {
  /** Warn when one customer holds at least this share of the book's open balance, in basis points. */
  concentrationShareBp: number;
  /** ...but only in a book with at least this many customers owing money: in a book of three, one
   * customer always holds a third, and that says nothing. */
  concentrationMinDebtors: number;
  /** Warn this many days before a limitation period ends (DOMAIN.md: 90 and 30). */
  limitationDays: number;
  limitationUrgentDays: number;
  /**
   * The youngest bucket whose crossing into warns, an index into bucketRanges(bounds, 'due').
   * Default 2 (1-30 into 31-60 and older): an invoice falling due (not yet due into 1-30)
   * is what the collection queue is for, and on a large book it happens every day.
   */
  minCrossedBucket: number;
}

export const DEFAULT_WARNING_SETTINGS: Readonly<WarningSettings> = {
  concentrationShareBp: 2500,
  concentrationMinDebtors: 5,
  limitationDays: 90,
  limitationUrgentDays: 30,
  minCrossedBucket: 2,
};

export interface RiskWarningInput {
  today: IsoDate;
  /** The start of the window: facts after this day (not on it) through today count. */
  previousDay: IsoDate;
  /** The book's aging bounds; crossings are judged on the due-date basis. */
  bounds: number[];
  /** The book's total open balance and how many of its customers owe money (open > 0). */
  book: { open: Minor; debtors: number };
  customers: WarningCustomer[];
  settings?: Partial<WarningSettings>;
}

/** Tier of a warning in the order above (0 = most severe). */
export function severityTier(w: Pick<RiskWarning, 'kind' | 'params'>): number {
  switch (w.kind) {
    case 'limitationSoon':
      return w.params.within === 'urgent' ? 0 : 4;
    case 'brokenPromise':
      return 1;
    case 'overLimit':
      return 2;
    case 'gradeDrop':
      return 3;
    case 'bucketCrossed':
      return 5;
    case 'concentration':
      return 6;
  }
}

/** The key: parts separated by '|', ids percent-encoded so that no id can fake a separator. */
function keyOf(kind: WarningKind, customerId: Id, invoiceId: Id | undefined, fact: string): string {
  return [kind, encodeURIComponent(customerId), encodeURIComponent(invoiceId ?? ''), fact].join('|');
}

function checkSettings(s: WarningSettings): void {
  const whole = (x: number, min: number, max: number): boolean => Number.isSafeInteger(x) && x >= min && x <= max;
  if (!whole(s.concentrationShareBp, 1, 10_000)) throw new RangeError(`concentrationShareBp out of 1..10000: ${s.concentrationShareBp}`);
  if (!whole(s.concentrationMinDebtors, 1, Number.MAX_SAFE_INTEGER)) throw new RangeError(`concentrationMinDebtors must be >= 1: ${s.concentrationMinDebtors}`);
  if (!whole(s.limitationDays, 0, 36_500)) throw new RangeError(`limitationDays out of range: ${s.limitationDays}`);
  if (!whole(s.limitationUrgentDays, 0, s.limitationDays)) throw new RangeError(`limitationUrgentDays must be 0..limitationDays: ${s.limitationUrgentDays}`);
  if (!whole(s.minCrossedBucket, 1, Number.MAX_SAFE_INTEGER)) throw new RangeError(`minCrossedBucket must be >= 1: ${s.minCrossedBucket}`);
}

/** open / total in basis points, rounded half away from zero, exactly (BigInt: open x 10,000 can pass 2^53). */
function shareBp(open: Minor, total: Minor): number {
  return Number((BigInt(open) * 20_000n + BigInt(total)) / (BigInt(total) * 2n));
}

/**
 * The warnings of a book, most severe first (see the order at the top of this file).
 * Params per kind:
 *   overLimit      limit, open, over (open - limit)
 *   bucketCrossed  from, to (bucket indexes into bucketRanges(bounds, 'due')), ageFrom (first age of
 *                  bucket `to`), days (age today), dueDay, balance
 *   brokenPromise  promiseId, amount, paid, unpaid, brokenOn, invoices (how many it covered)
 *   gradeDrop      from, to (grades), steps
 *   limitationSoon endsOn, daysLeft, within ('urgent' = limitationUrgentDays, 'soon' = limitationDays), days (that window's length)
 *   concentration  shareBp, thresholdBp, open, bookOpen, debtors
 * Throws RangeError on malformed input (bad dates or bounds, previousDay after today,
 * settings out of range): it is computed by the app, so that is a bug.
 */
export function riskWarnings(input: RiskWarningInput): RiskWarning[] {
  const settings: WarningSettings = { ...DEFAULT_WARNING_SETTINGS, ...input.settings };
  checkSettings(settings);
  const bounds = checkBounds(input.bounds);
  if (!bounds.ok) throw new RangeError(`Bad aging bounds: ${JSON.stringify(input.bounds)}`);
  const ranges = bucketRanges(bounds.value, 'due');
  const today = toDayNumber(input.today);
  const previous = toDayNumber(input.previousDay);
  if (previous > today) throw new RangeError(`previousDay ${input.previousDay} is after today ${input.today}`);
  const inWindow = (iso: IsoDate): boolean => {
    const d = toDayNumber(iso);
    return d > previous && d <= today;
  };

  // Each warning with its place inside its tier: a list of numbers, larger = more severe.
  const found: { warning: RiskWarning; weight: number[] }[] = [];
  const add = (
    kind: WarningKind, customerId: Id, invoiceId: Id | undefined, since: IsoDate,
    fact: string, params: RiskWarning['params'], weight: number[],
  ): void => {
    const warning: RiskWarning = { kind, customerId, since, params, key: keyOf(kind, customerId, invoiceId, fact) };
    if (invoiceId !== undefined) warning.invoiceId = invoiceId;
    found.push({ warning, weight });
  };

  for (const c of input.customers) {
    if (c.creditLimit !== null && c.open > c.creditLimit) {
      const over = c.open - c.creditLimit;
      add('overLimit', c.id, undefined, c.overLimitSince ?? input.today, `limit=${c.creditLimit}`,
        { limit: c.creditLimit, open: c.open, over }, [over]);
    }

    for (const inv of c.invoices) {
      if (inv.balance <= 0) continue;
      const due = toDayNumber(inv.dueDay);
      const from = bucketIndex(previous - due, bounds.value, 'due');
      const to = bucketIndex(today - due, bounds.value, 'due');
      if (to <= from || to < settings.minCrossedBucket) continue;
      // Bucket `to` >= 1 on the due basis always has a first age.
      const ageFrom = ranges[to]?.from ?? 1;
      add('bucketCrossed', c.id, inv.id, addDays(inv.dueDay, ageFrom), `due=${inv.dueDay};bucket=${to}`,
        { from, to, ageFrom, days: today - due, dueDay: inv.dueDay, balance: inv.balance }, [to, inv.balance]);
    }

    for (const p of c.brokenPromises) {
      if (!inWindow(p.brokenOn)) continue;
      const invoices = [...new Set(p.invoiceIds)];
      const unpaid = Math.max(0, p.amount - p.paid);
      add('brokenPromise', c.id, invoices.length === 1 ? invoices[0] : undefined, p.brokenOn,
        `promise=${encodeURIComponent(p.promiseId)}`,
        { promiseId: p.promiseId, amount: p.amount, paid: p.paid, unpaid, brokenOn: p.brokenOn, invoices: invoices.length },
        [unpaid, toDayNumber(p.brokenOn)]);
    }

    if (c.gradeBefore !== null) {
      const before = GRADES.indexOf(c.gradeBefore);
      const now = GRADES.indexOf(c.grade);
      if (before < 0 || now < 0) throw new RangeError(`Unknown grade for ${c.id}: ${c.gradeBefore} -> ${c.grade}`);
      if (now > before) {
        add('gradeDrop', c.id, undefined, c.gradeDroppedOn ?? input.today, `from=${c.gradeBefore};to=${c.grade}`,
          { from: c.gradeBefore, to: c.grade, steps: now - before }, [now, now - before]);
      }
    }

    for (const l of c.limitations) {
      const daysLeft = toDayNumber(l.endsOn) - today;
      if (daysLeft < 0 || daysLeft > settings.limitationDays) continue;
      const urgent = daysLeft <= settings.limitationUrgentDays;
      const days = urgent ? settings.limitationUrgentDays : settings.limitationDays;
      const within = urgent ? 'urgent' : 'soon';
      add('limitationSoon', c.id, l.invoiceId, addDays(l.endsOn, -days), `endsOn=${l.endsOn};within=${days}`,
        { endsOn: l.endsOn, daysLeft, within, days }, [-daysLeft]);
    }

    const { open: bookOpen, debtors } = input.book;
    if (c.open > 0 && bookOpen > 0 && debtors >= settings.concentrationMinDebtors &&
      BigInt(c.open) * 10_000n >= BigInt(settings.concentrationShareBp) * BigInt(bookOpen)) {
      const share = shareBp(c.open, bookOpen);
      add('concentration', c.id, undefined, input.today, `threshold=${settings.concentrationShareBp}`,
        { shareBp: share, thresholdBp: settings.concentrationShareBp, open: c.open, bookOpen, debtors }, [c.open]);
    }
  }

  found.sort((a, b) => {
    const tier = severityTier(a.warning) - severityTier(b.warning);
    if (tier !== 0) return tier;
    for (let i = 0; i < Math.max(a.weight.length, b.weight.length); i++) {
      const d = (b.weight[i] ?? 0) - (a.weight[i] ?? 0);
      if (d !== 0) return d;
    }
    return compare(a.warning.customerId, b.warning.customerId) ||
      compare(a.warning.invoiceId ?? '', b.warning.invoiceId ?? '') ||
      compare(a.warning.key, b.warning.key);
  });
  return found.map((f) => f.warning);
}

/** Code-unit order, the same in every locale (localeCompare is not). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
