import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_INSTALMENTS, checkPlan, checkPromise, planState, promiseState, type PaidEvent,
} from '../../../src/domain/promise';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/calendar';
import type { Instalment } from '../../../src/domain/collections';

// 100,000.00 owed on two invoices; the customer promised 50,000.00 by 2024-03-15 with 3 days' grace.
const promise = { invoiceIds: ['inv-1', 'inv-2'], amount: 5_000_000, date: '2024-03-15', madeOn: '2024-03-01', graceDays: 3 };
const pay = (invoiceId: string, date: string, amount: number): PaidEvent => ({ invoiceId, date, amount });

describe('promiseState: kept when allocations to the promised invoices reach the amount by the date plus grace', () => {
  it('is pending until paid or past the grace days', () => {
    expect(promiseState(promise, [], '2024-03-01')).toEqual({ state: 'pending', paid: 0, brokenOn: null });
    expect(promiseState(promise, [pay('inv-1', '2024-03-10', 2_000_000)], '2024-03-18')).toEqual({
      state: 'pending', paid: 2_000_000, brokenOn: null,
    });
  });

  it('is kept as soon as the payments reach the amount, even before the date', () => {
    const paid = [pay('inv-1', '2024-03-05', 2_000_000), pay('inv-2', '2024-03-08', 3_000_000)];
    expect(promiseState(promise, paid, '2024-03-07')).toEqual({ state: 'pending', paid: 2_000_000, brokenOn: null });
    expect(promiseState(promise, paid, '2024-03-08')).toEqual({ state: 'kept', paid: 5_000_000, brokenOn: null });
    // and stays kept afterwards
    expect(promiseState(promise, paid, '2025-01-01').state).toBe('kept');
  });

  it('counts a payment on the last day of grace', () => {
    const paid = [pay('inv-1', '2024-03-18', 5_000_000)];
    expect(promiseState(promise, paid, '2024-03-18').state).toBe('kept');
    expect(promiseState(promise, paid, '2024-04-30').state).toBe('kept');
  });

  it('is broken the day after the grace days, and a later payment does not mend it', () => {
    const late = [pay('inv-1', '2024-03-10', 1_000_000), pay('inv-1', '2024-03-19', 4_000_000)];
    expect(promiseState(promise, late, '2024-03-18')).toEqual({ state: 'pending', paid: 1_000_000, brokenOn: null });
    expect(promiseState(promise, late, '2024-03-19')).toEqual({ state: 'broken', paid: 1_000_000, brokenOn: '2024-03-19' });
    expect(promiseState(promise, late, '2024-06-01')).toEqual({ state: 'broken', paid: 1_000_000, brokenOn: '2024-03-19' });
  });

  it('with no grace, is broken the day after the date', () => {
    expect(promiseState({ ...promise, graceDays: 0 }, [], '2024-03-16')).toEqual({ state: 'broken', paid: 0, brokenOn: '2024-03-16' });
  });

  it('ignores payments before the promise was made, to other invoices, or after asOf', () => {
    const paid = [
      pay('inv-1', '2024-02-29', 5_000_000), // before madeOn
      pay('inv-3', '2024-03-05', 5_000_000), // not a promised invoice
      pay('inv-2', '2024-03-01', 100), // on madeOn: counts
      pay('inv-2', '2024-03-12', 5_000_000), // after asOf below
    ];
    expect(promiseState(promise, paid, '2024-03-10')).toEqual({ state: 'pending', paid: 100, brokenOn: null });
  });

  it('agrees with a plain reading of the rule on generated histories (property)', () => {
    const day0 = toDayNumber('2024-01-01');
    const event = fc.record({
      invoiceId: fc.constantFrom('inv-1', 'inv-2', 'inv-3'),
      day: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 1, max: 3_000_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 8 }),
        fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 1, max: 6_000_000 }), fc.integer({ min: 0, max: 70 }),
        (events, made, wait, grace, amount, asOfDay) => {
          const p = { invoiceIds: ['inv-1', 'inv-2'], amount, madeOn: fromDayNumber(day0 + made), date: fromDayNumber(day0 + made + wait), graceDays: grace };
          const paid = events.map((e) => pay(e.invoiceId, fromDayNumber(day0 + e.day), e.amount));
          const lastDay = made + wait + grace;
          const counted = events
            .filter((e) => e.invoiceId !== 'inv-3' && e.day >= made && e.day <= Math.min(asOfDay, lastDay))
            .reduce((s, e) => s + e.amount, 0);
          const expected = counted >= amount ? 'kept' : asOfDay > lastDay ? 'broken' : 'pending';
          const r = promiseState(p, paid, fromDayNumber(day0 + asOfDay));
          expect(r.state).toBe(expected);
          expect(r.paid).toBe(counted);
          expect(r.brokenOn).toBe(expected === 'broken' ? fromDayNumber(day0 + lastDay + 1) : null);
        },
      ),
    );
  });

  it('never goes back from kept or broken as days pass (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 0, max: 40 }), amount: fc.integer({ min: 1, max: 4_000_000 }) }), { maxLength: 6 }), (events) => {
        const paid = events.map((e) => pay('inv-1', addDays('2024-03-01', e.day), e.amount));
        let settled: string | null = null;
        for (let d = 0; d <= 45; d++) {
          const { state } = promiseState(promise, paid, addDays('2024-03-01', d));
          if (settled !== null) expect(state).toBe(settled);
          else if (state !== 'pending') settled = state;
        }
      }),
    );
  });
});

