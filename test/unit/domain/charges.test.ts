import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHARGE_LIMITS, DEFAULT_CHARGE_RULE, accruedCharges, checkChargeRule, describeBasis, type ChargeLine,
} from '../../../src/domain/charges';
import type { ChargeRule } from '../../../src/domain/collections';
import { addDays } from '../../../src/domain/calendar';

const DUE = '2024-03-01';
const rule = (over: Partial<ChargeRule>): ChargeRule => ({ ...DEFAULT_CHARGE_RULE, ...over });
const sum = (lines: ChargeLine[]): number => lines.reduce((s, l) => s + l.amount, 0);
const at = (days: number) => addDays(DUE, days);
const amountOf = (lines: ChargeLine[], kind: ChargeLine['kind']) =>
  lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amount, 0);

describe('accruedCharges: the DOMAIN.md example', () => {
  const tenPercent = rule({ yearlyBp: 1000 });

  it('100.00 open, 15 days overdue, 10 % a year: interest 0.41', () => {
    const lines = accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(15), rule: tenPercent });
    expect(lines).toEqual([
      { kind: 'interest', amount: 41, basis: { principal: 10000, days: 15, rateBp: 1000, fee: null, capped: false } },
    ]);
  });

  it('with a stage fee of 10.00 the notice totals 110.41', () => {
    const principal = 10000;
    const lines = accruedCharges({ principal, dueDate: DUE, asOf: at(15), rule: tenPercent, stageFees: [1000] });
    expect(lines.map((l) => l.kind)).toEqual(['stageFee', 'interest']);
    expect(principal + sum(lines)).toBe(11041);
  });
});

describe('accruedCharges: each kind of charge', () => {
  it('daily penalty 万分之五 (5 bp a day) on 100.00 for 15 days is 0.75', () => {
    const lines = accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(15), rule: rule({ dailyBp: 5 }) });
    expect(lines).toEqual([
      { kind: 'daily', amount: 75, basis: { principal: 10000, days: 15, rateBp: 5, fee: null, capped: false } },
    ]);
  });

  it('a one-off percentage does not grow with the days', () => {
    const r = rule({ percentBp: 250 });
    const a = accruedCharges({ principal: 12345, dueDate: DUE, asOf: at(1), rule: r });
    const b = accruedCharges({ principal: 12345, dueDate: DUE, asOf: at(300), rule: r });
    // 123.45 x 2.5 % = 3.08625 -> 3.09
    expect(amountOf(a, 'percent')).toBe(309);
    expect(amountOf(b, 'percent')).toBe(309);
  });

  it('rounds half away from zero, once per line', () => {
    // 1.00 x 10 % x 73 / 365 = 2 fen exactly; 0.01 x 50 % x 365 / 365 = 0.5 fen -> 1 fen.
    expect(amountOf(accruedCharges({ principal: 100, dueDate: DUE, asOf: at(73), rule: rule({ yearlyBp: 1000 }) }), 'interest')).toBe(2);
    expect(amountOf(accruedCharges({ principal: 1, dueDate: DUE, asOf: at(365), rule: rule({ yearlyBp: 5000 }) }), 'interest')).toBe(1);
    // 0.01 x 49 % = 0.49 fen -> nothing, and a zero line is left out.
    expect(accruedCharges({ principal: 1, dueDate: DUE, asOf: at(365), rule: rule({ yearlyBp: 4900 }) })).toEqual([]);
    // 0.50 x 1 bp a day x 100 days = 0.5 fen -> 1 fen.
    expect(amountOf(accruedCharges({ principal: 50, dueDate: DUE, asOf: at(100), rule: rule({ dailyBp: 1 }) }), 'daily')).toBe(1);
  });

  it('counts real calendar days across a leap day (actual/365)', () => {
    const lines = accruedCharges({ principal: 3_650_000, dueDate: '2024-02-28', asOf: '2024-03-01', rule: rule({ yearlyBp: 1000 }) });
    // 2 days: 36,500.00 x 10 % x 2 / 365 = 20.00
    expect(lines[0]?.basis.days).toBe(2);
    expect(lines[0]?.amount).toBe(2000);
  });

  it('charges stage fees only when the rule says so, one line each, zero fees left out', () => {
    const base = { principal: 10000, dueDate: DUE, asOf: at(30), stageFees: [500, 0, 1500] };
    const on = accruedCharges({ ...base, rule: rule({ stageFees: true }) });
    expect(on.map((l) => [l.kind, l.amount, l.basis.fee])).toEqual([['stageFee', 500, 500], ['stageFee', 1500, 1500]]);
    expect(accruedCharges({ ...base, rule: rule({ stageFees: false }) })).toEqual([]);
  });

  it('orders lines stage fees, percent, daily, interest', () => {
    const lines = accruedCharges({
      principal: 100000, dueDate: DUE, asOf: at(40), rule: rule({ percentBp: 100, dailyBp: 5, yearlyBp: 600 }), stageFees: [2000],
    });
    expect(lines.map((l) => l.kind)).toEqual(['stageFee', 'percent', 'daily', 'interest']);
    // 1,000.00: 1 % = 10.00; 5 bp x 40 d = 20.00; 6 % x 40 / 365 = 6.5753... -> 6.58
    expect(lines.map((l) => l.amount)).toEqual([2000, 1000, 2000, 658]);
  });

  it('the default rule charges nothing but stage fees', () => {
    expect(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(400), rule: DEFAULT_CHARGE_RULE })).toEqual([]);
    expect(sum(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(400), rule: DEFAULT_CHARGE_RULE, stageFees: [300] }))).toBe(300);
  });
});

