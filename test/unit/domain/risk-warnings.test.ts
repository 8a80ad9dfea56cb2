import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_WARNING_SETTINGS, riskWarnings, severityTier,
  type RiskWarning, type RiskWarningInput, type WarningCustomer, type WarningKind,
} from '../../../src/domain/risk-warnings';
import { DEFAULT_BOUNDS } from '../../../src/domain/aging';
import { addDays } from '../../../src/domain/calendar';
import type { Grade } from '../../../src/domain/collections';

const today = '2026-03-31';
const previousDay = '2026-03-24';
/** The day `n` days before today. */
const ago = (n: number): string => addDays(today, -n);

const customer = (id: string, more: Partial<WarningCustomer> = {}): WarningCustomer => ({
  id, open: 0, creditLimit: null, invoices: [], brokenPromises: [], grade: 'B', gradeBefore: 'B', limitations: [], ...more,
});
/** A book big enough for concentration to be judged, with nobody above the threshold. */
const calmBook = { open: 100_000_000, debtors: 20 };
const run = (customers: WarningCustomer[], more: Partial<RiskWarningInput> = {}): RiskWarning[] =>
  riskWarnings({ today, previousDay, bounds: DEFAULT_BOUNDS, book: calmBook, customers, ...more });
const kinds = (ws: RiskWarning[]): WarningKind[] => ws.map((w) => w.kind);

describe('overLimit', () => {
  it('warns when the open balance is above the credit limit, not at it', () => {
    expect(run([customer('c', { open: 100_001, creditLimit: 100_000 })])).toEqual([{
      kind: 'overLimit', customerId: 'c', since: today,
      params: { limit: 100_000, open: 100_001, over: 1 },
      key: 'overLimit|c||limit=100000',
    }]);
    expect(run([customer('c', { open: 100_000, creditLimit: 100_000 })])).toEqual([]);
  });

  it('ignores customers without a limit, and treats a zero limit as no credit at all', () => {
    expect(run([customer('c', { open: 5_000_000, creditLimit: null })])).toEqual([]);
    expect(kinds(run([customer('c', { open: 1, creditLimit: 0 })]))).toEqual(['overLimit']);
    expect(run([customer('c', { open: 0, creditLimit: 0 })])).toEqual([]);
  });

  it('is dated from when the balance went over, when the caller knows it', () => {
    expect(run([customer('c', { open: 2, creditLimit: 1, overLimitSince: '2026-02-01' })])[0]?.since).toBe('2026-02-01');
  });

  it('keeps its key while the balance moves, and gets a new one with a new limit', () => {
    const key = (open: number, creditLimit: number): string | undefined => run([customer('c', { open, creditLimit })])[0]?.key;
    expect(key(150_000, 100_000)).toBe(key(400_000, 100_000));
    expect(key(400_000, 200_000)).not.toBe(key(400_000, 100_000));
  });
});

describe('bucketCrossed (bounds 30/60/90/180/365, due basis)', () => {
  const withInvoice = (dueDay: string, balance = 50_000, settings = {}): RiskWarning[] =>
    run([customer('c', { invoices: [{ id: 'i', dueDay, balance }] })], { settings });

  it('warns when an invoice moves from 1-30 into 31-60 within the window, dated the day it did', () => {
    // 34 days overdue today, 27 a week ago.
    expect(withInvoice(ago(34))).toEqual([{
      kind: 'bucketCrossed', customerId: 'c', invoiceId: 'i', since: ago(3),
      params: { from: 1, to: 2, ageFrom: 31, days: 34, dueDay: ago(34), balance: 50_000 },
      key: `bucketCrossed|c|i|due=${ago(34)};bucket=2`,
    }]);
  });

  it('sees the bounds exactly: 30 days is still 1-30, 31 is 31-60; and the window edges', () => {
    expect(withInvoice(ago(30))).toEqual([]);
    expect(withInvoice(ago(31))[0]).toMatchObject({ since: today, params: { from: 1, to: 2 } });
    // Crossed on previousDay itself (age 31 then): outside the window.
    expect(withInvoice(ago(38))).toEqual([]);
    // Crossed the day after previousDay: inside.
    expect(withInvoice(ago(37))[0]?.since).toBe(addDays(previousDay, 1));
    // Into the last, open-ended bucket: 366 days.
    expect(withInvoice(ago(366))[0]).toMatchObject({ params: { from: 5, to: 6, ageFrom: 366 } });
  });

  it('leaves falling due (not yet due into 1-30) to the collection queue unless asked', () => {
    expect(withInvoice(ago(3))).toEqual([]);
    expect(withInvoice(ago(3), 50_000, { minCrossedBucket: 1 })[0]).toMatchObject({ since: ago(2), params: { from: 0, to: 1 } });
  });

  it('gives one warning for a jump over several buckets, to the bucket reached', () => {
    const ws = run([customer('c', { invoices: [{ id: 'i', dueDay: ago(70), balance: 1 }] })], { previousDay: ago(45) });
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ since: ago(9), params: { from: 1, to: 3, ageFrom: 61 } });
  });

  it('ignores invoices with nothing open', () => {
    expect(withInvoice(ago(34), 0)).toEqual([]);
  });

  it('keeps the key while the balance changes, and gives a new key at the next crossing', () => {
    const dueDay = ago(34);
    const first = run([customer('c', { invoices: [{ id: 'i', dueDay, balance: 50_000 }] })]);
    const partPaid = run([customer('c', { invoices: [{ id: 'i', dueDay, balance: 20_000 }] })]);
    expect(partPaid[0]?.key).toBe(first[0]?.key);
    const later = riskWarnings({
      today: addDays(dueDay, 61), previousDay: addDays(dueDay, 55), bounds: DEFAULT_BOUNDS, book: calmBook,
      customers: [customer('c', { invoices: [{ id: 'i', dueDay, balance: 20_000 }] })],
    });
    expect(later[0]?.params.to).toBe(3);
    expect(later[0]?.key).not.toBe(first[0]?.key);
  });

  it('follows the book\'s own bounds', () => {
    const ws = run([customer('c', { invoices: [{ id: 'i', dueDay: ago(16), balance: 1 }] })], { bounds: [15, 45] });
    expect(ws[0]).toMatchObject({ params: { from: 1, to: 2, ageFrom: 16 }, since: today });
  });
});

