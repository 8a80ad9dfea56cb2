import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_RISK_WEIGHTS, GRADE_FLOORS, LIMIT_USE_SHOWN_MAX, PREPAY_OLDEST_DAYS, RISK_CURVES, RISK_PARTS,
  RISK_WEIGHT_MAX, TRACK_RECORD_MIN, TREND_MIN_INVOICES, checkRiskWeights, gradeOf, riskScore, suggestion,
  type RiskFacts, type RiskPart, type RiskWeights,
} from '../../../src/domain/risk-score';
import { GRADES, type Grade } from '../../../src/domain/collections';

/** A customer with nothing open and no history. */
const CLEAN: RiskFacts = Object.freeze({
  open: 0, overdue: 0, overdueAgeDays: 0, oldestDaysOverdue: 0, daysLate: [], brokenPromises: 0,
  keptPromises: 0, disputed: 0, creditLimit: null, priorDaysLate: [],
});
const facts = (over: Partial<RiskFacts>): RiskFacts => ({ ...CLEAN, ...over });
const NONE: RiskWeights = { overdue: 0, age: 0, lateness: 0, promises: 0, disputes: 0, limit: 0, trend: 0 };
/** Weights that count one part alone: its points are its badness x 100. */
const only = (key: keyof RiskWeights, weight = 1): RiskWeights => ({ ...NONE, [key]: weight });
const part = (parts: RiskPart[], key: keyof RiskWeights): RiskPart => {
  const p = parts.find((x) => x.key === key);
  if (!p) throw new Error(`no part ${key}`);
  return p;
};
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

// ---------- generators ----------
const amount = fc.integer({ min: 0, max: 10_000_000_00 });
const days = fc.integer({ min: -120, max: 720 });
const lateList = fc.array(days, { maxLength: 30 });
const factsArb: fc.Arbitrary<RiskFacts> = fc
  .record({
    open: amount,
    overdueShare: fc.double({ min: 0, max: 1, noNaN: true }),
    disputedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    overdueAgeDays: fc.integer({ min: 0, max: 1000 }),
    oldestExtra: fc.integer({ min: 0, max: 1000 }),
    daysLate: lateList,
    priorDaysLate: lateList,
    brokenPromises: fc.integer({ min: 0, max: 40 }),
    keptPromises: fc.integer({ min: 0, max: 40 }),
    creditLimit: fc.option(amount, { nil: null }),
  })
  .map((r) => ({
    open: r.open,
    overdue: Math.floor(r.open * r.overdueShare),
    overdueAgeDays: r.overdueAgeDays,
    oldestDaysOverdue: r.overdueAgeDays + r.oldestExtra,
    daysLate: r.daysLate,
    brokenPromises: r.brokenPromises,
    keptPromises: r.keptPromises,
    disputed: Math.floor(r.open * r.disputedShare),
    creditLimit: r.creditLimit,
    priorDaysLate: r.priorDaysLate,
  }));
const weightArb: fc.Arbitrary<RiskWeights> = fc.record({
  overdue: fc.integer({ min: 0, max: RISK_WEIGHT_MAX }),
  age: fc.integer({ min: 0, max: RISK_WEIGHT_MAX }),
  lateness: fc.integer({ min: 0, max: RISK_WEIGHT_MAX }),
  promises: fc.integer({ min: 0, max: RISK_WEIGHT_MAX }),
  disputes: fc.integer({ min: 0, max: RISK_WEIGHT_MAX }),
  limit: fc.integer({ min: 0, max: RISK_WEIGHT_MAX }),
  trend: fc.integer({ min: 0, max: RISK_WEIGHT_MAX }),
});
const weightsArb = fc.oneof(fc.constant({ ...DEFAULT_RISK_WEIGHTS }), weightArb);
const keyArb = fc.constantFrom(...RISK_PARTS);

