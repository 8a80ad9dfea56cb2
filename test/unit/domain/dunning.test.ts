import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  GRADE_FACTOR, UNGRADED_FACTOR, nextAction, queueOrder, queueWeight,
  type DunningInvoice, type NextAction, type Pause, type QueueKey, type StageDone,
} from '../../../src/domain/dunning';
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import { addDays } from '../../../src/domain/calendar';
import type { Policy, Stage } from '../../../src/domain/collections';
import type { IsoDate } from '../../../src/domain/types';

const DUE = '2024-06-01';
/** The calendar day `n` days after DUE (negative: before it). */
const day = (n: number): IsoDate => addDays(DUE, n);
const inv = (id: string, dueDate: IsoDate, balance = 100_000, disputed = false): DunningInvoice => ({ id, dueDate, balance, disputed });
const done = (stageId: string, n: number, invoiceId = 'A'): StageDone => ({ invoiceId, stageId, date: day(n) });

interface Situation {
  invoices?: DunningInvoice[];
  policy?: Policy;
  done?: StageDone[];
  pauses?: Pause[];
  broken?: IsoDate[];
  snoozedUntil?: IsoDate | null;
}
const actionOn = (n: number, s: Situation = {}): NextAction | null =>
  nextAction({
    invoices: s.invoices ?? [inv('A', DUE)],
    policy: s.policy ?? DEFAULT_POLICY,
    done: s.done ?? [],
    pauses: s.pauses ?? [],
    broken: s.broken ?? [],
    snoozedUntil: s.snoozedUntil ?? null,
    asOf: day(n),
  });
const stageOn = (n: number, s: Situation = {}): string | null => actionOn(n, s)?.stage.id ?? null;

describe('nextAction on one invoice with the default policy and nothing logged', () => {
  // DOMAIN.md: courtesy 3 days before due, first reminder 1 day after, written notice at 15,
  // final notice at 30, meeting at 45, suspension at 60, lawyer's letter at 90, litigation at 120.
  // With nothing logged the customer gets the furthest stage already due.
  const expected: [from: number, to: number, stage: string | null, offset: number][] = [
    [-5, -4, null, 0],
    [-3, 0, 'courtesy', -3],
    [1, 14, 'first', 1],
    [15, 29, 'written', 15],
    [30, 44, 'final', 30],
    [45, 59, 'meeting', 45],
    [60, 89, 'suspend', 60],
    [90, 119, 'lawyer', 90],
    [120, 130, 'litigation', 120],
  ];

  it('offers each day, from 5 days before the due date to 130 after, the stage its lateness calls for', () => {
    for (const [from, to, stage, offset] of expected) {
      for (let n = from; n <= to; n++) {
        const a = actionOn(n);
        expect(a?.stage.id ?? null, `day ${n}`).toBe(stage);
        if (a === null) continue;
        expect(a.dueOn, `day ${n}`).toBe(day(offset));
        expect(a.daysLate, `day ${n}`).toBe(n - offset);
        expect(a.stageIndex).toBe(DEFAULT_POLICY.stages.findIndex((s) => s.id === stage));
        expect(a.oldestDaysOverdue).toBe(n);
        expect(a.driverInvoiceId).toBe('A');
      }
    }
  });

  it('does not send a courtesy reminder weeks late: day 20 asks for the written notice, 5 days late', () => {
    expect(actionOn(20)).toMatchObject({ stage: { id: 'written', template: 'notice' }, dueOn: day(15), daysLate: 5 });
  });

  it('before and on the due date, the notice covers the invoice alone and nothing is overdue yet', () => {
    expect(actionOn(-3)).toMatchObject({ stage: { id: 'courtesy' }, overdueTotal: 0, oldestDaysOverdue: -3, invoiceIds: ['A'] });
    expect(actionOn(0)).toMatchObject({ overdueTotal: 0, oldestDaysOverdue: 0, invoiceIds: ['A'] });
    expect(actionOn(1)).toMatchObject({ overdueTotal: 100_000, oldestDaysOverdue: 1, invoiceIds: ['A'] });
  });
});

