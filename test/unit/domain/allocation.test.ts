import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateOldestFirst, checkExplicitAllocation, compareOpenItems, type OpenItem,
} from '../../../src/domain/allocation';
import { fromDayNumber, toDayNumber } from '../../../src/domain/calendar';

const item = (invoiceId: string, number: string, issueDate: string, dueDate: string, balance: number): OpenItem => ({
  invoiceId, number, issueDate, dueDate, balance,
});

describe('allocateOldestFirst', () => {
  it('pays the oldest due date first and leaves the rest on the next', () => {
    const open = [
      item('b', 'INV-2', '2024-01-10', '2024-02-09', 50_000),
      item('a', 'INV-1', '2024-01-01', '2024-01-31', 30_000),
      item('c', 'INV-3', '2024-01-20', '2024-02-19', 40_000),
    ];
    expect(allocateOldestFirst(60_000, open)).toEqual({
      lines: [{ invoiceId: 'a', amount: 30_000 }, { invoiceId: 'b', amount: 30_000 }],
      credit: 0,
    });
  });

  it('breaks due-date ties by issue date, then by number in natural order', () => {
    const open = [
      item('x10', 'INV-10', '2024-01-01', '2024-01-31', 100),
      item('late', 'INV-1', '2024-01-02', '2024-01-31', 100),
      item('x2', 'INV-2', '2024-01-01', '2024-01-31', 100),
    ];
    expect(allocateOldestFirst(250, open).lines).toEqual([
      { invoiceId: 'x2', amount: 100 }, // INV-2 before INV-10 (numeric collation)
      { invoiceId: 'x10', amount: 100 },
      { invoiceId: 'late', amount: 50 }, // issued a day later
    ]);
  });

  it('turns what is left over into unapplied credit', () => {
    const open = [item('a', 'A', '2024-01-01', '2024-01-31', 30_000)];
    expect(allocateOldestFirst(50_000, open)).toEqual({ lines: [{ invoiceId: 'a', amount: 30_000 }], credit: 20_000 });
    expect(allocateOldestFirst(50_000, [])).toEqual({ lines: [], credit: 50_000 });
  });

  it('skips items with no positive balance', () => {
    const open = [
      item('paid', 'A', '2024-01-01', '2024-01-02', 0),
      item('over', 'B', '2024-01-01', '2024-01-03', -500),
      item('due', 'C', '2024-01-01', '2024-01-31', 700),
    ];
    expect(allocateOldestFirst(1000, open)).toEqual({ lines: [{ invoiceId: 'due', amount: 700 }], credit: 300 });
  });

  it('treats a non-positive amount as all credit and rejects non-integers', () => {
    expect(allocateOldestFirst(0, [item('a', 'A', '2024-01-01', '2024-01-31', 1)])).toEqual({ lines: [], credit: 0 });
    expect(() => allocateOldestFirst(1.5, [])).toThrow(RangeError);
  });

  const openItems = fc
    .uniqueArray(
      fc.record({
        invoiceId: fc.string({ minLength: 1, maxLength: 6 }),
        number: fc.constantFrom('INV-1', 'INV-2', 'INV-10', 'inv-2', 'A', 'B-01', 'B-1'),
        issue: fc.integer({ min: 0, max: 60 }),
        terms: fc.integer({ min: 0, max: 3 }),
        balance: fc.integer({ min: -1000, max: 100_000 }),
      }),
      { selector: (r) => r.invoiceId, maxLength: 25 },
    )
    .map((rows) =>
      rows.map((r) => {
        const base = toDayNumber('2024-01-01');
        return item(r.invoiceId, r.number, fromDayNumber(base + r.issue), fromDayNumber(base + r.issue + r.terms * 10), r.balance);
      }),
    );

  it('keeps the invariants on generated data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), openItems, (amount, open) => {
        const plan = allocateOldestFirst(amount, open);
        const sum = plan.lines.reduce((s, l) => s + l.amount, 0);
        expect(sum).toBeLessThanOrEqual(amount); // never more than the payment
        expect(sum + plan.credit).toBe(amount); // nothing lost or made up
        expect(plan.credit).toBeGreaterThanOrEqual(0);
        const byId = new Map(open.map((o) => [o.invoiceId, o]));
        for (const line of plan.lines) {
          const o = byId.get(line.invoiceId);
          expect(line.amount).toBeGreaterThan(0);
          expect(o!.balance - line.amount).toBeGreaterThanOrEqual(0); // no invoice below zero
        }
        // credit only when every open item is fully paid
        const openTotal = open.reduce((s, o) => s + Math.max(o.balance, 0), 0);
        expect(plan.credit).toBe(Math.max(amount - openTotal, 0));
        // and the result is checked as a valid explicit allocation
        expect(checkExplicitAllocation(amount, open, plan.lines)).toEqual({ ok: true, value: plan });
      }),
    );
  });

  it('is deterministic regardless of input order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        openItems.chain((open) => fc.tuple(fc.constant(open), fc.shuffledSubarray(open, { minLength: open.length }))),
        (amount, [open, shuffled]) => {
          expect(allocateOldestFirst(amount, shuffled)).toEqual(allocateOldestFirst(amount, open));
        },
      ),
    );
  });

  it('pays earlier due dates in full before touching later ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000 }), openItems, (amount, open) => {
        const plan = allocateOldestFirst(amount, open);
        const paid = new Map(plan.lines.map((l) => [l.invoiceId, l.amount]));
        const queue = open.filter((o) => o.balance > 0).sort(compareOpenItems);
        // every item before the last one touched is fully paid
        let lastTouched = -1;
        queue.forEach((o, i) => { if (paid.has(o.invoiceId)) lastTouched = i; });
        queue.slice(0, Math.max(lastTouched, 0)).forEach((o) => expect(paid.get(o.invoiceId)).toBe(o.balance));
      }),
    );
  });
});