describe('defaults and weights', () => {
  it('the default weights sum to 100, so a part loses at most its weight in points', () => {
    expect(sum(RISK_PARTS.map((k) => DEFAULT_RISK_WEIGHTS[k]))).toBe(100);
    const worst = facts({
      open: 1000, overdue: 1000, overdueAgeDays: 400, daysLate: [90, 90, 90], priorDaysLate: [0, 0, 0],
      brokenPromises: 1_000_000, disputed: 1000, creditLimit: 1,
    });
    const r = riskScore(worst, DEFAULT_RISK_WEIGHTS);
    for (const p of r.parts) {
      expect(p.weight).toBe(DEFAULT_RISK_WEIGHTS[p.key]);
      expect(p.points).toBeLessThanOrEqual(p.weight + 1e-9);
    }
  });

  it('checkRiskWeights accepts the defaults and returns a copy of just the seven keys', () => {
    const extra = { ...DEFAULT_RISK_WEIGHTS, other: 5 } as RiskWeights;
    const r = checkRiskWeights(extra);
    expect(r).toEqual({ ok: true, value: { ...DEFAULT_RISK_WEIGHTS } });
    if (r.ok) expect(r.value).not.toBe(extra);
  });

  it('accepts 0 and RISK_WEIGHT_MAX at the edges', () => {
    expect(checkRiskWeights({ ...NONE, age: RISK_WEIGHT_MAX }).ok).toBe(true);
  });

  it('refuses negative, fractional, too large and non-numeric weights, naming each field', () => {
    const bad = { ...DEFAULT_RISK_WEIGHTS, age: -1, lateness: 2.5, limit: RISK_WEIGHT_MAX + 1, trend: Number.NaN } as RiskWeights;
    (bad as unknown as Record<string, unknown>).promises = '10';
    const r = checkRiskWeights(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual(['age', 'lateness', 'promises', 'limit', 'trend'].map((field) => ({
        field, code: 'risk.weight', params: { min: 0, max: RISK_WEIGHT_MAX },
      })));
    }
  });

  it('refuses a missing weight', () => {
    const { disputes: _gone, ...rest } = DEFAULT_RISK_WEIGHTS;
    const r = checkRiskWeights(rest as RiskWeights);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['disputes']);
  });

  it('refuses all weights at 0 on the whole form', () => {
    expect(checkRiskWeights(NONE)).toEqual({ ok: false, errors: [{ field: '', code: 'risk.weight', params: { min: 1 } }] });
  });
});

describe('no balance, no history', () => {
  it('a customer with nothing open and no history scores 100 with grade A', () => {
    const r = riskScore(CLEAN, DEFAULT_RISK_WEIGHTS);
    expect(r.score).toBe(100);
    expect(r.grade).toBe('A');
    expect(r.parts.map((p) => p.key)).toEqual([...RISK_PARTS]);
    expect(r.parts.every((p) => p.points === 0 && p.value === 0)).toBe(true);
  });

  it('nothing open but a limit of 0 still scores 100 (no credit used)', () => {
    expect(riskScore(facts({ creditLimit: 0 }), DEFAULT_RISK_WEIGHTS).score).toBe(100);
  });

  it('a credit balance counts as nothing open', () => {
    const r = riskScore(facts({ open: -5000, overdue: 0, disputed: 100, creditLimit: 0 }), DEFAULT_RISK_WEIGHTS);
    expect(r.score).toBe(100);
  });

  it('with every weight 0 nothing is lost', () => {
    const r = riskScore(facts({ open: 100, overdue: 100, overdueAgeDays: 500 }), NONE);
    expect(r.score).toBe(100);
    expect(r.parts.every((p) => p.points === 0)).toBe(true);
  });
});

