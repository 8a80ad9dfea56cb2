import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BAND_Z, FORECAST_WEEKS, cashForecast, largestRemainder,
  type CashForecastInput, type ForecastInstalment, type ForecastInvoice, type ForecastPromise,
} from '../../../src/domain/cash-forecast';
import { addDays } from '../../../src/domain/calendar';

const asOf = '2026-03-02';
/** The day `offset` days after asOf. */
const day = (offset: number): string => addDays(asOf, offset);
const invoice = (id: string, balance: number, expectedOffset: number, more: Partial<ForecastInvoice> = {}): ForecastInvoice => ({
  id, balance, expectedDay: day(expectedOffset), lateProbability: 0, spreadDays: 0, ...more,
});
const forecast = (
  invoices: ForecastInvoice[], promises: ForecastPromise[] = [], instalments: ForecastInstalment[] = [],
) => cashForecast({ asOf, invoices, promises, instalments });
const expectedByWeek = (f: ReturnType<typeof forecast>): number[] => f.weeks.map((w) => w.expected);
/** All expected money in one week (1-based), nothing elsewhere. */
const onlyIn = (week: number, amount: number): number[] =>
  Array.from({ length: FORECAST_WEEKS }, (_, i) => (i === week - 1 ? amount : 0));

describe('cashForecast: weeks', () => {
  it('gives 13 seven-day weeks, the first starting on asOf', () => {
    const f = forecast([]);
    expect(f.weeks).toHaveLength(13);
    f.weeks.forEach((w, i) => {
      expect(w.start).toBe(day(7 * i));
      expect(w.end).toBe(day(7 * i + 6));
    });
    expect(f.weeks.at(-1)?.end).toBe(day(90));
    expect(f).toMatchObject({ total: { expected: 0, low: 0, high: 0 }, later: 0, overdue: 0, open: 0 });
  });

  it('puts an invoice with no spread in the week of its expected day, with no band when it is never late', () => {
    const f = forecast([invoice('a', 100_000, 15)]);
    expect(expectedByWeek(f)).toEqual(onlyIn(3, 100_000));
    expect(f.weeks[2]).toMatchObject({ expected: 100_000, low: 100_000, high: 100_000 });
    expect(f.total).toEqual({ expected: 100_000, low: 100_000, high: 100_000 });
  });

  it('uses both ends of a week: its first day and its seventh', () => {
    expect(expectedByWeek(forecast([invoice('a', 500, 7)]))).toEqual(onlyIn(2, 500));
    expect(expectedByWeek(forecast([invoice('a', 500, 13)]))).toEqual(onlyIn(2, 500));
    expect(expectedByWeek(forecast([invoice('a', 500, 0)]))).toEqual(onlyIn(1, 500));
  });

  it('leaves an invoice expected after week 13 outside the weeks, in `later`', () => {
    const last = forecast([invoice('a', 700, 90)]);
    expect(expectedByWeek(last)).toEqual(onlyIn(13, 700));
    const beyond = forecast([invoice('a', 700, 91), invoice('b', 300, 400)]);
    expect(expectedByWeek(beyond)).toEqual(onlyIn(1, 0));
    expect(beyond).toMatchObject({ later: 1_000, overdue: 0, open: 1_000, total: { expected: 0, low: 0, high: 0 } });
  });
});