describe('nextAction: logging a stage moves on to the next', () => {
  it('waits for the next stage day after each logged stage', () => {
    const log = [done('courtesy', -3)];
    expect(stageOn(-3, { done: log })).toBeNull();
    expect(stageOn(0, { done: log })).toBeNull();
    expect(actionOn(1, { done: log })).toMatchObject({ stage: { id: 'first' }, daysLate: 0 });

    log.push(done('first', 3));
    expect(stageOn(14, { done: log })).toBeNull();
    expect(actionOn(15, { done: log })).toMatchObject({ stage: { id: 'written' }, daysLate: 0 });
    expect(actionOn(18, { done: log })).toMatchObject({ stage: { id: 'written' }, daysLate: 3 });
  });

  it('counts a skip the same as a contact, and never offers an earlier stage again', () => {
    // The user skipped straight to the written notice on day 16.
    const log = [done('written', 16)];
    expect(stageOn(20, { done: log })).toBeNull();
    expect(stageOn(30, { done: log })).toBe('final');
  });

  it('ignores stages logged for other invoices, after asOf, or not in the policy', () => {
    expect(stageOn(5, { done: [done('first', 2, 'B')] })).toBe('first');
    expect(stageOn(5, { done: [done('first', 6)] })).toBe('first');
    expect(stageOn(5, { done: [done('retired-stage', 2)] })).toBe('first');
  });

  it('returns null once every stage has been logged', () => {
    const all = DEFAULT_POLICY.stages.map((s) => done(s.id, Math.max(s.offsetDays, 0)));
    expect(actionOn(400, { done: all })).toBeNull();
  });

  it('starts a fresh sequence when another invoice becomes the most overdue', () => {
    // A went through the final notice and was then paid; B (due 10 days after A) now drives.
    const log = [done('courtesy', -3), done('first', 1), done('written', 15), done('final', 30)];
    const invoices = [inv('A', DUE, 0), inv('B', day(10))];
    const a = actionOn(32, { invoices, done: log });
    expect(a).toMatchObject({ driverInvoiceId: 'B', stage: { id: 'written' }, dueOn: day(25), oldestDaysOverdue: 22, invoiceIds: ['B'] });
  });
});

describe('nextAction: promises and plans pause chasing', () => {
  it('returns null while a pause is current, through its last day', () => {
    const pauses = [{ until: day(20) }];
    for (let n = 0; n <= 20; n++) expect(actionOn(n, { pauses }), `day ${n}`).toBeNull();
    // A pause that ended (a kept promise that did not pay everything) no longer holds.
    expect(actionOn(21, { pauses })).toMatchObject({ stage: { id: 'written' }, dueOn: day(15), daysLate: 6 });
  });

  it('any one current pause is enough', () => {
    expect(actionOn(40, { pauses: [{ until: day(10) }, { until: day(40) }] })).toBeNull();
  });
});

describe('nextAction: a broken promise resumes at the next stage', () => {
  it('brings the stage after the last logged one due on the day the promise broke', () => {
    // Written notice on day 16; a promise for day 40 with 3 days' grace broke on day 44.
    const log = [done('first', 1), done('written', 16)];
    const broken = [day(44)];
    expect(actionOn(44, { done: log, broken })).toMatchObject({ stage: { id: 'final' }, dueOn: day(44), daysLate: 0 });
    // Logged that day: the break is behind it, the meeting comes on its own day.
    const after = [...log, done('final', 44)];
    expect(actionOn(44, { done: after, broken })).toBeNull();
    expect(actionOn(45, { done: after, broken })).toMatchObject({ stage: { id: 'meeting' }, dueOn: day(45) });
  });

  it('makes the next stage due even if its offset is not reached', () => {
    // First reminder on day 1; a promise for day 7 broke on day 8: the written notice (day 15) is due now.
    const r = actionOn(8, { done: [done('first', 1)], broken: [day(8)] });
    expect(r).toMatchObject({ stage: { id: 'written' }, dueOn: day(8), daysLate: 0 });
    expect(actionOn(10, { done: [done('first', 1)], broken: [day(8)] })).toMatchObject({ stage: { id: 'written' }, daysLate: 2 });
    expect(stageOn(8, { done: [done('first', 1)] })).toBeNull();
  });

  it('does not jump over stages that fell due while the promise was pending', () => {
    // Courtesy logged; the customer then promised for day 100 and broke it on day 101.
    const log = [done('courtesy', -3)];
    expect(actionOn(101, { done: log, broken: [day(101)] })).toMatchObject({ stage: { id: 'first' }, dueOn: day(101) });
    // After that call, the stages already past their day catch up as usual.
    expect(actionOn(102, { done: [...log, done('first', 101)], broken: [day(101)] })).toMatchObject({
      stage: { id: 'lawyer' }, dueOn: day(90), daysLate: 12,
    });
  });

  it('lets a stage whose day came after the break overtake the resumed one when it waited', () => {
    const r = actionOn(50, { done: [done('written', 16)], broken: [day(44)] });
    expect(r).toMatchObject({ stage: { id: 'meeting' }, dueOn: day(45), daysLate: 5 });
  });

  it('passes over the courtesy reminder once the invoice is past due', () => {
    // Nothing logged; a promise made on the phone broke on day 10: a first reminder, not a courtesy one.
    expect(actionOn(10, { broken: [day(10)] })).toMatchObject({ stage: { id: 'first' }, dueOn: day(10) });
  });

  it('ignores breaks on or before the last logged stage, and breaks from before the sequence began', () => {
    expect(stageOn(20, { done: [done('written', 16)], broken: [day(16)] })).toBeNull();
    expect(stageOn(20, { done: [done('written', 16)], broken: [day(12)] })).toBeNull();
    // A break long before this invoice's first stage belongs to an earlier invoice's sequence.
    expect(actionOn(-3, { broken: [day(-40)] })).toMatchObject({ stage: { id: 'courtesy' }, dueOn: day(-3), daysLate: 0 });
    expect(stageOn(-4, { broken: [day(-40)] })).toBeNull();
  });

  it('uses the latest break', () => {
    expect(actionOn(12, { done: [done('first', 1)], broken: [day(5), day(9)] })).toMatchObject({ dueOn: day(9), daysLate: 3 });
  });

  it('stays quiet while a newer promise is pending', () => {
    expect(actionOn(44, { done: [done('written', 16)], broken: [day(30)], pauses: [{ until: day(50) }] })).toBeNull();
  });
});

