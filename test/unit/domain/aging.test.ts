import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AUDIT_YEAR_BOUNDS, DEFAULT_BOUNDS, ageOf, agingOf, bucketIndex, bucketRanges, checkBounds, parseBounds,
} from '../../../src/domain/aging';
import { toDayNumber } from '../../../src/domain/calendar';

const B = [30, 60, 90, 120];

describe('bucketIndex: the DOMAIN.md boundary check with bounds 30/60/90/120', () => {
  it('on the due basis', () => {
    const ranges = bucketRanges(B, 'due');
    const label = (age: number) => ranges[bucketIndex(age, B, 'due')];
    expect(label(0)).toEqual({ from: null, to: 0 }); // not yet due
    expect(label(-15)).toEqual({ from: null, to: 0 });
    expect(label(1)).toEqual({ from: 1, to: 30 });
    expect(label(30)).toEqual({ from: 1, to: 30 });
    expect(label(31)).toEqual({ from: 31, to: 60 });
    expect(label(120)).toEqual({ from: 91, to: 120 });
    expect(label(121)).toEqual({ from: 121, to: null });
  });

  it('on the issue basis', () => {
    const ranges = bucketRanges(B, 'issue');
    const label = (age: number) => ranges[bucketIndex(age, B, 'issue')];
    expect(label(0)).toEqual({ from: 0, to: 30 });
    expect(label(30)).toEqual({ from: 0, to: 30 });
    expect(label(31)).toEqual({ from: 31, to: 60 });
    expect(label(120)).toEqual({ from: 91, to: 120 });
    expect(label(121)).toEqual({ from: 121, to: null });
  });
});

describe('bucketRanges', () => {
  it('lays out the default buckets 未到期, 1-30, 31-60, 61-90, 91-180, 181-365, >365', () => {
    expect(bucketRanges(DEFAULT_BOUNDS, 'due')).toEqual([
      { from: null, to: 0 }, { from: 1, to: 30 }, { from: 31, to: 60 }, { from: 61, to: 90 },
      { from: 91, to: 180 }, { from: 181, to: 365 }, { from: 366, to: null },
    ]);
  });

  it('lays out the audit-style year preset on the issue basis', () => {
    expect(AUDIT_YEAR_BOUNDS).toEqual([365, 730, 1095]);
    expect(bucketRanges(AUDIT_YEAR_BOUNDS, 'issue')).toEqual([
      { from: 0, to: 365 }, { from: 366, to: 730 }, { from: 731, to: 1095 }, { from: 1096, to: null },
    ]);
  });
});

describe('checkBounds and parseBounds', () => {
  it('accepts 1..12 positive, strictly increasing integers', () => {
    expect(checkBounds(DEFAULT_BOUNDS)).toEqual({ ok: true, value: DEFAULT_BOUNDS });
    expect(checkBounds([1])).toEqual({ ok: true, value: [1] });
    expect(checkBounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]).ok).toBe(true);
  });

  it('rejects anything else with aging.bounds', () => {
    for (const bad of [[], [0, 30], [-30], [30, 30], [60, 30], [30.5], [Number.NaN], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]]) {
      expect(checkBounds(bad), JSON.stringify(bad)).toMatchObject({ ok: false, errors: [{ field: 'agingBounds', code: 'aging.bounds' }] });
    }
  });

  it('returns a copy, so the caller can keep it', () => {
    const bounds = [30, 60];
    const r = checkBounds(bounds);
    expect(r.ok && r.value !== bounds).toBe(true);
  });

  it('reads bounds typed as a list', () => {
    expect(parseBounds('30, 60, 90')).toEqual({ ok: true, value: [30, 60, 90] });
    expect(parseBounds('30 60 90')).toEqual({ ok: true, value: [30, 60, 90] });
    expect(parseBounds('30，60、90')).toEqual({ ok: true, value: [30, 60, 90] });
    expect(parseBounds('  ')).toMatchObject({ ok: false, errors: [{ code: 'required' }] });
    expect(parseBounds('30, x')).toMatchObject({ ok: false, errors: [{ code: 'aging.bounds' }] });
    expect(parseBounds('60, 30')).toMatchObject({ ok: false, errors: [{ code: 'aging.bounds' }] });
  });
});

describe('ageOf', () => {
  it('is the as-of date minus the basis date', () => {
    expect(ageOf('2024-01-31', '2024-03-01')).toBe(30);
    expect(ageOf('2024-03-01', '2024-01-31')).toBe(-30);
    expect(ageOf('2024-01-05', '2024-01-05')).toBe(0);
  });
});

describe('agingOf', () => {
  it('sums balances and counts per bucket', () => {
    const asOf = toDayNumber('2024-06-30');
    const at = (iso: string) => toDayNumber(iso);
    const items = [
      { basisDay: at('2024-07-15'), balance: 100 }, // not yet due
      { basisDay: at('2024-06-30'), balance: 200 }, // age 0: not yet due
      { basisDay: at('2024-05-31'), balance: 300 }, // age 30
      { basisDay: at('2024-05-30'), balance: 400 }, // age 31
      { basisDay: at('2024-03-02'), balance: 500 }, // age 120
      { basisDay: at('2024-03-01'), balance: 600 }, // age 121
      { basisDay: at('2024-03-01'), balance: 0 }, // paid: not counted
    ];
    expect(agingOf(items, asOf, B, 'due')).toEqual([
      { amount: 300, count: 2 }, { amount: 300, count: 1 }, { amount: 400, count: 1 }, { amount: 0, count: 0 },
      { amount: 500, count: 1 }, { amount: 600, count: 1 },
    ]);
  });

  const bounds = fc
    .uniqueArray(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 12 })
    .map((xs) => [...xs].sort((a, b) => a - b));
  const basis = fc.constantFrom('due' as const, 'issue' as const);

  it('buckets add up to the total open balance and the count of open items', () => {
    fc.assert(
      fc.property(
        bounds, basis,
        fc.array(fc.record({ basisDay: fc.integer({ min: 18_000, max: 21_000 }), balance: fc.integer({ min: -100_000, max: 10_000_000 }) })),
        fc.integer({ min: 19_000, max: 22_000 }),
        (b, bs, items, asOfDay) => {
          const rows = agingOf(items, asOfDay, b, bs);
          expect(rows).toHaveLength(bucketRanges(b, bs).length);
          expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(items.reduce((s, i) => s + i.balance, 0));
          expect(rows.reduce((s, r) => s + r.count, 0)).toBe(items.filter((i) => i.balance !== 0).length);
        },
      ),
    );
  });

  it('puts every age in exactly one bucket, the one whose range holds it', () => {
    fc.assert(
      fc.property(bounds, basis, fc.integer({ min: -500, max: 5000 }), (b, bs, rawAge) => {
        const age = bs === 'issue' ? Math.abs(rawAge) : rawAge; // issued invoices are never younger than 0
        const ranges = bucketRanges(b, bs);
        const holding = ranges
          .map((r, i) => ({ r, i }))
          .filter(({ r }) => (r.from === null || age >= r.from) && (r.to === null || age <= r.to));
        expect(holding).toHaveLength(1);
        expect(bucketIndex(age, b, bs)).toBe(holding[0]!.i);
      }),
    );
  });

  it('never puts a larger age in an earlier bucket', () => {
    fc.assert(
      fc.property(bounds, basis, fc.integer({ min: -500, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (b, bs, age, more) => {
        expect(bucketIndex(age + more, b, bs)).toBeGreaterThanOrEqual(bucketIndex(age, b, bs));
      }),
    );
  });
});