describe('cashForecast: timing around the expected day', () => {
  it('spreads an invoice over expectedDay ± spread with triangular weights', () => {
    // Days 5, 6, 7 weigh 1, 2, 1: three quarters in week 1, a quarter in week 2.
    const f = forecast([invoice('a', 1_000, 6, { spreadDays: 1 })]);
    expect(expectedByWeek(f).slice(0, 3)).toEqual([750, 250, 0]);
    // Days 4..10 weigh 1,2,3,4,3,2,1 (16): days 4-6 = 6/16 in week 1, days 7-10 = 10/16 in week 2.
    const g = forecast([invoice('a', 1_600, 7, { spreadDays: 3 })]);
    expect(expectedByWeek(g).slice(0, 3)).toEqual([600, 1_000, 0]);
  });

  it('rounds a fractional spread to whole days', () => {
    const a = forecast([invoice('a', 1_000, 6, { spreadDays: 1.4 })]);
    const b = forecast([invoice('a', 1_000, 6, { spreadDays: 1 })]);
    expect(a).toEqual(b);
  });

  it('drops the days before asOf (the invoice is still open) and scales the rest back up', () => {
    // Days -3..1 weigh 1,2,3,2,1; what is left is days 0 and 1, both in week 1.
    const f = forecast([invoice('a', 900, -1, { spreadDays: 2 })]);
    expect(expectedByWeek(f)).toEqual(onlyIn(1, 900));
    expect(f.overdue).toBe(0);
    // Days -1..13 centred on 6, spread 7: left are days 0..13 with weights 2..8..2 minus nothing of week 3.
    const g = forecast([invoice('a', 6_300, 6, { spreadDays: 7 })]);
    // weights day 0..6: 2,3,4,5,6,7,8 = 35; day 7..13: 7,6,5,4,3,2,1 = 28; total left 63.
    expect(expectedByWeek(g).slice(0, 3)).toEqual([3_500, 2_800, 0]);
  });

  it('puts an invoice whose whole window is past in `overdue`, out of the weeks', () => {
    const f = forecast([invoice('a', 4_000, -10, { spreadDays: 3 }), invoice('b', 1_000, -1)]);
    expect(expectedByWeek(f)).toEqual(onlyIn(1, 0));
    expect(f).toMatchObject({ overdue: 5_000, later: 0, open: 5_000 });
    // A window that just reaches asOf still counts in week 1.
    expect(expectedByWeek(forecast([invoice('a', 4_000, -3, { spreadDays: 3 })]))).toEqual(onlyIn(1, 4_000));
  });

  it('skips zero balances', () => {
    const f = forecast([invoice('a', 0, 3), invoice('b', 10, -50)]);
    expect(f).toMatchObject({ open: 10, overdue: 10 });
  });
});

