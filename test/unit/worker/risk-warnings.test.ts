// Early warnings through the worker on a constructed book: over the limit, a grade
// drop and concentration on one customer, a broken promise and a bucket crossing
// on another, a limitation period ending soon on a third; dismissing needs a
// reason, lasts, shows when asked for, and restores; a payment clears what it fixes.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';

const start = workerApis();
const ASOF = '2026-06-30';

describe('warnings', () => {
  it('finds each kind on a constructed book, names customers and invoices, and dismisses and restores', async () => {
    const { api } = start();
    const book = must(await api.createBook(bookInput('预警')));
    const customer = async (name: string, creditLimit: number | null = null) =>
      must(await api.saveCustomer(book.id, { name, uscc: '', termsDays: 30, creditLimit, contacts: [], tags: [], notes: '' }));
    const invoice = async (customerId: string, number: string, issueDate: string, dueDate: string, amount: number) => must(await api.saveInvoice(book.id, {
      customerId, number, issueDate, dueDate, amount, currency: '', description: '', disputed: false, disputeReason: '',
    }));
    const big = await customer('大客户', 100_000);
    const promiser = await customer('承诺方');
    const old = await customer('老账');
    const c4 = await customer('丁');
    const c5 = await customer('戊');
    // Not due 30 days ago (over the limit already, still an A); 25 days overdue now: a C.
    await invoice(big.id, 'BIG-1', '2026-05-01', '2026-06-05', 200_000);
    // 11 days overdue 30 days ago (1-30), 41 now (31-60); a promise on it broken on 2026-06-11.
    const p1 = await invoice(promiser.id, 'P-1', '2026-04-01', '2026-05-20', 10_000);
    must(await api.logContact(book.id, {
      customerId: promiser.id, invoiceId: p1.id, date: '2026-06-01', channel: 'phone', stage: 'first', outcome: 'promised', note: '',
      nextActionDate: null, promise: { amount: 10_000, date: '2026-06-10', invoiceIds: [p1.id], graceDays: 0 },
    }));
    // Three years from the day after 2023-07-14: the claim ends on 2026-07-15, 15 days away.
    await invoice(old.id, 'OLD-1', '2023-06-14', '2023-07-14', 5_000);
    await invoice(c4.id, 'D-1', '2026-06-15', '2026-07-15', 10_000);
    await invoice(c5.id, 'E-1', '2026-06-15', '2026-07-15', 10_000);

    const list = await api.warnings(book.id, ASOF);
    expect(list.since).toBe('2026-05-31');
    const kinds = list.rows.map((w) => `${w.kind}:${w.customerName}${w.invoiceNumber ? `:${w.invoiceNumber}` : ''}`);
    expect(kinds.sort()).toEqual([
      'brokenPromise:承诺方:P-1', 'bucketCrossed:承诺方:P-1', 'concentration:大客户', 'gradeDrop:大客户',
      'limitationSoon:老账:OLD-1', 'overLimit:大客户',
    ]);
    // Most severe first: the claim about to be lost, then the broken promise.
    expect(list.rows.map((w) => w.kind).slice(0, 2)).toEqual(['limitationSoon', 'brokenPromise']);
    expect(list.rows.find((w) => w.kind === 'gradeDrop')?.params).toMatchObject({ from: 'A', to: 'C' });
    expect(list.rows.find((w) => w.kind === 'overLimit')?.params).toMatchObject({ limit: 100_000, open: 200_000, over: 100_000 });
    expect(list.rows.find((w) => w.kind === 'bucketCrossed')?.params).toMatchObject({ from: 1, to: 2 });
    expect(list.active).toBe(6);
    expect(list.dismissed).toBe(0);
    expect(list.byKind).toEqual({ overLimit: 1, bucketCrossed: 1, brokenPromise: 1, gradeDrop: 1, limitationSoon: 1, concentration: 1 });
    expect(await api.warningCount(book.id, ASOF)).toBe(6);

    const broken = list.rows.find((w) => w.kind === 'brokenPromise');
    if (!broken) throw new Error('no broken promise');
    expect(await api.dismissWarning(book.id, broken.key, '  ', ASOF)).toEqual({ ok: false, errors: [{ field: 'reason', code: 'warning.reasonRequired' }] });
    expect(await api.warningCount(book.id, ASOF)).toBe(6);
    must(await api.dismissWarning(book.id, broken.key, ' 已电话确认 ', ASOF));
    const after = await api.warnings(book.id, ASOF);
    expect(after.rows.map((w) => w.key)).not.toContain(broken.key);
    expect(after).toMatchObject({ active: 5, dismissed: 1 });
    expect(after.byKind.brokenPromise).toBe(0);
    expect(await api.warningCount(book.id, ASOF)).toBe(5);
    const shown = await api.warnings(book.id, ASOF, { includeDismissed: true });
    expect(shown.rows.find((w) => w.key === broken.key)?.dismissed).toEqual({ reason: '已电话确认', on: ASOF });
    expect(shown.rows).toHaveLength(6);

    await api.restoreWarning(book.id, broken.key);
    expect(await api.warningCount(book.id, ASOF)).toBe(6);
    expect((await api.warnings(book.id, ASOF, { includeDismissed: true })).rows.every((w) => w.dismissed === undefined)).toBe(true);

    // Paying most of the big balance ends the over-limit warning (and the concentration: 50,000 of 85,000 is still over a quarter).
    must(await api.recordPayment(book.id, { customerId: big.id, date: ASOF, amount: 150_000, method: 'bank', reference: '', allocation: 'auto' }));
    const paid = await api.warnings(book.id, ASOF);
    expect(paid.byKind.overLimit).toBe(0);
    expect(paid.byKind.concentration).toBe(1);
  });

  it('counts no warning on an empty book', async () => {
    const { api } = start();
    const book = must(await api.createBook(bookInput('空')));
    expect(await api.warnings(book.id, ASOF)).toMatchObject({ rows: [], active: 0, dismissed: 0 });
    expect(await api.warningCount(book.id, ASOF)).toBe(0);
  });
});