describe('brokenPromise', () => {
  const broken = (brokenOn: string, invoiceIds = ['i1']) => ({ promiseId: 'p1', invoiceIds, amount: 80_000, paid: 30_000, brokenOn });

  it('warns for a promise broken after previousDay through today', () => {
    expect(run([customer('c', { brokenPromises: [broken(ago(2))] })])).toEqual([{
      kind: 'brokenPromise', customerId: 'c', invoiceId: 'i1', since: ago(2),
      params: { promiseId: 'p1', amount: 80_000, paid: 30_000, unpaid: 50_000, brokenOn: ago(2), invoices: 1 },
      key: 'brokenPromise|c|i1|promise=p1',
    }]);
  });

  it('counts today and the day after previousDay, not previousDay or later than today', () => {
    expect(run([customer('c', { brokenPromises: [broken(today)] })])).toHaveLength(1);
    expect(run([customer('c', { brokenPromises: [broken(addDays(previousDay, 1))] })])).toHaveLength(1);
    expect(run([customer('c', { brokenPromises: [broken(previousDay)] })])).toEqual([]);
    expect(run([customer('c', { brokenPromises: [broken(addDays(today, 1))] })])).toEqual([]);
  });

  it('names no invoice when the promise covered several', () => {
    const w = run([customer('c', { brokenPromises: [broken(today, ['i1', 'i2', 'i1'])] })])[0];
    expect(w?.invoiceId).toBeUndefined();
    expect(w && 'invoiceId' in w).toBe(false);
    expect(w?.params.invoices).toBe(2);
    expect(w?.key).toBe('brokenPromise|c||promise=p1');
  });
});

describe('gradeDrop', () => {
  const grades = (gradeBefore: Grade | null, grade: Grade) => run([customer('c', { gradeBefore, grade })]);

  it('warns when the grade got worse, with how many grades it fell', () => {
    expect(grades('B', 'C')).toEqual([{
      kind: 'gradeDrop', customerId: 'c', since: today, params: { from: 'B', to: 'C', steps: 1 }, key: 'gradeDrop|c||from=B;to=C',
    }]);
    expect(grades('A', 'D')[0]?.params.steps).toBe(3);
  });

  it('is silent for a rise, no change, or a customer not graded before', () => {
    expect(grades('C', 'B')).toEqual([]);
    expect(grades('D', 'D')).toEqual([]);
    expect(grades(null, 'D')).toEqual([]);
  });

  it('is dated from the drop when the caller knows it, and a further drop is a new fact', () => {
    expect(run([customer('c', { gradeBefore: 'A', grade: 'B', gradeDroppedOn: ago(4) })])[0]?.since).toBe(ago(4));
    expect(grades('B', 'D')[0]?.key).not.toBe(grades('B', 'C')[0]?.key);
  });
});