describe('planState: instalments judged on cumulative payments', () => {
  // Three monthly instalments of 1,000.00, two days' grace.
  const plan = {
    invoiceIds: ['inv-1'],
    madeOn: '2024-01-10',
    graceDays: 2,
    instalments: [
      { date: '2024-02-01', amount: 100_000 },
      { date: '2024-03-01', amount: 100_000 },
      { date: '2024-04-01', amount: 100_000 },
    ],
  };

  it('is current while instalments are kept on time, and completed when all are', () => {
    const paid = [pay('inv-1', '2024-02-01', 100_000), pay('inv-1', '2024-03-03', 100_000)];
    const mid = planState(plan, paid, '2024-03-10');
    expect(mid).toMatchObject({ state: 'current', brokenOn: null, paid: 200_000, total: 300_000 });
    expect(mid.instalments.map((i) => [i.state, i.paidTowards])).toEqual([['kept', 100_000], ['kept', 100_000], ['pending', 0]]);

    const done = planState(plan, [...paid, pay('inv-1', '2024-03-28', 100_000)], '2024-03-28');
    expect(done.state).toBe('completed');
    expect(done.instalments.every((i) => i.state === 'kept')).toBe(true);
  });

  it('counts paying ahead toward the next instalments', () => {
    const r = planState(plan, [pay('inv-1', '2024-01-20', 150_000)], '2024-02-05');
    expect(r.state).toBe('current');
    expect(r.instalments.map((i) => [i.state, i.paidTowards])).toEqual([['kept', 100_000], ['pending', 50_000], ['pending', 0]]);
    expect(planState(plan, [pay('inv-1', '2024-01-20', 300_000)], '2024-01-20').state).toBe('completed');
  });

  it('is broken from the first missed instalment, even if a later payment catches up', () => {
    const paid = [pay('inv-1', '2024-02-01', 60_000), pay('inv-1', '2024-02-20', 140_000)];
    const r = planState(plan, paid, '2024-03-05');
    expect(r).toMatchObject({ state: 'broken', brokenOn: '2024-02-04', paid: 200_000 });
    expect(r.instalments.map((i) => [i.state, i.paidTowards])).toEqual([['broken', 60_000], ['kept', 100_000], ['pending', 0]]);
    // Judged on the day it broke: only the first instalment's shortfall is known.
    expect(planState(plan, paid, '2024-02-04').instalments.map((i) => i.state)).toEqual(['broken', 'pending', 'pending']);
    expect(planState(plan, paid, '2024-02-03').state).toBe('current');
  });

  it('reports the plan broken at its first broken instalment when several are', () => {
    const r = planState(plan, [], '2024-05-01');
    expect(r.instalments.map((i) => i.state)).toEqual(['broken', 'broken', 'broken']);
    expect(r.brokenOn).toBe('2024-02-04');
  });

  it('counts only payments to the plan invoices from the day it was made', () => {
    const paid = [pay('inv-1', '2024-01-09', 100_000), pay('inv-9', '2024-01-20', 100_000)];
    expect(planState(plan, paid, '2024-02-04')).toMatchObject({ state: 'broken', paid: 0 });
  });

  it('matches promiseState on a one-instalment plan (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: -5, max: 40 }), amount: fc.integer({ min: 1, max: 200_000 }) }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 0, max: 45 }),
        (events, amount, asOfDay) => {
          const paid = events.map((e) => pay('inv-1', addDays('2024-01-10', e.day), e.amount));
          const asOf = addDays('2024-01-10', asOfDay);
          const single = { ...plan, instalments: [{ date: '2024-02-01', amount }] };
          const p = promiseState({ invoiceIds: plan.invoiceIds, amount, date: '2024-02-01', madeOn: plan.madeOn, graceDays: plan.graceDays }, paid, asOf);
          const r = planState(single, paid, asOf);
          expect(r.instalments[0]?.state).toBe(p.state);
          expect(r.brokenOn).toBe(p.brokenOn);
          expect(r.paid).toBe(p.paid);
          expect(r.state).toBe(p.state === 'kept' ? 'completed' : p.state === 'broken' ? 'broken' : 'current');
        },
      ),
    );
  });

  it('never shows more paid towards the instalments than was counted (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 100 }), amount: fc.integer({ min: 1, max: 150_000 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 110 }),
        (events, asOfDay) => {
          const paid = events.map((e) => pay('inv-1', addDays('2024-01-10', e.day), e.amount));
          const r = planState(plan, paid, addDays('2024-01-10', asOfDay));
          const towards = r.instalments.reduce((s, i) => s + i.paidTowards, 0);
          expect(towards).toBeLessThanOrEqual(Math.min(r.paid, r.total));
          r.instalments.forEach((i) => {
            expect(i.paidTowards).toBeGreaterThanOrEqual(0);
            expect(i.paidTowards).toBeLessThanOrEqual(i.amount);
          });
        },
      ),
    );
  });
});

