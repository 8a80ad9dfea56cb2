// Book-wide credit risk through the worker: grades set by hand (reason, undo),
// weights (saved, validated, moving the score), the model ('rule' on a small book,
// 'learned' with its AUC on a generated one), the forecast and the graded list
// following a payment, and the collection queue acting on the grade in use.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import { addDays } from '../../../src/domain/calendar';
import { DEFAULT_POLICY } from '../../../src/domain/policy';
import { DEFAULT_RISK_WEIGHTS, riskScore } from '../../../src/domain/risk-score';
import { ruleLateProbability } from '../../../src/domain/late-model';
import type { WorkerApi } from '../../../workers/api';

const start = workerApis();
const ASOF = '2026-06-30';

/** A small book: one customer who pays late and is overdue now, one who pays on time. */
async function smallBook(api: WorkerApi) {
  const book = must(await api.createBook(bookInput('风险')));
  const customer = async (name: string, creditLimit: number | null = null) =>
    must(await api.saveCustomer(book.id, { name, uscc: '', termsDays: 30, creditLimit, contacts: [], tags: [], notes: '' }));
  const invoice = async (customerId: string, number: string, issueDate: string, amount: number) => must(await api.saveInvoice(book.id, {
    customerId, number, issueDate, dueDate: addDays(issueDate, 30), amount, currency: '', description: '', disputed: false, disputeReason: '',
  }));
  const pay = async (customerId: string, invoiceId: string, date: string, amount: number) => must(await api.recordPayment(book.id, {
    customerId, date, amount, method: 'bank', reference: '', allocation: [{ invoiceId, amount }],
  }));
  const slow = await customer('慢付公司', 80_000);
  const good = await customer('准时公司');
  const s1 = await invoice(slow.id, 'S-1', '2026-01-05', 50_000);
  await pay(slow.id, s1.id, '2026-03-20', 50_000); // 44 days late
  const s2 = await invoice(slow.id, 'S-2', '2026-04-01', 100_000); // due 2026-05-01, open
  const g1 = await invoice(good.id, 'G-1', '2026-02-01', 30_000);
  await pay(good.id, g1.id, '2026-02-25', 30_000);
  const g2 = await invoice(good.id, 'G-2', '2026-06-10', 20_000); // not yet due
  return { book, slow, good, s2, g2, invoice, pay };
}

describe('grades set by hand', () => {
  it('needs a reason and a live customer, shows as the grade in use, and undoes', async () => {
    const { api } = start();
    const { book, slow } = await smallBook(api);
    const before = await api.customerRisk(book.id, slow.id, ASOF);
    expect(before?.override).toBe(null);
    expect(before?.effectiveGrade).toBe(before?.grade);

    const noReason = await api.setGradeOverride(book.id, slow.id, { grade: 'A', reason: '   ' }, ASOF);
    expect(noReason).toEqual({ ok: false, errors: [{ field: 'reason', code: 'grade.reasonRequired' }] });
    const nobody = await api.setGradeOverride(book.id, 'nobody', { grade: 'A', reason: '担保' }, ASOF);
    expect(nobody).toEqual({ ok: false, errors: [{ field: 'customerId', code: 'grade.customerNotFound' }] });

    must(await api.setGradeOverride(book.id, slow.id, { grade: 'A', reason: '  母公司担保 ' }, ASOF));
    const set = await api.customerRisk(book.id, slow.id, ASOF);
    expect(set?.override).toEqual({ grade: 'A', reason: '母公司担保', setOn: ASOF });
    expect(set?.effectiveGrade).toBe('A');
    expect(set?.grade).toBe(before?.grade); // the computed grade stays
    expect(set?.suggestion).toEqual({ limit: 'keep', termsDays: 'keep' }); // A without a track record
    const row = (await api.listGrades(book.id, { asOf: ASOF, grade: 'A', offset: 0, limit: 10 })).rows.find((r) => r.customerId === slow.id);
    expect(row).toMatchObject({ effectiveGrade: 'A', overridden: true, grade: before?.grade });
    expect((await api.recentChanges(book.id, 1))[0]?.action).toBe('customer.grade');

    must(await api.undo(book.id));
    expect((await api.customerRisk(book.id, slow.id, ASOF))?.override).toBe(null);
    must(await api.setGradeOverride(book.id, slow.id, { grade: 'D', reason: '诉讼中' }, ASOF));
    expect((await api.riskOverview(book.id, ASOF)).grades.D).toBeGreaterThanOrEqual(1);
    must(await api.setGradeOverride(book.id, slow.id, null, ASOF));
    expect((await api.customerRisk(book.id, slow.id, ASOF))?.effectiveGrade).toBe(before?.grade);
  });
});