describe('accruedCharges: when nothing accrues', () => {
  it('not before or on the due date', () => {
    const r = rule({ yearlyBp: 1000, percentBp: 100 });
    expect(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(0), rule: r, stageFees: [100] })).toEqual([]);
    expect(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(-5), rule: r, stageFees: [100] })).toEqual([]);
    expect(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(1), rule: r })).not.toEqual([]);
  });

  it('not within grace; past grace, interest counts from the due date, grace days included', () => {
    const r = rule({ yearlyBp: 3650, graceDays: 10 }); // 10 bp a day on 100.00 = 0.10 a day
    expect(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(10), rule: r, stageFees: [500] })).toEqual([]);
    const past = accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(11), rule: r, stageFees: [500] });
    expect(amountOf(past, 'interest')).toBe(110);
    expect(amountOf(past, 'stageFee')).toBe(500);
    expect(past.find((l) => l.kind === 'interest')?.basis.days).toBe(11);
  });

  it('not on a paid or credit balance', () => {
    const r = rule({ yearlyBp: 1000, percentBp: 100 });
    expect(accruedCharges({ principal: 0, dueDate: DUE, asOf: at(90), rule: r, stageFees: [100] })).toEqual([]);
    expect(accruedCharges({ principal: -5000, dueDate: DUE, asOf: at(90), rule: r, stageFees: [100] })).toEqual([]);
  });
});

describe('accruedCharges: the cap', () => {
  it('cuts the last lines first and marks them capped', () => {
    // Cap 10 % of 1,000.00 = 100.00: fee 60.00 fits, percent 5 % = 50.00 is cut to 40.00, daily dropped.
    const lines = accruedCharges({
      principal: 100000, dueDate: DUE, asOf: at(30), rule: rule({ percentBp: 500, dailyBp: 5, capBp: 1000 }), stageFees: [6000],
    });
    expect(lines.map((l) => [l.kind, l.amount, l.basis.capped])).toEqual([
      ['stageFee', 6000, false],
      ['percent', 4000, true],
    ]);
    expect(sum(lines)).toBe(10000);
  });

  it('counts charges already on the invoice', () => {
    const r = rule({ yearlyBp: 1000, capBp: 500 }); // cap 5.00 on 100.00
    const lines = accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(200), rule: r, alreadyCharged: 420 });
    // uncapped 100.00 x 10 % x 200 / 365 = 5.48; room 0.80
    expect(lines).toEqual([
      { kind: 'interest', amount: 80, basis: { principal: 10000, days: 200, rateBp: 1000, fee: null, capped: true } },
    ]);
    expect(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(200), rule: r, alreadyCharged: 500 })).toEqual([]);
    expect(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(200), rule: r, alreadyCharged: 900 })).toEqual([]);
  });

  it('rounds the cap down so the exact share is never passed', () => {
    // 0.99 x 10 % = 0.099 -> cap 0.09
    const lines = accruedCharges({ principal: 99, dueDate: DUE, asOf: at(30), rule: rule({ dailyBp: 100, capBp: 1000 }) });
    expect(sum(lines)).toBe(9);
  });

  it('a cap that is not reached changes nothing', () => {
    const base = { principal: 10000, dueDate: DUE, asOf: at(15), stageFees: [1000] };
    const capped = accruedCharges({ ...base, rule: rule({ yearlyBp: 1000, capBp: 2000 }) });
    expect(capped).toEqual(accruedCharges({ ...base, rule: rule({ yearlyBp: 1000 }) }));
    expect(capped.every((l) => !l.basis.capped)).toBe(true);
  });

  it('a zero cap means no charges at all', () => {
    expect(accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(15), rule: rule({ yearlyBp: 1000, capBp: 0 }), stageFees: [1000] })).toEqual([]);
  });
});