describe('limitationSoon', () => {
  const ending = (daysLeft: number, settings = {}) =>
    run([customer('c', { limitations: [{ invoiceId: 'i', endsOn: addDays(today, daysLeft) }] })], { settings });

  it('warns from 90 days before the end, and as urgent from 30', () => {
    expect(ending(91)).toEqual([]);
    expect(ending(90)).toEqual([{
      kind: 'limitationSoon', customerId: 'c', invoiceId: 'i', since: today,
      params: { endsOn: addDays(today, 90), daysLeft: 90, within: 'soon', days: 90 },
      key: `limitationSoon|c|i|endsOn=${addDays(today, 90)};within=90`,
    }]);
    expect(ending(31)[0]?.params.within).toBe('soon');
    expect(ending(30)[0]).toMatchObject({ since: today, params: { within: 'urgent', days: 30, daysLeft: 30 } });
    expect(ending(0)[0]).toMatchObject({ since: addDays(today, -30), params: { within: 'urgent', daysLeft: 0 } });
  });

  it('is silent once the period has ended (the limitation list shows expired claims)', () => {
    expect(ending(-1)).toEqual([]);
  });

  it('warns again at the 30-day mark and after a restart moves the end', () => {
    expect(ending(30)[0]?.key).not.toBe(ending(31)[0]?.key);
    expect(ending(60)[0]?.key).not.toBe(ending(61)[0]?.key);
    expect(ending(60)[0]?.since).toBe(addDays(today, -30));
  });

  it('follows other windows when set', () => {
    expect(ending(100, { limitationDays: 120, limitationUrgentDays: 10 })[0]?.params).toMatchObject({ within: 'soon', days: 120 });
    expect(ending(10, { limitationDays: 120, limitationUrgentDays: 10 })[0]?.params.within).toBe('urgent');
  });
});

describe('concentration', () => {
  const book = (open: number, debtors: number) => ({ open, debtors });

  it('warns when one customer holds at least 25 % of a book of at least 5 debtors', () => {
    expect(run([customer('c', { open: 250_000 })], { book: book(1_000_000, 5) })).toEqual([{
      kind: 'concentration', customerId: 'c', since: today,
      params: { shareBp: 2500, thresholdBp: 2500, open: 250_000, bookOpen: 1_000_000, debtors: 5 },
      key: 'concentration|c||threshold=2500',
    }]);
  });

  it('stops one minor unit under the threshold, and in a book of 4 debtors', () => {
    expect(run([customer('c', { open: 249_999 })], { book: book(1_000_000, 5) })).toEqual([]);
    expect(run([customer('c', { open: 900_000 })], { book: book(1_000_000, 4) })).toEqual([]);
    expect(run([customer('c', { open: 0 })], { book: book(0, 10) })).toEqual([]);
  });

  it('rounds the share to basis points and compares exactly on huge books', () => {
    // 33.335 % is 3333.5 bp: half away from zero; 33.3349 % stays 3333.
    expect(run([customer('c', { open: 333_350 })], { book: book(1_000_000, 5) })[0]?.params.shareBp).toBe(3334);
    expect(run([customer('c', { open: 333_349 })], { book: book(1_000_000, 5) })[0]?.params.shareBp).toBe(3333);
    const big = 9_000_000_000_000_000; // near 2^53: open x 10,000 would lose digits in a double
    expect(run([customer('c', { open: big / 4 })], { book: book(big, 5) })).toHaveLength(1);
    expect(run([customer('c', { open: big / 4 - 1 })], { book: book(big, 5) })).toEqual([]);
  });

  it('takes another threshold and minimum from the settings', () => {
    const settings = { concentrationShareBp: 1000, concentrationMinDebtors: 2 };
    expect(run([customer('c', { open: 100_000 })], { book: book(1_000_000, 2), settings })[0]?.key).toBe('concentration|c||threshold=1000');
    expect(run([customer('c', { open: 99_999 })], { book: book(1_000_000, 2), settings })).toEqual([]);
  });
});