describe('weights', () => {
  it('are the defaults until saved, are checked, and move the score', async () => {
    const { api } = start();
    const { book, slow } = await smallBook(api);
    expect(await api.riskWeights(book.id)).toEqual(DEFAULT_RISK_WEIGHTS);
    const bad = await api.saveRiskWeights(book.id, { ...DEFAULT_RISK_WEIGHTS, age: -1, trend: 1.5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field).sort()).toEqual(['age', 'trend']);
    const zero = await api.saveRiskWeights(book.id, { overdue: 0, age: 0, lateness: 0, promises: 0, disputes: 0, limit: 0, trend: 0 });
    expect(zero.ok).toBe(false);

    const before = await api.customerRisk(book.id, slow.id, ASOF);
    // Only the overdue share counts: the slow customer's whole balance is overdue.
    const onlyOverdue = { overdue: 1, age: 0, lateness: 0, promises: 0, disputes: 0, limit: 0, trend: 0 };
    expect(must(await api.saveRiskWeights(book.id, onlyOverdue))).toEqual(onlyOverdue);
    expect(await api.riskWeights(book.id)).toEqual(onlyOverdue);
    const after = await api.customerRisk(book.id, slow.id, ASOF);
    expect(after?.weights).toEqual(onlyOverdue);
    expect(after?.score).toBe(0);
    expect(after?.score).not.toBe(before?.score);
    const row = (await api.listGrades(book.id, { asOf: ASOF, offset: 0, limit: 10 })).rows[0];
    expect(row).toMatchObject({ customerId: slow.id, score: 0, grade: 'D' });
  });
});

describe('the model, the outlook and the forecast', () => {
  it('falls back to the rule on a small book, and a payment moves the score, the list and the forecast', async () => {
    const { api } = start();
    const { book, slow, good, s2, g2, pay } = await smallBook(api);
    const overview = await api.riskOverview(book.id, ASOF);
    expect(overview.model).toEqual({ kind: 'rule', reason: 'tooFewExamples', examples: 2, minExamples: 200 });
    expect(overview.grades.A + overview.grades.B + overview.grades.C + overview.grades.D).toBe(2);
    expect(overview.forecast.open).toBe(120_000);
    expect(overview.forecast.weeks).toHaveLength(13);

    const risk = await api.customerRisk(book.id, slow.id, ASOF);
    // One paid invoice, late: (1 + 1) / (1 + 2).
    expect(risk?.lateProbability).toBeCloseTo(ruleLateProbability(1, 1), 12);
    expect(risk?.invoices).toEqual([expect.objectContaining({ invoiceId: s2.id, balance: 100_000, lateProbability: 1, dueDate: '2026-05-01' })]);
    expect(risk?.invoices[0]?.expectedPayDate).toBe(ASOF); // past due: expected any day now
    expect(risk?.history.map((p) => p.date)).toEqual([
      '2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31',
      '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', ASOF,
    ]);
    // At the end of March nothing was overdue and the only invoice had been paid 44 days late.
    const march = riskScore({
      open: 0, overdue: 0, overdueAgeDays: 0, oldestDaysOverdue: 0, daysLate: [44], brokenPromises: 0, keptPromises: 0,
      disputed: 0, creditLimit: 80_000, priorDaysLate: [],
    }, DEFAULT_RISK_WEIGHTS);
    expect(risk?.history.find((p) => p.date === '2026-03-31')).toEqual({ date: '2026-03-31', score: march.score, grade: march.grade });
    expect(risk?.history.at(-1)).toEqual({ date: ASOF, score: risk?.score, grade: risk?.grade });
    const goodRisk = await api.customerRisk(book.id, good.id, ASOF);
    expect(goodRisk?.invoices[0]).toMatchObject({ invoiceId: g2.id, lateProbability: ruleLateProbability(1, 0), expectedPayDate: '2026-07-10' });

    const list = await api.listGrades(book.id, { asOf: ASOF, offset: 0, limit: 10 });
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.customerId)).toEqual([slow.id, good.id]);

    await pay(slow.id, s2.id, ASOF, 60_000);
    const after = await api.customerRisk(book.id, slow.id, ASOF);
    expect(after?.score).toBeGreaterThan(risk?.score ?? 100);
    const overviewAfter = await api.riskOverview(book.id, ASOF);
    expect(overviewAfter.forecast.open).toBe(60_000);
    expect(overviewAfter.forecast.total.expected + overviewAfter.forecast.later + overviewAfter.forecast.overdue).toBe(60_000);
    const rowAfter = (await api.listGrades(book.id, { asOf: ASOF, offset: 0, limit: 10 })).rows.find((r) => r.customerId === slow.id);
    expect(rowAfter).toMatchObject({ open: 40_000, overdue: 40_000, score: after?.score });
    expect(await api.customerRisk(book.id, 'nobody', ASOF)).toBe(null);
  });

  it('learns from a generated book, with a held-out AUC above chance, and pages the graded list', async () => {
    const { api } = start();
    const book = must(await api.loadDemoBook({ seed: 17, customers: 60, invoices: 2_500, locale: 'zh-CN', endDate: ASOF }));
    const overview = await api.riskOverview(book.id, ASOF);
    expect(overview.model.kind).toBe('learned');
    if (overview.model.kind !== 'learned') return;
    expect(overview.model.examples).toBeGreaterThanOrEqual(200);
    expect(overview.model.testExamples).toBeGreaterThan(0);
    expect(overview.model.auc).not.toBe(null);
    expect(overview.model.auc ?? 0).toBeGreaterThan(0.75); // 0.84 on this seed
    expect(overview.model.maeDays ?? -1).toBeGreaterThanOrEqual(0);
    const dashboard = await api.dashboard(book.id, ASOF);
    expect(overview.forecast.open).toBe(dashboard.totalOpen);
    const counted = Object.values(overview.grades).reduce((a, b) => a + b, 0);

    const first = await api.listGrades(book.id, { asOf: ASOF, offset: 0, limit: 25 });
    const second = await api.listGrades(book.id, { asOf: ASOF, offset: 25, limit: 25 });
    expect(first.total).toBe(counted);
    expect(first.rows).toHaveLength(25);
    const all = [...first.rows, ...second.rows];
    for (let k = 1; k < all.length; k++) expect((all[k - 1]?.score ?? 0) <= (all[k]?.score ?? 0)).toBe(true);
    for (const r of all) {
      expect(r.lateProbability).toBeGreaterThanOrEqual(0);
      expect(r.lateProbability).toBeLessThanOrEqual(1);
    }
    const d = await api.listGrades(book.id, { asOf: ASOF, grade: 'D', offset: 0, limit: 500 });
    expect(d.total).toBe(overview.grades.D);
    expect(d.rows.every((r) => r.effectiveGrade === 'D')).toBe(true);
  }, 60_000);
});