describe('nextAction: what is chased', () => {
  it('never chases disputed or paid invoices', () => {
    const invoices = [inv('A', DUE, 100_000, true), inv('B', day(5), 0), inv('C', day(10), 70_000)];
    expect(actionOn(40, { invoices })).toMatchObject({
      driverInvoiceId: 'C', stage: { id: 'final' }, overdueTotal: 70_000, oldestDaysOverdue: 30, invoiceIds: ['C'],
    });
    expect(actionOn(40, { invoices: [inv('A', DUE, 100_000, true), inv('B', day(5), 0)] })).toBeNull();
    expect(actionOn(40, { invoices: [] })).toBeNull();
  });

  it('puts every overdue chaseable invoice into one action, driven by the oldest', () => {
    const invoices = [
      inv('C', day(40), 300_000), // not yet due on day 31
      inv('B', day(19), 200_000),
      inv('D', day(-60), 900_000, true), // disputed
      inv('A', DUE, 100_000),
      inv('E', day(31), 50_000), // due today: not overdue yet
    ];
    expect(actionOn(31, { invoices })).toEqual({
      stage: DEFAULT_POLICY.stages[3],
      stageIndex: 3,
      driverInvoiceId: 'A',
      dueOn: day(30),
      daysLate: 1,
      overdueTotal: 300_000,
      oldestDaysOverdue: 31,
      invoiceIds: ['A', 'B'],
    });
  });

  it('breaks a tie of due dates by id', () => {
    expect(actionOn(5, { invoices: [inv('B', DUE), inv('A', DUE)] })).toMatchObject({ driverInvoiceId: 'A', invoiceIds: ['A', 'B'] });
  });
});

describe('nextAction: snooze', () => {
  it('returns null before the snooze date and comes back on it', () => {
    expect(actionOn(5, { snoozedUntil: day(10) })).toBeNull();
    expect(actionOn(9, { snoozedUntil: day(10) })).toBeNull();
    expect(actionOn(10, { snoozedUntil: day(10) })).toMatchObject({ stage: { id: 'first' }, daysLate: 9 });
    expect(actionOn(10, { snoozedUntil: day(3) })).toMatchObject({ stage: { id: 'first' } });
  });
});