describe('cashForecast: promises and plans', () => {
  const inv = invoice('a', 1_000, 30); // expected in week 5

  it('counts a kept promise on its day and the rest of the invoice by its expected day', () => {
    const f = forecast([inv], [{ invoiceIds: ['a'], amount: 300, day: day(8), keptRate: 1 }]);
    expect(expectedByWeek(f)).toEqual(onlyIn(2, 300).map((x, i) => (i === 4 ? 700 : x)));
  });

  it('weighs a promise by the kept rate; a broken share follows the invoice', () => {
    const f = forecast([inv], [{ invoiceIds: ['a'], amount: 300, day: day(8), keptRate: 0.6 }]);
    expect(expectedByWeek(f)[1]).toBe(180);
    expect(expectedByWeek(f)[4]).toBe(820);
    expect(f.total.expected).toBe(1_000);
  });

  it('never counts more than the invoice owes, however much is promised', () => {
    const f = forecast([inv], [{ invoiceIds: ['a'], amount: 1_500, day: day(8), keptRate: 1 }]);
    expect(expectedByWeek(f)).toEqual(onlyIn(2, 1_000));
  });

  it('does not count the same money twice when a promise and a plan cover one invoice', () => {
    const f = forecast(
      [inv],
      [{ invoiceIds: ['a'], amount: 600, day: day(8), keptRate: 1 }],
      [{ invoiceIds: ['a'], amount: 600, day: day(15) }, { invoiceIds: ['a'], amount: 600, day: day(22) }],
    );
    // Earliest first: the promise takes 600, the first instalment the 400 left, the second nothing.
    expect(expectedByWeek(f).slice(0, 5)).toEqual([0, 600, 400, 0, 0]);
    expect(f.total.expected).toBe(1_000);
  });

  it('takes a promise from its invoices in the order named, and ignores invoices not open', () => {
    const f = forecast(
      [invoice('a', 200, 30), invoice('b', 1_000, 30)],
      [{ invoiceIds: ['gone', 'a', 'b'], amount: 500, day: day(1), keptRate: 1 }],
    );
    expect(expectedByWeek(f)[0]).toBe(500);
    expect(expectedByWeek(f)[4]).toBe(700); // b's 700 left
    const g = forecast([inv], [{ invoiceIds: ['other'], amount: 500, day: day(1), keptRate: 1 }]);
    expect(expectedByWeek(g)).toEqual(onlyIn(5, 1_000));
  });

  it('puts each plan instalment in its own week', () => {
    const f = forecast(
      [invoice('a', 900, 200)],
      [],
      [
        { invoiceIds: ['a'], amount: 300, day: day(3) },
        { invoiceIds: ['a'], amount: 300, day: day(31) },
        { invoiceIds: ['a'], amount: 300, day: day(59) },
      ],
    );
    expect(expectedByWeek(f)).toEqual([300, 0, 0, 0, 300, 0, 0, 0, 300, 0, 0, 0, 0]);
    expect(f.later).toBe(0);
  });

  it('weighs an instalment by its kept rate when one is given', () => {
    const f = forecast([invoice('a', 1_000, 200)], [], [{ invoiceIds: ['a'], amount: 1_000, day: day(3), keptRate: 0.25 }]);
    expect(expectedByWeek(f)[0]).toBe(250);
    expect(f.later).toBe(750);
  });

  it('counts a promise whose day has passed (still in its grace days) in week 1', () => {
    const f = forecast([inv], [{ invoiceIds: ['a'], amount: 400, day: day(-2), keptRate: 1 }]);
    expect(expectedByWeek(f)[0]).toBe(400);
  });

  it('counts a promise beyond week 13 in `later`', () => {
    const f = forecast([inv], [{ invoiceIds: ['a'], amount: 400, day: day(120), keptRate: 1 }]);
    expect(f.later).toBe(400);
    expect(expectedByWeek(f)[4]).toBe(600);
  });

  it('puts a promise before a same-day instalment', () => {
    const f = forecast(
      [invoice('a', 1_000, 200)],
      [{ invoiceIds: ['a'], amount: 700, day: day(10), keptRate: 0 }],
      [{ invoiceIds: ['a'], amount: 700, day: day(10) }],
    );
    // The promise (never kept) takes 700 back to the invoice's own timing; the instalment gets 300.
    expect(expectedByWeek(f)[1]).toBe(300);
    expect(f.later).toBe(700);
  });
});

describe('cashForecast: the band', () => {
  const half = (sigma: number): number => Math.round(BAND_Z * sigma);

  it('widens with the late probability of the money that follows the invoice (the shared slip)', () => {
    const f = forecast([invoice('a', 100_000, 15, { lateProbability: 0.5 })]);
    const h = half(0.5 * 100_000);
    expect(f.weeks[2]).toMatchObject({ expected: 100_000, low: 100_000 - h, high: 100_000 });
  });

  it('never goes above what can land in the week or below zero', () => {
    const f = forecast([invoice('a', 100_000, 15, { lateProbability: 1 })]);
    expect(f.weeks[2]).toMatchObject({ low: 100_000 - half(100_000), high: 100_000 });
    // A week nothing can land in has no band at all.
    expect(f.weeks[0]).toMatchObject({ expected: 0, low: 0, high: 0 });
  });

  it('comes from each part\'s own luck: A² p (1 - p) per part', () => {
    // Three quarters in week 1, a quarter in week 2 (see the triangular test).
    const one = forecast([invoice('a', 2_000, 6, { spreadDays: 1 })]);
    const h = half(Math.sqrt(2_000 ** 2 * 0.75 * 0.25));
    expect(one.weeks[0]).toMatchObject({ expected: 1_500, low: 1_500 - h, high: 2_000 });
    expect(h).toBeGreaterThan(500); // so week 2's low stops at zero
    expect(one.weeks[1]).toMatchObject({ expected: 500, low: 0, high: 500 + h });
    // The 13 weeks together hold all of it for sure.
    expect(one.total).toEqual({ expected: 2_000, low: 2_000, high: 2_000 });
  });

  it('is narrower for many small invoices than for one big one (independent luck partly cancels)', () => {
    const single = forecast([invoice('a', 2_000, 6, { spreadDays: 1 })]).weeks[1];
    const split = forecast([invoice('a', 1_000, 6, { spreadDays: 1 }), invoice('b', 1_000, 6, { spreadDays: 1 })]).weeks[1];
    expect(split?.expected).toBe(single?.expected);
    expect((split?.high ?? 0) - (split?.expected ?? 0)).toBe(half(Math.sqrt(2 * 1_000 ** 2 * 0.75 * 0.25)));
    expect((split?.high ?? 0) - (split?.low ?? 0)).toBeLessThan((single?.high ?? 0) - (single?.low ?? 0));
  });

  it('comes from the kept rate for promised money, not from the invoice\'s late probability', () => {
    const sure = forecast(
      [invoice('a', 1_000, 200, { lateProbability: 0.9 })],
      [{ invoiceIds: ['a'], amount: 1_000, day: day(3), keptRate: 1 }],
    );
    expect(sure.weeks[0]).toEqual({ start: day(0), end: day(6), expected: 1_000, low: 1_000, high: 1_000 });
    const maybe = forecast([invoice('a', 1_000, 200)], [{ invoiceIds: ['a'], amount: 1_000, day: day(3), keptRate: 0.8 }]);
    const h = half(Math.sqrt(1_000 ** 2 * 0.8 * 0.2));
    expect(maybe.weeks[0]).toMatchObject({ expected: 800, low: 800 - h, high: 1_000 });
  });
});