describe('checkPromise', () => {
  const good = {
    amount: 5_000_000, date: '2024-03-15', madeOn: '2024-03-01', invoiceIds: ['inv-1', 'inv-2', 'inv-1'],
    openBalance: 10_000_000, earliestIssueDate: '2024-01-05',
  };

  it('accepts a promise within the balance, with its invoices listed once', () => {
    expect(checkPromise(good)).toEqual({ ok: true, value: { invoiceIds: ['inv-1', 'inv-2'], amount: 5_000_000, date: '2024-03-15', madeOn: '2024-03-01' } });
    expect(checkPromise({ ...good, amount: 10_000_000, date: '2024-03-01' }).ok).toBe(true);
  });

  it('requires a positive amount no larger than the open balance', () => {
    expect(checkPromise({ ...good, amount: 10_000_001 })).toEqual({
      ok: false, errors: [{ field: 'amount', code: 'promise.exceedsBalance', params: { balance: 10_000_000 } }],
    });
    expect(checkPromise({ ...good, amount: 0 })).toMatchObject({ errors: [{ field: 'amount', code: 'money.zero' }] });
    expect(checkPromise({ ...good, amount: -1 })).toMatchObject({ errors: [{ field: 'amount', code: 'money.negative' }] });
    expect(checkPromise({ ...good, amount: 1.5 })).toMatchObject({ errors: [{ field: 'amount', code: 'money.invalid' }] });
  });

  it('requires at least one invoice', () => {
    expect(checkPromise({ ...good, invoiceIds: [] })).toEqual({ ok: false, errors: [{ field: 'invoiceIds', code: 'promise.noInvoices' }] });
    expect(checkPromise({ ...good, invoiceIds: [''] })).toMatchObject({ errors: [{ field: 'invoiceIds', code: 'promise.noInvoices' }] });
  });

  it('refuses a date before the promise was made or before the earliest invoice was issued', () => {
    expect(checkPromise({ ...good, date: '2024-02-29' })).toEqual({
      ok: false, errors: [{ field: 'date', code: 'promise.dateBefore', params: { min: '2024-03-01' } }],
    });
    expect(checkPromise({ ...good, madeOn: '2024-01-01', date: '2024-01-04' })).toEqual({
      ok: false, errors: [{ field: 'date', code: 'promise.dateBefore', params: { min: '2024-01-05' } }],
    });
    expect(checkPromise({ ...good, madeOn: '2024-01-01', date: '2024-01-05' }).ok).toBe(true);
  });

  it('refuses dates that are not dates', () => {
    expect(checkPromise({ ...good, date: '2024-02-30' })).toMatchObject({ errors: [{ field: 'date', code: 'date.invalid' }] });
    expect(checkPromise({ ...good, madeOn: '' })).toMatchObject({ errors: [{ field: 'madeOn', code: 'date.invalid' }] });
  });

  it('reports every problem at once', () => {
    const r = checkPromise({ ...good, amount: 0, invoiceIds: [], date: '2024-01-01' });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['amount', 'invoiceIds', 'date']);
  });
});