describe('each part on its own', () => {
  it('overdue: the overdue share of the open balance as is', () => {
    const r = riskScore(facts({ open: 1000, overdue: 300 }), only('overdue'));
    expect(part(r.parts, 'overdue')).toEqual({ key: 'overdue', points: 30, weight: 1, value: 0.3 });
    expect(r.score).toBe(70);
    expect(riskScore(facts({ open: 1000, overdue: 1000 }), only('overdue')).score).toBe(0);
    expect(riskScore(facts({ open: 1000, overdue: 0 }), only('overdue')).score).toBe(100);
    // More overdue than open (inconsistent facts) counts as all of it.
    expect(riskScore(facts({ open: 1000, overdue: 5000 }), only('overdue')).score).toBe(0);
  });

  it('age: average days past due over 180 days', () => {
    const at = (d: number) => riskScore(facts({ open: 10, overdue: 10, overdueAgeDays: d }), only('age'));
    expect(part(at(45).parts, 'age')).toEqual({ key: 'age', points: 25, weight: 1, value: 45 });
    expect(at(90).score).toBe(50);
    expect(at(RISK_CURVES.ageFullDays).score).toBe(0);
    expect(at(1000).score).toBe(0);
    expect(at(0).score).toBe(100);
  });

  it('lateness: average days late over 60, early payments counting as on time', () => {
    const r = riskScore(facts({ daysLate: [30, 0, -20, 50] }), only('lateness'));
    // (30 + 0 + 0 + 50) / 4 = 20 days -> 20 / 60 of the part.
    expect(part(r.parts, 'lateness').value).toBe(20);
    expect(part(r.parts, 'lateness').points).toBeCloseTo((20 / 60) * 100, 10);
    expect(r.score).toBe(67);
    expect(riskScore(facts({ daysLate: [-30, -10] }), only('lateness')).score).toBe(100);
    expect(riskScore(facts({ daysLate: [60] }), only('lateness')).score).toBe(0);
    expect(riskScore(facts({ daysLate: [400, 200] }), only('lateness')).score).toBe(0);
  });

  it('promises: broken share, damped for few promises', () => {
    const at = (broken: number, kept: number) => riskScore(facts({ brokenPromises: broken, keptPromises: kept }), only('promises'));
    // One broken out of one: shown as 100 %, costs 1 / (1 + 0 + 2) of the part.
    const one = at(1, 0);
    expect(part(one.parts, 'promises').value).toBe(1);
    expect(part(one.parts, 'promises').points).toBeCloseTo(100 / 3, 10);
    expect(one.score).toBe(67);
    // 4 broken, 4 kept: 50 % shown, 4 / 10 lost.
    expect(part(at(4, 4).parts, 'promises')).toMatchObject({ value: 0.5, points: 40 });
    expect(at(0, 10).score).toBe(100);
    expect(at(0, 0).score).toBe(100);
    // Many broken approach the whole part.
    expect(at(998, 0).score).toBe(0);
  });

  it('disputes: the disputed share of the open balance', () => {
    const r = riskScore(facts({ open: 2000, disputed: 500 }), only('disputes'));
    expect(part(r.parts, 'disputes')).toEqual({ key: 'disputes', points: 25, weight: 1, value: 0.25 });
    expect(r.score).toBe(75);
    expect(riskScore(facts({ open: 0, disputed: 500 }), only('disputes')).score).toBe(100);
  });

  it('limit: nothing up to 80 % use, then linearly to the whole part at 150 %', () => {
    const at = (open: number, creditLimit: number | null) => riskScore(facts({ open, creditLimit }), only('limit'));
    expect(at(800, 1000).score).toBe(100);
    expect(part(at(800, 1000).parts, 'limit').value).toBe(0.8);
    // 115 % is halfway between 80 % and 150 %.
    expect(at(1150, 1000).score).toBe(50);
    expect(at(1500, 1000).score).toBe(0);
    expect(at(9000, 1000).score).toBe(0);
    // No limit set: no part; a limit of 0 with a balance: all of it, shown as the capped use.
    expect(part(at(5000, null).parts, 'limit')).toEqual({ key: 'limit', points: 0, weight: 1, value: 0 });
    expect(part(at(1, 0).parts, 'limit')).toEqual({ key: 'limit', points: 100, weight: 1, value: LIMIT_USE_SHOWN_MAX });
    expect(part(at(1_000_000, 1).parts, 'limit').value).toBe(LIMIT_USE_SHOWN_MAX);
  });

  it('trend: average days late grown over 30 days, read with enough invoices in both windows', () => {
    const trend = (recent: number[], prior: number[]) => riskScore(facts({ daysLate: recent, priorDaysLate: prior }), only('trend'));
    const worse = trend([20, 20, 20], [5, 5, 5]);
    expect(part(worse.parts, 'trend').value).toBe(15);
    expect(worse.score).toBe(50);
    expect(trend([40, 40, 40], [0, 0, 0]).score).toBe(0);
    // Improving: a negative value and no points lost.
    const better = trend([0, 0, 0], [30, 30, 30]);
    expect(part(better.parts, 'trend')).toEqual({ key: 'trend', points: 0, weight: 1, value: -30 });
    // Too few invoices in either window: no trend.
    const few = Array.from({ length: TREND_MIN_INVOICES - 1 }, () => 60);
    expect(part(trend(few, [0, 0, 0]).parts, 'trend')).toMatchObject({ value: 0, points: 0 });
    expect(part(trend([60, 60, 60], [0]).parts, 'trend')).toMatchObject({ value: 0, points: 0 });
  });

  it('points are weight x badness x 100 / the sum of weights', () => {
    const w: RiskWeights = { ...NONE, overdue: 3, age: 1 };
    const r = riskScore(facts({ open: 1000, overdue: 500, overdueAgeDays: 90 }), w);
    expect(part(r.parts, 'overdue').points).toBeCloseTo((3 * 0.5 * 100) / 4, 10);
    expect(part(r.parts, 'age').points).toBeCloseTo((1 * 0.5 * 100) / 4, 10);
    expect(r.score).toBe(50);
  });

  it('scaling every weight by the same factor changes nothing', () => {
    fc.assert(fc.property(factsArb, weightArb, fc.integer({ min: 2, max: 5 }), (f, w, k) => {
      const scaled = Object.fromEntries(RISK_PARTS.map((key) => [key, w[key] * k])) as unknown as RiskWeights;
      const a = riskScore(f, w).parts.map((p) => p.points);
      const b = riskScore(f, scaled).parts.map((p) => p.points);
      a.forEach((x, i) => expect(b[i]).toBeCloseTo(x, 9));
    }));
  });
});