describe('order and keys', () => {
  // One of everything, across three customers.
  const everything: WarningCustomer[] = [
    customer('a', {
      open: 600_000, creditLimit: 500_000,
      invoices: [{ id: 'a1', dueDay: ago(34), balance: 10_000 }, { id: 'a2', dueDay: ago(62), balance: 5_000 }],
      limitations: [{ invoiceId: 'a3', endsOn: addDays(today, 60) }],
    }),
    customer('b', {
      open: 200_000, creditLimit: 100_000, grade: 'D', gradeBefore: 'B',
      brokenPromises: [{ promiseId: 'p', invoiceIds: ['b1'], amount: 10_000, paid: 0, brokenOn: today }],
      limitations: [{ invoiceId: 'b2', endsOn: addDays(today, 10) }],
    }),
    customer('c', {
      open: 50_000, grade: 'C', gradeBefore: 'B',
      brokenPromises: [{ promiseId: 'q', invoiceIds: ['c1'], amount: 90_000, paid: 10_000, brokenOn: ago(1) }],
      invoices: [{ id: 'c2', dueDay: ago(62), balance: 9_000 }],
      limitations: [{ invoiceId: 'c3', endsOn: addDays(today, 5) }],
    }),
  ];
  const book = { open: 1_000_000, debtors: 6 };

  it('puts the most severe first, in the documented tiers and orders within them', () => {
    const ws = run(everything, { book });
    expect(ws.map((w) => `${w.kind}:${w.invoiceId ?? w.customerId}`)).toEqual([
      'limitationSoon:c3', // urgent, 5 days left
      'limitationSoon:b2', // urgent, 10 days left
      'brokenPromise:c1', // 80,000 unpaid
      'brokenPromise:b1', // 10,000 unpaid
      'overLimit:a', // 100,000 over
      'overLimit:b', // 100,000 over too: customer id decides
      'gradeDrop:b', // down to D
      'gradeDrop:c', // down to C
      'limitationSoon:a3', // 60 days left
      'bucketCrossed:c2', // into 61-90, 9,000
      'bucketCrossed:a2', // into 61-90, 5,000
      'bucketCrossed:a1', // into 31-60
      'concentration:a', // 60 %
    ]);
    const tiers = ws.map((w) => severityTier(w));
    expect(tiers).toEqual([...tiers].sort((x, y) => x - y));
  });

  it('gives the same list whatever order the customers and their facts come in', () => {
    const expected = run(everything, { book });
    fc.assert(
      fc.property(fc.shuffledSubarray(everything, { minLength: 3, maxLength: 3 }), fc.boolean(), (customers, flip) => {
        const shuffled = customers.map((c) => (flip ? { ...c, invoices: [...c.invoices].reverse(), limitations: [...c.limitations].reverse() } : c));
        expect(run(shuffled, { book })).toEqual(expected);
      }),
    );
  });

  it('gives every warning its own key, the same key for the same fact on another day', () => {
    const ws = run(everything, { book });
    expect(new Set(ws.map((w) => w.key)).size).toBe(ws.length);
    // A day later, with the window still covering the same events, the keys of the facts that remain are unchanged.
    const tomorrow = riskWarnings({ today: addDays(today, 1), previousDay, bounds: DEFAULT_BOUNDS, book, customers: everything });
    const keysNow = new Set(ws.map((w) => w.key));
    for (const w of tomorrow) expect(keysNow.has(w.key)).toBe(true);
    expect(tomorrow.length).toBe(ws.length);
  });

  it('cannot be faked by an id holding the separator', () => {
    const one = run([customer('x|', { open: 2, creditLimit: 1 })])[0]?.key;
    const two = run([customer('x', { open: 2, creditLimit: 1 })])[0]?.key;
    expect(one).not.toBe(two);
    expect(one?.split('|')).toHaveLength(4);
  });
});

describe('refuses malformed input', () => {
  it.each([
    ['previousDay after today', { previousDay: addDays(today, 1) }],
    ['a bad date', { today: '2026-02-30' }],
    ['bad bounds', { bounds: [60, 30] }],
    ['a threshold above 100 %', { settings: { concentrationShareBp: 10_001 } }],
    ['a zero threshold', { settings: { concentrationShareBp: 0 } }],
    ['a minimum of no debtors', { settings: { concentrationMinDebtors: 0 } }],
    ['an urgent window longer than the warning window', { settings: { limitationDays: 20, limitationUrgentDays: 30 } }],
    ['a crossing into not yet due', { settings: { minCrossedBucket: 0 } }],
  ] as [string, Partial<RiskWarningInput>][])('%s', (_name, patch) => {
    expect(() => run([], patch)).toThrow(RangeError);
  });

  it('accepts an empty window (previousDay = today): only standing facts warn', () => {
    const ws = run(
      [customer('c', {
        open: 2, creditLimit: 1, gradeBefore: 'A', grade: 'B',
        invoices: [{ id: 'i', dueDay: ago(31), balance: 1 }],
        brokenPromises: [{ promiseId: 'p', invoiceIds: ['i'], amount: 1, paid: 0, brokenOn: today }],
      })],
      { previousDay: today },
    );
    // Grades are compared as given; a crossing or a break needs a day inside the window.
    expect(kinds(ws)).toEqual(['overLimit', 'gradeDrop']);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_WARNING_SETTINGS).toEqual({
      concentrationShareBp: 2500, concentrationMinDebtors: 5, limitationDays: 90, limitationUrgentDays: 30, minCrossedBucket: 2,
    });
  });
});