describe('accruedCharges: large amounts stay exact', () => {
  it('uses integer arithmetic past 2^53', () => {
    // 90 trillion fen x 1000 bp x 1000 days passes 2^53 long before the division.
    const principal = 9_000_000_000_000_000;
    const lines = accruedCharges({ principal, dueDate: DUE, asOf: at(1000), rule: rule({ yearlyBp: 1000 }) });
    const exact = (BigInt(principal) * 1000n * 1000n * 2n + 3_650_000n) / (3_650_000n * 2n);
    expect(lines[0]?.amount).toBe(Number(exact));
  });

  it('throws rather than return an unsafe amount', () => {
    expect(() => accruedCharges({ principal: Number.MAX_SAFE_INTEGER, dueDate: DUE, asOf: at(3000), rule: rule({ dailyBp: 1000 }) })).toThrow(RangeError);
  });
});

describe('accruedCharges: bad input', () => {
  it('refuses an invalid rule, bad fees and bad dates', () => {
    const base = { principal: 10000, dueDate: DUE, asOf: at(15), rule: rule({ yearlyBp: 1000 }) };
    expect(() => accruedCharges({ ...base, rule: rule({ yearlyBp: -1 }) })).toThrow(RangeError);
    expect(() => accruedCharges({ ...base, rule: rule({ graceDays: 1.5 }) })).toThrow(RangeError);
    expect(() => accruedCharges({ ...base, stageFees: [-100] })).toThrow(RangeError);
    expect(() => accruedCharges({ ...base, stageFees: [10.5] })).toThrow(RangeError);
    expect(() => accruedCharges({ ...base, alreadyCharged: -1 })).toThrow(RangeError);
    expect(() => accruedCharges({ ...base, principal: 0.5 })).toThrow(RangeError);
    expect(() => accruedCharges({ ...base, asOf: '2024-02-30' })).toThrow(RangeError);
  });
});

describe('checkChargeRule', () => {
  it('accepts the default rule and a full one, returning a copy', () => {
    const full = rule({ percentBp: 200, dailyBp: 5, yearlyBp: 1200, graceDays: 7, capBp: 3000 });
    const r = checkChargeRule(full);
    expect(r).toEqual({ ok: true, value: full });
    expect(r.ok && r.value).not.toBe(full);
    expect(checkChargeRule(DEFAULT_CHARGE_RULE).ok).toBe(true);
  });

  it('accepts the bounds themselves', () => {
    const edge = rule({
      percentBp: CHARGE_LIMITS.percentBp, dailyBp: CHARGE_LIMITS.dailyBp, yearlyBp: CHARGE_LIMITS.yearlyBp,
      graceDays: CHARGE_LIMITS.graceDays, capBp: CHARGE_LIMITS.capBp,
    });
    expect(checkChargeRule(edge).ok).toBe(true);
    expect(checkChargeRule(rule({ percentBp: 0, dailyBp: 0, yearlyBp: 0, graceDays: 0, capBp: 0 })).ok).toBe(true);
  });

  it.each([
    ['percentBp', { percentBp: -1 }, 'charge.rate'],
    ['percentBp', { percentBp: 10_001 }, 'charge.rate'],
    ['dailyBp', { dailyBp: 1_001 }, 'charge.rate'],
    ['dailyBp', { dailyBp: 0.5 }, 'charge.rate'],
    ['yearlyBp', { yearlyBp: 100_001 }, 'charge.rate'],
    ['yearlyBp', { yearlyBp: Number.NaN }, 'charge.rate'],
    ['graceDays', { graceDays: -1 }, 'charge.grace'],
    ['graceDays', { graceDays: 3_651 }, 'charge.grace'],
    ['graceDays', { graceDays: 2.5 }, 'charge.grace'],
    ['capBp', { capBp: -1 }, 'charge.cap'],
    ['capBp', { capBp: 100_001 }, 'charge.cap'],
  ] as const)('refuses %s in %o', (field, over, code) => {
    const r = checkChargeRule(rule(over));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ field, code, params: { min: 0, max: CHARGE_LIMITS[field] } });
    }
  });

  it('reports every bad field at once', () => {
    const r = checkChargeRule(rule({ percentBp: -1, dailyBp: 5000, yearlyBp: 1000, graceDays: -3, capBp: -1 }));
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['percentBp', 'dailyBp', 'graceDays', 'capBp']);
  });
});