describe('bounds', () => {
  it('the score is an integer 0..100, equal to 100 minus the lost points, rounded', () => {
    fc.assert(fc.property(factsArb, weightsArb, (f, w) => {
      const r = riskScore(f, w);
      expect(Number.isInteger(r.score)).toBe(true);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      const lost = sum(r.parts.map((p) => p.points));
      expect(Math.abs(r.score - (100 - lost))).toBeLessThanOrEqual(0.5 + 1e-9);
      for (const p of r.parts) {
        expect(p.points).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(p.value)).toBe(true);
      }
      expect(r.grade).toBe(gradeOf(r.score));
    }));
  });

  it('every part at its worst gives 0, whatever the (non-zero) weights', () => {
    const worst = facts({
      open: 1000, overdue: 1000, overdueAgeDays: 180, daysLate: [60, 60, 60], priorDaysLate: [0, 0, 0],
      brokenPromises: 10_000_000, disputed: 1000, creditLimit: 0,
    });
    fc.assert(fc.property(weightArb.filter((w) => RISK_PARTS.some((k) => w[k] > 0)), (w) => {
      expect(riskScore(worst, w).score).toBe(0);
    }));
  });
});

describe('monotone: worse facts never raise the score', () => {
  const notHigher = (a: RiskFacts, b: RiskFacts, w: RiskWeights) => {
    expect(riskScore(b, w).score).toBeLessThanOrEqual(riskScore(a, w).score);
    for (const key of RISK_PARTS) {
      expect(part(riskScore(b, w).parts, key).points).toBeGreaterThanOrEqual(part(riskScore(a, w).parts, key).points - 1e-12);
    }
  };

  it('more overdue (of the same open balance)', () => {
    fc.assert(fc.property(factsArb, weightsArb, fc.double({ min: 0, max: 1, noNaN: true }), (f, w, t) => {
      const more = f.overdue + Math.floor((f.open - f.overdue) * t);
      notHigher(f, { ...f, overdue: more }, w);
    }));
  });

  it('an older overdue balance', () => {
    fc.assert(fc.property(factsArb, weightsArb, fc.integer({ min: 0, max: 500 }), (f, w, extra) => {
      notHigher(f, { ...f, overdueAgeDays: f.overdueAgeDays + extra, oldestDaysOverdue: f.oldestDaysOverdue + extra }, w);
    }));
  });

  it('a paid invoice paid later', () => {
    fc.assert(fc.property(factsArb, weightsArb, fc.nat(), fc.integer({ min: 0, max: 400 }), (f, w, pick, extra) => {
      fc.pre(f.daysLate.length > 0);
      const i = pick % f.daysLate.length;
      const later = f.daysLate.map((d, j) => (j === i ? d + extra : d));
      notHigher(f, { ...f, daysLate: later }, w);
    }));
  });

  it('every recent invoice paid later', () => {
    fc.assert(fc.property(factsArb, weightsArb, fc.integer({ min: 0, max: 400 }), (f, w, extra) => {
      notHigher(f, { ...f, daysLate: f.daysLate.map((d) => d + extra) }, w);
    }));
  });

  it('one more broken promise', () => {
    fc.assert(fc.property(factsArb, weightsArb, fc.integer({ min: 1, max: 20 }), (f, w, n) => {
      notHigher(f, { ...f, brokenPromises: f.brokenPromises + n }, w);
    }));
  });

  it('a promise broken instead of kept', () => {
    fc.assert(fc.property(factsArb, weightsArb, (f, w) => {
      fc.pre(f.keptPromises > 0);
      notHigher(f, { ...f, keptPromises: f.keptPromises - 1, brokenPromises: f.brokenPromises + 1 }, w);
    }));
  });

  it('more of the balance disputed', () => {
    fc.assert(fc.property(factsArb, weightsArb, fc.double({ min: 0, max: 1, noNaN: true }), (f, w, t) => {
      notHigher(f, { ...f, disputed: f.disputed + Math.floor((f.open - f.disputed) * t) }, w);
    }));
  });

  it('a lower credit limit', () => {
    fc.assert(fc.property(factsArb, weightsArb, fc.double({ min: 0, max: 1, noNaN: true }), (f, w, t) => {
      fc.pre(f.creditLimit !== null);
      const limit = f.creditLimit ?? 0;
      notHigher(f, { ...f, creditLimit: Math.floor(limit * t) }, w);
    }));
  });
});