describe('nextAction: properties', () => {
  const stage = DEFAULT_POLICY.stages[1] as Stage;
  const policyOf = (offsets: number[]): Policy => ({
    ...DEFAULT_POLICY,
    stages: [...new Set(offsets)].sort((a, b) => a - b).map((o, i) => ({ ...stage, id: `s${i}`, offsetDays: o })),
  });
  const offsetsArb = fc.array(fc.integer({ min: -30, max: 200 }), { minLength: 1, maxLength: 10 });

  it('with nothing logged, offers the last stage whose day has come, never going back as days pass', () => {
    fc.assert(
      fc.property(offsetsArb, (offsets) => {
        const policy = policyOf(offsets);
        let previous = -1;
        for (let n = -35; n <= 210; n += 1) {
          const a = actionOn(n, { policy });
          const reached = policy.stages.filter((s) => s.offsetDays <= n);
          const last = reached[reached.length - 1];
          expect(a?.stage.id ?? null).toBe(last?.id ?? null);
          const index = a?.stageIndex ?? -1;
          expect(index).toBeGreaterThanOrEqual(previous);
          previous = index;
        }
      }),
      { numRuns: 50 },
    );
  });

  it('never offers a stage at or before the last one logged, nor one not yet due (unless a break brought it)', () => {
    fc.assert(
      fc.property(offsetsArb, fc.integer({ min: 0, max: 9 }), fc.integer({ min: -30, max: 200 }), fc.integer({ min: 0, max: 60 }), (offsets, k, loggedOn, wait) => {
        const policy = policyOf(offsets);
        const logged = policy.stages[Math.min(k, policy.stages.length - 1)] as Stage;
        const n = loggedOn + wait;
        const a = actionOn(n, { policy, done: [done(logged.id, loggedOn)] });
        if (a === null) return;
        expect(a.stageIndex).toBeGreaterThan(policy.stages.indexOf(logged));
        expect(a.dueOn <= day(n)).toBe(true);
        expect(a.dueOn).toBe(day(a.stage.offsetDays));
      }),
    );
  });

  it('does not depend on the order the invoices arrive in, and totals only chaseable overdue balances', () => {
    const invoiceArb = fc.record({
      id: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      due: fc.integer({ min: -20, max: 60 }),
      balance: fc.integer({ min: 0, max: 1_000_000 }),
      disputed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(invoiceArb, { selector: (i) => i.id, maxLength: 5 }), fc.integer({ min: 0, max: 80 }), (list, n) => {
        const invoices = list.map((i) => inv(i.id, day(i.due), i.balance, i.disputed));
        const a = actionOn(n, { invoices });
        expect(actionOn(n, { invoices: [...invoices].reverse() })).toEqual(a);
        if (a === null) return;
        const chaseable = invoices.filter((i) => i.balance > 0 && !i.disputed);
        const overdue = chaseable.filter((i) => i.dueDate < day(n));
        expect(a.overdueTotal).toBe(overdue.reduce((s, i) => s + i.balance, 0));
        expect(new Set(a.invoiceIds)).toEqual(new Set(overdue.length > 0 ? overdue.map((i) => i.id) : [a.driverInvoiceId]));
        const driver = chaseable.find((i) => i.id === a.driverInvoiceId);
        expect(driver).toBeDefined();
        expect(chaseable.every((i) => i.dueDate >= (driver as DunningInvoice).dueDate)).toBe(true);
      }),
    );
  });
});

describe('queueOrder: heaviest first', () => {
  const key = (overdueTotal: number, oldestDaysOverdue: number, grade: QueueKey['grade'], daysLate = 0): QueueKey => ({
    overdueTotal, oldestDaysOverdue, grade, daysLate,
  });

  it('weighs the overdue amount by its age in months and the grade', () => {
    // 10,000.00 whose oldest invoice is 60 days overdue, grade C: 1,000,000 × (1 + 60/30) × 1.5.
    expect(queueWeight(key(1_000_000, 60, 'C'))).toBe(1_000_000 * 3 * 1.5);
    expect(queueWeight(key(1_000_000, -3, null))).toBe(1_000_000 * UNGRADED_FACTOR);
    expect(GRADE_FACTOR).toEqual({ A: 1, B: 1.2, C: 1.5, D: 2 });
  });

  it('puts poorer grades, larger amounts and older debts first, then the longest wait', () => {
    const rows = [
      { name: 'A-grade', ...key(100_000, 30, 'A') },
      { name: 'D-grade', ...key(100_000, 30, 'D') },
      { name: 'big', ...key(1_000_000, 10, 'B') },
      { name: 'old', ...key(100_000, 300, 'B') },
      { name: 'ungraded', ...key(100_000, 30, null) },
      { name: 'B-waiting', ...key(100_000, 30, 'B', 7) },
      { name: 'courtesy', ...key(0, -3, 'D', 0) },
    ];
    expect(rows.sort(queueOrder).map((r) => r.name)).toEqual(['big', 'old', 'D-grade', 'B-waiting', 'ungraded', 'A-grade', 'courtesy']);
  });

  it('is a consistent order: antisymmetric, zero only for equal keys (property)', () => {
    const keyArb = fc.record({
      overdueTotal: fc.integer({ min: 0, max: 1e12 }),
      oldestDaysOverdue: fc.integer({ min: -10, max: 2000 }),
      grade: fc.constantFrom('A', 'B', 'C', 'D', null),
      daysLate: fc.integer({ min: 0, max: 500 }),
    }) as fc.Arbitrary<QueueKey>;
    fc.assert(
      fc.property(keyArb, keyArb, keyArb, (a, b, c) => {
        expect(Math.sign(queueOrder(a, b))).toBe(-Math.sign(queueOrder(b, a)) || 0);
        if (queueOrder(a, b) < 0 && queueOrder(b, c) < 0) expect(queueOrder(a, c)).toBeLessThan(0);
        expect(queueOrder(a, a)).toBe(0);
      }),
    );
  });
});