describe('checkPlan', () => {
  const instalments: Instalment[] = [
    { date: '2024-02-01', amount: 100_000 },
    { date: '2024-03-01', amount: 100_000 },
    { date: '2024-04-01', amount: 50_000 },
  ];
  const good = {
    instalments, total: 250_000, madeOn: '2024-01-10', invoiceIds: ['inv-1'], openBalance: 300_000, earliestIssueDate: '2023-12-01',
  };
  const errors = (input: Parameters<typeof checkPlan>[0]) => {
    const r = checkPlan(input);
    return r.ok ? [] : r.errors;
  };

  it('accepts instalments that rise in date and add up to the total', () => {
    expect(checkPlan(good)).toEqual({ ok: true, value: { invoiceIds: ['inv-1'], instalments, total: 250_000, madeOn: '2024-01-10' } });
  });

  it('requires 1..60 instalments', () => {
    expect(errors({ ...good, instalments: [], total: 250_000 })).toEqual([
      { field: 'instalments', code: 'plan.count', params: { min: 1, max: MAX_INSTALMENTS } },
    ]);
    const monthly = (n: number): Instalment[] => Array.from({ length: n }, (_, i) => ({ date: addDays('2024-02-01', i * 30), amount: 1000 }));
    expect(errors({ ...good, instalments: monthly(60), total: 60_000 })).toEqual([]);
    expect(errors({ ...good, instalments: monthly(61), total: 61_000 })).toMatchObject([{ field: 'instalments', code: 'plan.count' }]);
  });

  it('requires each amount to be positive', () => {
    const bad = [{ ...instalments[0]!, amount: 0 }, { ...instalments[1]!, amount: -5 }, { ...instalments[2]!, amount: 0.5 }];
    expect(errors({ ...good, instalments: bad })).toEqual([
      { field: 'instalments.0.amount', code: 'money.zero' },
      { field: 'instalments.1.amount', code: 'money.negative' },
      { field: 'instalments.2.amount', code: 'money.invalid' },
    ]);
  });

  it('requires the dates to rise strictly', () => {
    const same = [instalments[0]!, { ...instalments[1]!, date: '2024-02-01' }, instalments[2]!];
    expect(errors({ ...good, instalments: same })).toEqual([
      { field: 'instalments.1.date', code: 'plan.order', params: { after: '2024-02-01' } },
    ]);
    const back = [instalments[0]!, instalments[1]!, { ...instalments[2]!, date: '2024-02-15' }];
    expect(errors({ ...good, instalments: back })).toEqual([
      { field: 'instalments.2.date', code: 'plan.order', params: { after: '2024-03-01' } },
    ]);
  });

  it('refuses instalments before the plan was made or before the earliest invoice was issued', () => {
    const early = [{ ...instalments[0]!, date: '2024-01-09' }, instalments[1]!, instalments[2]!];
    expect(errors({ ...good, instalments: early })).toEqual([
      { field: 'instalments.0.date', code: 'promise.dateBefore', params: { min: '2024-01-10' } },
    ]);
    expect(errors({ ...good, earliestIssueDate: '2024-02-15' })).toEqual([
      { field: 'instalments.0.date', code: 'promise.dateBefore', params: { min: '2024-02-15' } },
    ]);
    expect(errors({ ...good, instalments: [{ date: 'soon', amount: 1 }], total: 1 })).toEqual([
      { field: 'instalments.0.date', code: 'date.invalid' },
    ]);
  });

  it('requires the instalments to add up to the total, and the total to fit the balance', () => {
    expect(errors({ ...good, total: 260_000 })).toEqual([
      { field: 'instalments', code: 'plan.sum', params: { sum: 250_000, total: 260_000 } },
    ]);
    expect(errors({ ...good, openBalance: 249_999 })).toEqual([
      { field: 'total', code: 'promise.exceedsBalance', params: { balance: 249_999 } },
    ]);
    expect(errors({ ...good, total: 0 })).toEqual([{ field: 'total', code: 'money.zero' }]);
  });

  it('requires at least one invoice and a madeOn date', () => {
    expect(errors({ ...good, invoiceIds: [] })).toEqual([{ field: 'invoiceIds', code: 'promise.noInvoices' }]);
    expect(errors({ ...good, madeOn: '2024-13-01' })).toEqual([{ field: 'madeOn', code: 'date.invalid' }]);
  });

  it('accepts any split of a total into rising, positive instalments (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ gap: fc.integer({ min: 1, max: 40 }), amount: fc.integer({ min: 1, max: 1_000_000 }) }), { minLength: 1, maxLength: MAX_INSTALMENTS }), (parts) => {
        let day = toDayNumber('2024-01-10');
        const list = parts.map((p) => ({ date: fromDayNumber((day += p.gap)), amount: p.amount }));
        const total = parts.reduce((s, p) => s + p.amount, 0);
        expect(checkPlan({ ...good, instalments: list, total, openBalance: total }).ok).toBe(true);
        expect(checkPlan({ ...good, instalments: list, total, openBalance: total - 1 }).ok).toBe(false);
        expect(checkPlan({ ...good, instalments: list, total: total + 1, openBalance: total + 1 }).ok).toBe(false);
      }),
    );
  });
});