describe('a weight of 0 removes its part', () => {
  /** The facts only one part reads, changed: with that part's weight at 0 the score cannot move. */
  const change: Record<keyof RiskWeights, (f: RiskFacts, n: number) => RiskFacts> = {
    overdue: (f, n) => ({ ...f, overdue: Math.floor((f.open * (n % 101)) / 100) }),
    age: (f, n) => ({ ...f, overdueAgeDays: n }),
    lateness: (f, n) => ({ ...f, daysLate: f.daysLate.map((d) => d + n) }), // trend reads these too: zeroed below
    promises: (f, n) => ({ ...f, brokenPromises: n, keptPromises: n % 7 }),
    disputes: (f, n) => ({ ...f, disputed: Math.floor((f.open * (n % 101)) / 100) }),
    limit: (f, n) => ({ ...f, creditLimit: n % 3 === 0 ? null : n }),
    trend: (f, n) => ({ ...f, priorDaysLate: f.priorDaysLate.map((d) => d - n) }),
  };

  it('changing what only that part reads leaves the score and the other parts as they were', () => {
    fc.assert(fc.property(factsArb, weightArb, keyArb, fc.integer({ min: 0, max: 1000 }), (f, w0, key, n) => {
      const w: RiskWeights = { ...w0, [key]: 0, ...(key === 'lateness' ? { trend: 0 } : {}) };
      const a = riskScore(f, w);
      const b = riskScore(change[key](f, n), w);
      expect(b.score).toBe(a.score);
      expect(part(b.parts, key).points).toBe(0);
      expect(b.parts.map((p) => p.points)).toEqual(a.parts.map((p) => p.points));
    }));
  });

  it('and the same change does move the score when the part has weight', () => {
    const base = facts({ open: 1000, daysLate: [40, 40, 40], priorDaysLate: [40, 40, 40], creditLimit: 100_000 });
    for (const key of RISK_PARTS) {
      const changed = change[key](base, 800);
      expect(riskScore(changed, only(key)).score, key).toBeLessThan(riskScore(base, only(key)).score);
      const without = { ...DEFAULT_RISK_WEIGHTS, [key]: 0 };
      expect(part(riskScore(changed, without).parts, key).points, key).toBe(0);
    }
  });

  it('a part with weight 0 is still listed, with its value, for the explanation', () => {
    const r = riskScore(facts({ open: 1000, overdue: 400 }), { ...DEFAULT_RISK_WEIGHTS, overdue: 0 });
    expect(part(r.parts, 'overdue')).toEqual({ key: 'overdue', points: 0, weight: 0, value: 0.4 });
    expect(r.score).toBe(100);
  });
});