describe('describeBasis', () => {
  const interest = accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(15), rule: rule({ yearlyBp: 1000 }) });
  const daily = accruedCharges({ principal: 10000, dueDate: DUE, asOf: at(15), rule: rule({ dailyBp: 5 }) });
  const lineOf = (lines: ChargeLine[]): ChargeLine => {
    const l = lines[0];
    if (!l) throw new Error('no line');
    return l;
  };
  const line = (kind: ChargeLine['kind'], basis: Partial<ChargeLine['basis']>): ChargeLine => ({
    kind, amount: 1, basis: { principal: 10000, days: 15, rateBp: null, fee: null, capped: false, ...basis },
  });

  it('interest, in both languages', () => {
    expect(describeBasis(lineOf(interest), 2, 'en')).toBe('100.00 × 10% a year × 15 days / 365');
    expect(describeBasis(lineOf(interest), 2, 'zh-CN')).toBe('100.00 × 年利率10% × 15天 / 365');
    expect(describeBasis(line('interest', { rateBp: 1050, days: 1 }), 2, 'en')).toBe('100.00 × 10.5% a year × 1 day / 365');
    expect(describeBasis(line('interest', { rateBp: 385, principal: 123456 }), 2, 'zh-CN')).toBe('1234.56 × 年利率3.85% × 15天 / 365');
  });

  it('daily: a percentage in English, 万分之/千分之/百分之 in Chinese', () => {
    expect(describeBasis(lineOf(daily), 2, 'en')).toBe('100.00 × 0.05% a day × 15 days');
    expect(describeBasis(lineOf(daily), 2, 'zh-CN')).toBe('100.00 × 日万分之五 × 15天');
    const zhRate = (bp: number) => describeBasis(line('daily', { rateBp: bp }), 2, 'zh-CN').split(' × ')[1];
    expect(zhRate(3)).toBe('日万分之三');
    expect(zhRate(10)).toBe('日千分之一');
    expect(zhRate(15)).toBe('日万分之十五');
    expect(zhRate(105)).toBe('日万分之一百零五');
    expect(zhRate(110)).toBe('日千分之十一');
    expect(zhRate(100)).toBe('日百分之一');
    expect(zhRate(1000)).toBe('日百分之十');
    expect(zhRate(999)).toBe('日万分之九百九十九');
  });

  it('percent and stage fee', () => {
    expect(describeBasis(line('percent', { rateBp: 500 }), 2, 'en')).toBe('100.00 × 5%');
    expect(describeBasis(line('percent', { rateBp: 25 }), 2, 'zh-CN')).toBe('100.00 × 0.25%');
    expect(describeBasis(line('stageFee', { fee: 1000 }), 2, 'en')).toBe('stage fee 10.00');
    expect(describeBasis(line('stageFee', { fee: 1000 }), 2, 'zh-CN')).toBe('催收费 10.00');
  });

  it('follows the currency digits and marks capped lines', () => {
    expect(describeBasis(line('interest', { rateBp: 1000, principal: 10000 }), 0, 'en')).toBe('10000 × 10% a year × 15 days / 365');
    expect(describeBasis(line('stageFee', { fee: 1000, capped: true }), 2, 'en')).toBe('stage fee 10.00 (capped)');
    expect(describeBasis(line('daily', { rateBp: 5, capped: true }), 2, 'zh-CN')).toBe('100.00 × 日万分之五 × 15天（已封顶）');
  });
});

