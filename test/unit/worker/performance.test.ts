// The analytics report through the worker on a constructed book: the period's figures
// and metrics, the promise-kept rate from the promises table, days late of invoices
// paid off, over-90 share, months, debtors; a payment moves collected and CEI.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import type { WorkerApi } from '../../../workers/api';

const start = workerApis();
const FROM = '2026-01-01';
const TO = '2026-03-31';
const AS_OF = '2026-04-15';

async function constructedBook(api: WorkerApi) {
  const book = must(await api.createBook(bookInput('回款分析', { agingBounds: [30, 60, 90] })));
  const customer = (name: string) => api.saveCustomer(book.id, { name, uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' });
  const a = must(await customer('甲'));
  const b = must(await customer('乙'));
  const invoice = async (customerId: string, number: string, issueDate: string, dueDate: string, amount: number) => must(await api.saveInvoice(book.id, {
    customerId, number, issueDate, dueDate, amount, currency: '', description: '', disputed: false, disputeReason: '',
  }));
  const i1 = await invoice(a.id, 'I-1', '2026-01-05', '2026-02-04', 100_000);
  const i2 = await invoice(a.id, 'I-2', '2026-02-10', '2026-03-12', 50_000);
  const i3 = await invoice(b.id, 'I-3', '2026-03-01', '2026-03-31', 30_000);
  const i4 = await invoice(b.id, 'I-4', '2025-10-01', '2025-10-31', 20_000);
  const promise = async (customerId: string, invoiceId: string, made: string, amount: number, date: string, graceDays: number) => must(await api.logContact(book.id, {
    customerId, invoiceId, date: made, channel: 'phone', stage: '', outcome: 'promised', note: '', nextActionDate: null,
    promise: { amount, date, invoiceIds: [invoiceId], graceDays },
  }));
  await promise(a.id, i2.id, '2026-02-20', 50_000, '2026-03-10', 2); // paid 03-11, within grace: kept
  await promise(b.id, i3.id, '2026-03-05', 30_000, '2026-03-20', 0); // never paid: broken
  await promise(b.id, i4.id, '2026-03-01', 10_000, '2026-03-25', 3); // paid 03-26: kept
  const pay = async (customerId: string, invoiceId: string, date: string, amount: number) => must(await api.recordPayment(book.id, {
    customerId, date, amount, method: 'bank', reference: '', allocation: [{ invoiceId, amount }],
  }));
  await pay(a.id, i1.id, '2026-02-14', 100_000); // paid off 10 days late
  await pay(a.id, i2.id, '2026-03-11', 50_000); // paid off a day early
  await pay(b.id, i4.id, '2026-03-26', 10_000);
  await promise(b.id, i4.id, '2026-03-30', 5_000, '2026-04-10', 0); // last day of grace after the period: not counted
  return { book, a, b, i3, pay };
}

describe('analytics', () => {
  it('reports the period figures, metrics, promise-kept rate, days late, months and debtors', async () => {
    const { api } = start();
    const { book, a, b } = await constructedBook(api);
    const r = await api.analytics(book.id, { from: FROM, to: TO, asOf: AS_OF });
    expect(r.inputs).toMatchObject({ days: 90, invoiced: 180_000, collected: 160_000, arStart: 20_000, arEnd: 40_000, notDueEnd: 30_000, writeoffs: 0 });
    expect(r.collected).toBe(160_000);
    expect(r.metrics.simpleDso).toBeCloseTo((40_000 / 180_000) * 90, 10);
    expect(r.metrics.bestDso).toBeCloseTo((30_000 / 180_000) * 90, 10);
    expect(r.metrics.cei).toBeCloseTo((160_000 / 170_000) * 100, 10);
    expect(r.metrics.badDebtRatio).toBe(0);
    expect(r.promises).toEqual({ kept: 2, broken: 1, rate: 2 / 3 });
    expect(r.daysLate).toEqual({ invoices: 2, average: 5 });
    // I-4's 10,000 left is 151 days past due; I-3 is due on the last day.
    expect(r.over90Share).toBe(0.25);
    expect(r.months.map((m) => [m.month, m.invoiced, m.collected, m.arEnd])).toEqual([
      ['2026-01', 100_000, 0, 120_000], ['2026-02', 50_000, 100_000, 70_000], ['2026-03', 30_000, 60_000, 40_000],
    ]);
    const march = r.months[2];
    expect(march?.simpleDso).toBeCloseTo((40_000 / 30_000) * 31, 10);
    expect(march?.cei).toBeCloseTo(((70_000 + 30_000 - 40_000) / (70_000 + 30_000 - 30_000)) * 100, 10);
    // Buckets of [30, 60, 90] on the due basis: not due, 1-30, 31-60, 61-90, >90.
    expect(r.buckets).toHaveLength(5);
    expect(march?.aging).toEqual([30_000, 0, 0, 0, 10_000]);
    // I-4 is 92 days past due on 01-31.
    expect(r.months[0]?.aging).toEqual([100_000, 0, 0, 0, 20_000]);
    expect(r.topDebtors).toEqual([{ customerId: b.id, name: '乙', open: 40_000, share: 1 }]);
    expect(r.concentration).toEqual({ top1: 1, top5: 1, debtors: 1, total: 40_000 });
    expect(a.id).not.toBe(b.id);
  });

  it('a payment changes collected and CEI', async () => {
    const { api } = start();
    const { book, b, i3, pay } = await constructedBook(api);
    const before = await api.analytics(book.id, { from: FROM, to: TO, asOf: AS_OF });
    await pay(b.id, i3.id, '2026-03-31', 30_000);
    const after = await api.analytics(book.id, { from: FROM, to: TO, asOf: AS_OF });
    expect(after.collected).toBe(before.collected + 30_000);
    expect(after.metrics.cei).toBeCloseTo((190_000 / 200_000) * 100, 10);
    expect(after.metrics.cei).toBeGreaterThan(before.metrics.cei ?? 100);
    // I-3's promise was broken on 03-21: a payment after the grace does not keep it.
    expect(after.promises.rate).toBe(2 / 3);
  });

  it('cuts the period at asOf and refuses a period that starts after its end', async () => {
    const { api } = start();
    const { book } = await constructedBook(api);
    const r = await api.analytics(book.id, { from: FROM, to: '2026-12-31', asOf: AS_OF });
    expect(r.to).toBe(AS_OF);
    expect(r.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(r.months[3]).toMatchObject({ start: '2026-04-01', end: AS_OF, days: 15 });
    // The promise due 04-10 now falls in the period; nothing was paid after 03-30: broken.
    expect(r.promises).toEqual({ kept: 2, broken: 2, rate: 0.5 });
    await expect(api.analytics(book.id, { from: '2026-05-01', to: '2026-05-31', asOf: AS_OF })).rejects.toThrow('analytics.period');
    await expect(api.analytics(book.id, { from: '2026-02-30', to: TO, asOf: AS_OF })).rejects.toThrow('analytics.period');
  });

  it('has no rates without promises, paid invoices or AR', async () => {
    const { api } = start();
    const book = must(await api.createBook(bookInput('空')));
    const r = await api.analytics(book.id, { from: FROM, to: TO, asOf: AS_OF });
    expect(r.promises.rate).toBeNull();
    expect(r.daysLate.average).toBeNull();
    expect(r.over90Share).toBeNull();
    expect(r.metrics.simpleDso).toBeNull();
    expect(r.concentration).toEqual({ top1: null, top5: null, debtors: 0, total: 0 });
    expect(r.months).toHaveLength(3);
  });
});