describe('largestRemainder', () => {
  it('rounds shares to whole units that add up to the total', () => {
    expect(largestRemainder([0.5, 0.5, 0], 1)).toEqual([1, 0, 0]); // a tie goes to the earlier share
    expect(largestRemainder([333.4, 333.3, 333.3], 1_000)).toEqual([334, 333, 333]);
    expect(largestRemainder([1.2, 2.7, 0.1], 4)).toEqual([1, 3, 0]);
  });

  it('absorbs float error either way', () => {
    expect(largestRemainder([299.99999999997, 700.00000000001], 1_000)).toEqual([300, 700]);
    expect(largestRemainder([2, 2], 3)).toEqual([2, 1]);
    expect(largestRemainder([0, 0], 3)).toEqual([2, 1]);
    expect(largestRemainder([], 0)).toEqual([]);
  });

  it('refuses a negative or fractional total', () => {
    expect(() => largestRemainder([1], -1)).toThrow(RangeError);
    expect(() => largestRemainder([1], 1.5)).toThrow(RangeError);
    expect(() => largestRemainder([], 1)).toThrow(RangeError);
  });

  it('always adds up exactly and stays within one unit of each share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 1e9 }), (weights, total) => {
        const sum = weights.reduce((s, w) => s + w, 0);
        const shares = weights.map((w) => (sum === 0 ? total / weights.length : (total * w) / sum));
        const out = largestRemainder(shares, total);
        expect(out.reduce((s, x) => s + x, 0)).toBe(total);
        out.forEach((x, i) => expect(Math.abs(x - (shares[i] ?? 0))).toBeLessThan(1 + 1e-6));
      }),
    );
  });
});

describe('cashForecast: refuses malformed input', () => {
  const ok = invoice('a', 100, 3);
  it.each([
    ['a negative balance', { invoices: [{ ...ok, balance: -1 }] }],
    ['a fractional balance', { invoices: [{ ...ok, balance: 1.5 }] }],
    ['a late probability above 1', { invoices: [{ ...ok, lateProbability: 1.2 }] }],
    ['a NaN late probability', { invoices: [{ ...ok, lateProbability: Number.NaN }] }],
    ['a negative spread', { invoices: [{ ...ok, spreadDays: -1 }] }],
    ['an infinite spread', { invoices: [{ ...ok, spreadDays: Number.POSITIVE_INFINITY }] }],
    ['a bad expected day', { invoices: [{ ...ok, expectedDay: '2026-02-30' }] }],
    ['an invoice listed twice', { invoices: [ok, ok] }],
    ['a kept rate below 0', { invoices: [ok], promises: [{ invoiceIds: ['a'], amount: 1, day: asOf, keptRate: -0.1 }] }],
    ['a fractional promise', { invoices: [ok], promises: [{ invoiceIds: ['a'], amount: 0.5, day: asOf, keptRate: 1 }] }],
    ['a bad instalment day', { invoices: [ok], instalments: [{ invoiceIds: ['a'], amount: 1, day: 'soon' }] }],
    ['a bad asOf', { asOf: '2026-3-2' }],
  ] as [string, Partial<CashForecastInput>][])('%s', (_name, patch) => {
    expect(() => cashForecast({ asOf, invoices: [], promises: [], instalments: [], ...patch })).toThrow(RangeError);
  });
});