describe('grades', () => {
  it('bands A >= 80, B >= 60, C >= 40, D below, at their edges', () => {
    const cases: [number, Grade][] = [
      [100, 'A'], [80, 'A'], [79, 'B'], [60, 'B'], [59, 'C'], [40, 'C'], [39, 'D'], [0, 'D'],
    ];
    for (const [score, grade] of cases) expect(gradeOf(score), String(score)).toBe(grade);
    expect(GRADE_FLOORS).toEqual({ A: 80, B: 60, C: 40 });
  });

  it('grades fall in order as the score falls', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(GRADES.indexOf(gradeOf(lo))).toBeGreaterThanOrEqual(GRADES.indexOf(gradeOf(hi)));
    }));
  });

  it('a score landing on a band edge gets the higher grade', () => {
    // Overdue share 20 % with overdue weight alone: 80 exactly.
    const r = riskScore(facts({ open: 1000, overdue: 200 }), only('overdue'));
    expect(r).toMatchObject({ score: 80, grade: 'A' });
    const s = riskScore(facts({ open: 1000, overdue: 201 }), only('overdue'));
    expect(s).toMatchObject({ score: 80, grade: 'A' }); // 79.9 rounds to 80
    expect(riskScore(facts({ open: 1000, overdue: 206 }), only('overdue'))).toMatchObject({ score: 79, grade: 'B' });
  });

  it('a score of x.5 rounds up', () => {
    // 0.5 % overdue of the open balance loses 0.5 points: 99.5 -> 100.
    expect(riskScore(facts({ open: 1000, overdue: 5 }), only('overdue')).score).toBe(100);
    // 60.5 % overdue: 39.5 -> 40, grade C.
    expect(riskScore(facts({ open: 1000, overdue: 605 }), only('overdue'))).toMatchObject({ score: 40, grade: 'C' });
  });

  it('rounds half up despite float noise, for every overdue share in tenths of a percent', () => {
    for (let k = 0; k <= 1000; k++) {
      // Overdue alone loses k / 10 points; with the defaults 25 x k / 1000: exact in integers.
      const alone = Math.floor((1000 - k + 5) / 10);
      const byDefault = Math.floor((100_000 - 25 * k + 500) / 1000);
      expect(riskScore(facts({ open: 1000, overdue: k }), only('overdue')).score, String(k)).toBe(alone);
      expect(riskScore(facts({ open: 1000, overdue: k }), DEFAULT_RISK_WEIGHTS).score, String(k)).toBe(byDefault);
    }
  });

  it('a customer who pays a month late and owes half of it overdue for a month is a B by default', () => {
    const f = facts({
      open: 100_000, overdue: 50_000, overdueAgeDays: 30, oldestDaysOverdue: 45,
      daysLate: [30, 30, 30, 30], priorDaysLate: [30, 30, 30], creditLimit: 200_000,
    });
    const r = riskScore(f, DEFAULT_RISK_WEIGHTS);
    // Lost: overdue 25 x 0.5 = 12.5, age 15 x 30/180 = 2.5, lateness 20 x 30/60 = 10, others 0: 75.
    expect(r.score).toBe(75);
    expect(r.grade).toBe('B');
  });
});