describe('compareOpenItems', () => {
  it('gives a total order even when numbers collate equal', () => {
    const a = item('id-a', 'B-01', '2024-01-01', '2024-01-31', 1);
    const b = item('id-b', 'B-1', '2024-01-01', '2024-01-31', 1);
    const c = item('id-c', 'B-1', '2024-01-01', '2024-01-31', 1);
    expect(compareOpenItems(a, b)).not.toBe(0);
    expect(Math.sign(compareOpenItems(a, b))).toBe(-Math.sign(compareOpenItems(b, a)));
    expect(compareOpenItems(b, c)).toBeLessThan(0); // same number: by id
    expect(compareOpenItems(b, b)).toBe(0);
  });
});

describe('checkExplicitAllocation', () => {
  const open = [
    item('a', 'INV-1', '2024-01-01', '2024-01-31', 30_000),
    item('b', 'INV-2', '2024-01-10', '2024-02-09', 50_000),
    item('paid', 'INV-0', '2023-12-01', '2023-12-31', 0),
  ];

  it('accepts lines within balances and leaves the rest as credit', () => {
    expect(checkExplicitAllocation(100_000, open, [
      { invoiceId: 'b', amount: 50_000 },
      { invoiceId: 'a', amount: 10_000 },
    ])).toEqual({ ok: true, value: { lines: [{ invoiceId: 'b', amount: 50_000 }, { invoiceId: 'a', amount: 10_000 }], credit: 40_000 } });
  });

  it('drops zero lines and merges lines for the same invoice', () => {
    expect(checkExplicitAllocation(30_000, open, [
      { invoiceId: 'a', amount: 10_000 },
      { invoiceId: 'b', amount: 0 },
      { invoiceId: 'a', amount: 5_000 },
    ])).toEqual({ ok: true, value: { lines: [{ invoiceId: 'a', amount: 15_000 }], credit: 15_000 } });
  });

  it('flags a line above the invoice balance on its own field', () => {
    expect(checkExplicitAllocation(100_000, open, [
      { invoiceId: 'a', amount: 10_000 },
      { invoiceId: 'a', amount: 30_000 },
      { invoiceId: 'paid', amount: 1 },
    ])).toEqual({
      ok: false,
      errors: [
        { field: 'allocations.1.amount', code: 'allocation.exceedsBalance', params: { balance: 30_000 } },
        { field: 'allocations.2.amount', code: 'allocation.exceedsBalance', params: { balance: 0 } },
      ],
    });
  });

  it('flags lines that add up to more than the payment on the amount field', () => {
    expect(checkExplicitAllocation(40_000, open, [
      { invoiceId: 'a', amount: 30_000 },
      { invoiceId: 'b', amount: 20_000 },
    ])).toEqual({
      ok: false,
      errors: [{ field: 'amount', code: 'payment.overAllocated', params: { allocated: 50_000, amount: 40_000 } }],
    });
  });

  it('flags negative, fractional and unknown lines', () => {
    const r = checkExplicitAllocation(100_000, open, [
      { invoiceId: 'a', amount: -1 },
      { invoiceId: 'a', amount: 1.5 },
      { invoiceId: 'other', amount: 100 },
    ]);
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: 'allocations.0.amount', code: 'money.negative' },
        { field: 'allocations.1.amount', code: 'money.invalid' },
        { field: 'allocations.2.invoiceId', code: 'invoice.notFound' },
      ],
    });
  });
});