describe('cashForecast: properties', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const arbInvoices = fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...ids),
      balance: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1e12 })),
      expectedDay: fc.integer({ min: -60, max: 150 }).map(day),
      lateProbability: fc.double({ min: 0, max: 1, noNaN: true }),
      spreadDays: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 40, noNaN: true })),
    }),
    { selector: (i) => i.id, maxLength: 6 },
  );
  const arbIds = fc.uniqueArray(fc.constantFrom(...ids, 'unknown'), { minLength: 1, maxLength: 3 });
  const arbPromises = fc.array(
    fc.record({
      invoiceIds: arbIds,
      amount: fc.integer({ min: 0, max: 20_000 }),
      day: fc.integer({ min: -10, max: 120 }).map(day),
      keptRate: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { maxLength: 4 },
  );
  const arbInstalments = fc.array(
    fc.record({ invoiceIds: arbIds, amount: fc.integer({ min: 0, max: 20_000 }), day: fc.integer({ min: 0, max: 120 }).map(day) }),
    { maxLength: 4 },
  );

  it('conserves money: weeks + later + overdue = the open balances, to the minor unit', () => {
    fc.assert(
      fc.property(arbInvoices, arbPromises, arbInstalments, (invoices, promises, instalments) => {
        const f = forecast(invoices, promises, instalments);
        const open = invoices.reduce((s, i) => s + i.balance, 0);
        const weeks = f.weeks.reduce((s, w) => s + w.expected, 0);
        expect(f.open).toBe(open);
        expect(weeks + f.later + f.overdue).toBe(open);
        expect(f.total.expected).toBe(weeks);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps 0 <= low <= expected <= high, in whole units, for every week and the total', () => {
    fc.assert(
      fc.property(arbInvoices, arbPromises, arbInstalments, (invoices, promises, instalments) => {
        const f = forecast(invoices, promises, instalments);
        for (const w of [...f.weeks, f.total]) {
          expect(Number.isSafeInteger(w.low) && Number.isSafeInteger(w.expected) && Number.isSafeInteger(w.high)).toBe(true);
          expect(0).toBeLessThanOrEqual(w.low);
          expect(w.low).toBeLessThanOrEqual(w.expected);
          expect(w.expected).toBeLessThanOrEqual(w.high);
        }
        expect(f.later).toBeGreaterThanOrEqual(0);
        expect(f.overdue).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never counts promised money twice: kept promises on invoices due later add up to what they can cover', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ target: fc.nat(3), amount: fc.integer({ min: 0, max: 8_000 }), day: fc.integer({ min: 0, max: 90 }), plan: fc.boolean() }), { maxLength: 6 }),
        (balances, commitments) => {
          const invoices = balances.map((b, i) => invoice(`i${i}`, b, 500));
          const promises: ForecastPromise[] = [];
          const instalments: ForecastInstalment[] = [];
          const promisedTo = balances.map(() => 0);
          for (const c of commitments) {
            const target = c.target % balances.length;
            promisedTo[target] = (promisedTo[target] ?? 0) + c.amount;
            const item = { invoiceIds: [`i${target}`], amount: c.amount, day: day(c.day) };
            if (c.plan) instalments.push(item);
            else promises.push({ ...item, keptRate: 1 });
          }
          const f = forecast(invoices, promises, instalments);
          const coverable = balances.reduce((s, b, i) => s + Math.min(b, promisedTo[i] ?? 0), 0);
          expect(f.total.expected).toBe(coverable);
          expect(f.later).toBe(balances.reduce((s, b) => s + b, 0) - coverable);
        },
      ),
    );
  });
});