describe('suggestion', () => {
  const record = (d: number) => Array.from({ length: TRACK_RECORD_MIN }, () => d);

  it('A with a track record, a limit and no late payment: raise the limit, extend the terms', () => {
    expect(suggestion('A', facts({ daysLate: record(-2), creditLimit: 100_000 }))).toEqual({ limit: 'raise', termsDays: 'extend' });
  });

  it('A with a track record but some late payments: raise, keep the terms', () => {
    expect(suggestion('A', facts({ daysLate: [...record(0), 3], creditLimit: 100_000 }))).toEqual({ limit: 'raise', termsDays: 'keep' });
  });

  it('A without a limit set: nothing to raise', () => {
    expect(suggestion('A', facts({ daysLate: record(0) }))).toEqual({ limit: 'keep', termsDays: 'extend' });
  });

  it('A with too short a record (a new customer): keep both', () => {
    const short = facts({ daysLate: record(0).slice(1), creditLimit: 100_000 });
    expect(suggestion('A', short)).toEqual({ limit: 'keep', termsDays: 'keep' });
    expect(suggestion(riskScore(CLEAN, DEFAULT_RISK_WEIGHTS).grade, CLEAN)).toEqual({ limit: 'keep', termsDays: 'keep' });
  });

  it('B: keep both', () => {
    expect(suggestion('B', facts({ daysLate: record(0), creditLimit: 100_000 }))).toEqual({ limit: 'keep', termsDays: 'keep' });
  });

  it('C: keep the limit, shorten the terms', () => {
    expect(suggestion('C', facts({ daysLate: record(20), creditLimit: 100_000 }))).toEqual({ limit: 'keep', termsDays: 'shorten' });
  });

  it('D: lower the limit and shorten the terms', () => {
    expect(suggestion('D', facts({ open: 50_000, oldestDaysOverdue: PREPAY_OLDEST_DAYS - 1, creditLimit: 100_000 })))
      .toEqual({ limit: 'lower', termsDays: 'shorten' });
    expect(suggestion('D', facts({ open: 50_000 }))).toEqual({ limit: 'lower', termsDays: 'shorten' });
  });

  it('D with an invoice long overdue or over the limit: prepayment', () => {
    expect(suggestion('D', facts({ open: 50_000, oldestDaysOverdue: PREPAY_OLDEST_DAYS, creditLimit: 100_000 })))
      .toEqual({ limit: 'prepay', termsDays: 'shorten' });
    expect(suggestion('D', facts({ open: 100_001, creditLimit: 100_000 }))).toEqual({ limit: 'prepay', termsDays: 'shorten' });
    expect(suggestion('D', facts({ open: 100_000, creditLimit: 100_000 }))).toEqual({ limit: 'lower', termsDays: 'shorten' });
  });

  it('a worse grade never gets a more generous suggestion', () => {
    const limitRank = { raise: 0, keep: 1, lower: 2, prepay: 3 } as const;
    const termsRank = { extend: 0, keep: 1, shorten: 2 } as const;
    fc.assert(fc.property(factsArb, (f) => {
      const s = GRADES.map((g) => suggestion(g, f));
      for (let i = 1; i < s.length; i++) {
        expect(limitRank[s[i]!.limit]).toBeGreaterThanOrEqual(limitRank[s[i - 1]!.limit]);
        expect(termsRank[s[i]!.termsDays]).toBeGreaterThanOrEqual(termsRank[s[i - 1]!.termsDays]);
      }
    }));
  });
});