describe('the collection queue', () => {
  it('uses the grade in use for the policy and the order', async () => {
    const { api } = start();
    const book = must(await api.createBook(bookInput('队列')));
    const customer = async (name: string) => must(await api.saveCustomer(book.id, { name, uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
    const invoice = async (customerId: string, number: string, amount: number) => must(await api.saveInvoice(book.id, {
      customerId, number, issueDate: '2026-04-01', dueDate: '2026-05-01', amount, currency: '', description: '', disputed: false, disputeReason: '',
    }));
    const a = await customer('甲');
    const b = await customer('乙');
    await invoice(a.id, 'A-1', 100_000);
    await invoice(b.id, 'B-1', 120_000);
    // D customers get a policy of their own with a single early visit.
    const dPolicy = {
      id: 'strict', name: '严格', grades: ['D' as const],
      stages: [{ id: 'visit', offsetDays: 1, channel: 'visit' as const, kind: 'task' as const, template: null, fee: 0, suspendService: false }],
    };
    must(await api.savePolicies(book.id, [DEFAULT_POLICY, dPolicy]));
    const before = await api.collectionQueue(book.id, ASOF);
    expect(before.rows.map((r) => r.customerId)).toEqual([b.id, a.id]); // larger overdue first at equal grades
    const gradeOf = (id: string) => before.rows.find((r) => r.customerId === id)?.grade;
    expect(gradeOf(a.id)).toBe(gradeOf(b.id));
    expect(gradeOf(a.id)).not.toBe('D');

    must(await api.setGradeOverride(book.id, a.id, { grade: 'D', reason: '多次违约' }, ASOF));
    const after = await api.collectionQueue(book.id, ASOF);
    const rowA = after.rows.find((r) => r.customerId === a.id);
    expect(rowA).toMatchObject({ grade: 'D', stage: { id: 'visit' }, stageCount: 1 });
    // D weighs twice as much: 100,000 x 2 beats 120,000 x the other grade's factor.
    expect(after.rows.map((r) => r.customerId)).toEqual([a.id, b.id]);
    expect((await api.customerCollections(book.id, a.id, ASOF))?.next).toMatchObject({ grade: 'D', stage: { id: 'visit' } });
  });
});