describe('accruedCharges: properties', () => {
  const rateOrNull = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: null });
  const ruleArb = fc.record({
    stageFees: fc.boolean(),
    percentBp: rateOrNull(CHARGE_LIMITS.percentBp),
    dailyBp: rateOrNull(CHARGE_LIMITS.dailyBp),
    yearlyBp: rateOrNull(CHARGE_LIMITS.yearlyBp),
    graceDays: fc.integer({ min: 0, max: 60 }),
    capBp: rateOrNull(CHARGE_LIMITS.capBp),
  });
  const principalArb = fc.integer({ min: -1_000_000, max: 10_000_000_000 });
  const daysArb = fc.integer({ min: -30, max: 3000 });
  const feesArb = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 4 });

  it('charges are never negative or zero, and always whole minor units', () => {
    fc.assert(
      fc.property(principalArb, daysArb, ruleArb, feesArb, fc.integer({ min: 0, max: 1_000_000 }), (principal, days, r, fees, already) => {
        const lines = accruedCharges({ principal, dueDate: DUE, asOf: at(days), rule: r, stageFees: fees, alreadyCharged: already });
        for (const l of lines) {
          expect(Number.isSafeInteger(l.amount)).toBe(true);
          expect(l.amount).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('with a cap, already charged plus new lines never passes principal x capBp / 10000', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }), daysArb, ruleArb, fc.integer({ min: 0, max: CHARGE_LIMITS.capBp }), feesArb,
        fc.integer({ min: 0, max: 1_000_000 }),
        (principal, days, r, capBp, fees, already) => {
          const lines = accruedCharges({ principal, dueDate: DUE, asOf: at(days), rule: { ...r, capBp }, stageFees: fees, alreadyCharged: already });
          const added = BigInt(sum(lines));
          if (added > 0n) expect((BigInt(already) + added) * 10_000n <= BigInt(principal) * BigInt(capBp)).toBe(true);
          // And the cap only ever takes away: nothing is above the uncapped amount.
          const free = accruedCharges({ principal, dueDate: DUE, asOf: at(days), rule: { ...r, capBp: null }, stageFees: fees });
          expect(added <= BigInt(sum(free))).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a capped result fills the room exactly when the uncapped charges exceed it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 2000 }), ruleArb, fc.integer({ min: 0, max: 5000 }), feesArb,
        (principal, days, r, capBp, fees) => {
          const base = { principal, dueDate: DUE, asOf: at(days), stageFees: fees };
          const free = sum(accruedCharges({ ...base, rule: { ...r, capBp: null } }));
          const capped = sum(accruedCharges({ ...base, rule: { ...r, capBp } }));
          const cap = Math.floor((principal * capBp) / 10_000);
          expect(capped).toBe(Math.min(free, cap));
        }),
      { numRuns: 1000 },
    );
  });

  it('interest and daily penalty never go down as the days go up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: CHARGE_LIMITS.yearlyBp }), fc.integer({ min: 0, max: CHARGE_LIMITS.dailyBp }), fc.integer({ min: 0, max: 60 }),
        (principal, d1, d2, yearlyBp, dailyBp, graceDays) => {
          const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const r = rule({ yearlyBp, dailyBp, graceDays });
          const a = accruedCharges({ principal, dueDate: DUE, asOf: at(early), rule: r });
          const b = accruedCharges({ principal, dueDate: DUE, asOf: at(late), rule: r });
          expect(amountOf(b, 'interest')).toBeGreaterThanOrEqual(amountOf(a, 'interest'));
          expect(amountOf(b, 'daily')).toBeGreaterThanOrEqual(amountOf(a, 'daily'));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('interest is the exact formula rounded half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 5000 }), (principal, days, yearlyBp) => {
        const lines = accruedCharges({ principal, dueDate: DUE, asOf: at(days), rule: rule({ yearlyBp }) });
        const exact = (principal * yearlyBp * days) / 3_650_000; // < 2^53 here, so a float is close enough to compare
        const got = amountOf(lines, 'interest');
        expect(Math.abs(got - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        if (Math.abs(got - exact) === 0.5) expect(got).toBeGreaterThan(exact);
      }),
      { numRuns: 1000 },
    );
  });
});
