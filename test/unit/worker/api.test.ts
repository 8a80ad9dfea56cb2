import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bookInput, must, workerApis } from './harness';
import { openDb } from '../../../src/db/schema';
import type { WorkerApi } from '../../../workers/api';
import type { CustomerInput, InvoiceInput, PaymentInput } from '../../../src/api/contract';
import { Ledger } from '../../../src/ledger';
import { readBookRecords } from '../../../workers/bookRecords';
import { MAX_OPEN_BOOKS } from '../../../workers/books';

const BOOK = bookInput('测试账套');
const customerInput = (name: string): CustomerInput => ({ name, uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' });
const invoiceInput = (customerId: string, number: string, issueDate: string, dueDate: string, amount: number): InvoiceInput => ({
  customerId, number, issueDate, dueDate, amount, currency: 'CNY', description: '', disputed: false, disputeReason: '',
});
const payment = (customerId: string, date: string, amount: number): PaymentInput => ({
  customerId, date, amount, method: 'bank', reference: 'REF-1', allocation: 'auto',
});

// Broadcast on: one test checks that a second tab keeps in step.
const start = workerApis({ broadcast: true });

/** A book with one customer, two invoices and a partial payment. */
async function smallBook(api: WorkerApi) {
  const book = must(await api.createBook(BOOK));
  const customer = must(await api.saveCustomer(book.id, customerInput('杭州恒达贸易有限公司')));
  const a = must(await api.saveInvoice(book.id, invoiceInput(customer.id, 'A-1', '2025-01-10', '2025-02-09', 100_000)));
  const b = must(await api.saveInvoice(book.id, invoiceInput(customer.id, 'A-2', '2025-03-01', '2025-03-31', 50_000)));
  const paid = must(await api.recordPayment(book.id, payment(customer.id, '2025-03-10', 30_000)));
  return { book, customer, a, b, paid };
}

describe('createApi', () => {
  it('opens the database', async () => {
    const { api } = start();
    expect(await api.open()).toEqual({ state: 'ok' });
  });

  it('answers the dashboard of a small book and follows a payment and its undo', async () => {
    const { api } = start();
    const { book, customer, a } = await smallBook(api);
    const d = await api.dashboard(book.id, '2025-04-15');
    // 1000.00 - 300.00 paid = 700.00, 65 days overdue; A-2: 500.00, 15 days overdue.
    expect(d.totalOpen).toBe(120_000);
    expect(d.overdue).toBe(120_000);
    expect(d.overdueCount).toBe(2);
    expect(d.openCount).toBe(2);
    expect(d.customersWithBalance).toBe(1);
    expect(d.unappliedCredit).toBe(0);
    expect(d.aging.buckets.map((x) => x.amount)).toEqual([0, 50_000, 0, 70_000, 0, 0, 0]);
    expect(d.topDebtors).toEqual([{ customerId: customer.id, name: '杭州恒达贸易有限公司', open: 120_000, overdue: 120_000, oldestDaysOverdue: 65 }]);
    expect(d.recent.map((r) => r.action)).toEqual(['payment.record', 'invoice.create', 'invoice.create', 'customer.create', 'book.create']);
    expect(d.recent[0]?.params).toMatchObject({ amount: '300.00', currency: 'CNY', customer: '杭州恒达贸易有限公司', count: 2 });
    expect(d.recent[1]?.params).toMatchObject({ number: 'A-2', amount: '500.00', customer: '杭州恒达贸易有限公司' });
    expect(d.computeMs).toBeGreaterThanOrEqual(0);

    // A payment larger than what is open leaves credit.
    must(await api.recordPayment(book.id, payment(customer.id, '2025-04-01', 150_000)));
    const after = await api.dashboard(book.id, '2025-04-15');
    expect(after.totalOpen).toBe(0);
    expect(after.unappliedCredit).toBe(30_000);
    expect(after.aging.net).toBe(-30_000);
    expect((await api.invoiceDetail(book.id, a.id, '2025-04-15'))?.status).toBe('paid');

    expect(must(await api.undo(book.id))).toEqual({ action: 'payment.record' });
    expect(await api.dashboard(book.id, '2025-04-15')).toMatchObject({ totalOpen: 120_000, unappliedCredit: 0 });
    const rows = await api.recentChanges(book.id, 3);
    expect(rows.map((r) => [r.action, r.undone])).toEqual([['undo', false], ['payment.record', true], ['payment.record', false]]);
  });

  it('reopens from the stored snapshot with the same dashboard, replaying later changes', async () => {
    const name = crypto.randomUUID();
    const { api: first } = start({ name });
    const { book, customer } = await smallBook(first);
    await first.flush();
    // Written after the snapshot: the next open replays it from the change log.
    must(await first.addAdjustment(book.id, { kind: 'credit', invoiceId: (await first.listInvoices(book.id, { asOf: '2025-04-15', offset: 0, limit: 1, sort: 'number' })).rows[0]?.id ?? '', date: '2025-04-02', amount: 10_000, reason: '折让', basis: '' }));
    const expected = await first.dashboard(book.id, '2025-04-15');
    expect(expected.totalOpen).toBe(110_000);

    const { api: second } = start({ name });
    const reopened = await second.dashboard(book.id, '2025-04-15');
    expect(second.openReport(book.id)).toEqual({ how: 'snapshot', replayed: 1 });
    expect({ ...reopened, computeMs: 0 }).toEqual({ ...expected, computeMs: 0 });
    expect(await second.listCustomers(book.id, { asOf: '2025-04-15', offset: 0, limit: 10 })).toEqual(
      await first.listCustomers(book.id, { asOf: '2025-04-15', offset: 0, limit: 10 }));
    expect((await second.findCustomers(book.id, '恒达', 5)).map((c) => c.id)).toEqual([customer.id]);
  });

  it('rebuilds from records when there is no snapshot, and stores one', async () => {
    const name = crypto.randomUUID();
    const { api: first } = start({ name });
    const { book } = await smallBook(first);
    const expected = await first.dashboard(book.id, '2025-04-15');
    await first.close();
    const db = openDb(name);
    await db.snapshots.clear();

    const { api: second } = start({ name });
    const rebuilt = await second.dashboard(book.id, '2025-04-15');
    expect(second.openReport(book.id)?.how).toBe('rebuild');
    expect({ ...rebuilt, computeMs: 0 }).toEqual({ ...expected, computeMs: 0 });
    await second.flush();
    expect((await db.snapshots.get(book.id))?.seq).toBeGreaterThan(0);
    db.close();
  });

  it('keeps only a few ledgers in memory; an evicted book reopens from its snapshot', async () => {
    const { api } = start();
    const made = [];
    for (let i = 0; i < MAX_OPEN_BOOKS + 1; i++) {
      const { book } = await smallBook(api);
      made.push({ id: book.id, dashboard: await api.dashboard(book.id, '2025-04-15') });
    }
    const first = made[0];
    if (!first) throw new Error('no book');
    // The first book was least recently used and has been dropped (its snapshot saved on the way out).
    expect(api.openReport(first.id)).toBeNull();
    const again = await api.dashboard(first.id, '2025-04-15');
    expect(api.openReport(first.id)?.how).toBe('snapshot');
    expect({ ...again, computeMs: 0 }).toEqual({ ...first.dashboard, computeMs: 0 });
  });

  it('keeps a second tab in step through the broadcast channel', async () => {
    const name = crypto.randomUUID();
    const { api: tabA } = start({ name });
    const { api: tabB } = start({ name });
    const { book, customer } = await smallBook(tabA);
    expect((await tabB.dashboard(book.id, '2025-04-15')).totalOpen).toBe(120_000);
    must(await tabA.recordPayment(book.id, payment(customer.id, '2025-04-10', 20_000)));
    await new Promise((r) => setTimeout(r, 50));
    expect((await tabB.dashboard(book.id, '2025-04-15')).totalOpen).toBe(100_000);
    // And B's own write after A's: both end up with the same figures.
    must(await tabB.recordPayment(book.id, payment(customer.id, '2025-04-11', 5_000)));
    await new Promise((r) => setTimeout(r, 50));
    const a = await tabA.dashboard(book.id, '2025-04-15');
    const b = await tabB.dashboard(book.id, '2025-04-15');
    expect(a.totalOpen).toBe(95_000);
    expect({ ...b, computeMs: 0 }).toEqual({ ...a, computeMs: 0 });
  });

  it('shows invoice and customer detail from records and ledger', async () => {
    const { api } = start();
    const { book, customer, a, b, paid } = await smallBook(api);
    const inv = await api.invoiceDetail(book.id, a.id, '2025-04-15');
    expect(inv).toMatchObject({ customerName: '杭州恒达贸易有限公司', balance: 70_000, daysOverdue: 65, status: 'overdue' });
    expect(inv?.allocations.map((x) => [x.amount, x.paymentReference, x.paymentMethod])).toEqual([[30_000, 'REF-1', 'bank']]);
    expect(await api.invoiceDetail(book.id, 'nope', '2025-04-15')).toBeNull();
    // As of before the payment the invoice was whole.
    expect((await api.invoiceDetail(book.id, a.id, '2025-03-09'))?.balance).toBe(100_000);

    const cust = await api.customerDetail(book.id, customer.id, '2025-04-15', 0);
    expect(cust).toMatchObject({ open: 120_000, overdue: 120_000, credit: 0 });
    expect(cust?.invoices.rows.map((r) => r.number)).toEqual(['A-2', 'A-1']);
    expect(cust?.payments.map((p) => [p.id, p.unapplied])).toEqual([[paid.payment.id, 0]]);
    expect(await api.customerDetail(book.id, 'nope', '2025-04-15', 0)).toBeNull();

    must(await api.unapplyPayment(book.id, paid.payment.id));
    const unapplied = await api.customerDetail(book.id, customer.id, '2025-04-15', 0);
    expect(unapplied).toMatchObject({ open: 150_000, credit: 30_000 });
    expect(unapplied?.payments[0]?.unapplied).toBe(30_000);
    expect((await api.openInvoices(book.id, customer.id, '2025-04-15')).map((o) => [o.number, o.balance])).toEqual([['A-1', 100_000], ['A-2', 50_000]]);
    must(await api.addAdjustment(book.id, { kind: 'writeoff', invoiceId: b.id, date: '2025-04-12', amount: 50_000, reason: '坏账', basis: '' }));
    expect(await api.invoiceDetail(book.id, b.id, '2025-04-15')).toMatchObject({ balance: 0, daysOverdue: 0, status: 'writtenOff' });
    expect(await api.invoiceDetail(book.id, b.id, '2025-04-11')).toMatchObject({ balance: 50_000, daysOverdue: 11, status: 'overdue' });
    expect((await api.invoiceDetail(book.id, b.id, '2025-02-01'))?.status).toBe('notYetIssued');
    must(await api.saveInvoice(book.id, { ...invoiceInput(customer.id, 'A-1', '2025-01-10', '2025-02-09', 100_000), disputed: true, disputeReason: '数量不符' }, a.id));
    expect((await api.invoiceDetail(book.id, a.id, '2025-04-15'))?.status).toBe('disputed');
    expect((await api.listInvoices(book.id, { asOf: '2025-04-15', status: 'disputed', offset: 0, limit: 10 })).rows.map((r) => r.id)).toEqual([a.id]);
  });

  it('passes validation errors through and rejects queries on a missing book', async () => {
    const { api } = start();
    const { book, customer } = await smallBook(api);
    const dup = await api.saveInvoice(book.id, invoiceInput(customer.id, 'A-1', '2025-01-10', '2025-02-09', 100));
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.errors[0]?.code).toBe('invoice.duplicateNumber');
    await expect(api.dashboard('no-such-book', '2025-04-15')).rejects.toThrow('book.notFound');
    expect(await api.getBook('no-such-book')).toBeNull();
    await expect(api.aging(book.id, '2025-04-15', 'due', [60, 30])).rejects.toThrow('aging.bounds');
    const issue = await api.aging(book.id, '2025-04-15', 'issue', [90]);
    // Issue basis: A-1 issued 95 days before, A-2 45 days before.
    expect(issue.buckets.map((x) => x.amount)).toEqual([50_000, 70_000]);
  });

  it('loads a demo book with progress, matching a ledger built from its stored records', async () => {
    const { api, db: apiDb } = start();
    const progress: number[] = [];
    const book = must(await api.loadDemoBook(
      { seed: 4, customers: 30, invoices: 500, locale: 'en', endDate: '2025-06-30' },
      (p) => { progress.push(p.done / p.total); },
    ));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]).toBe(1);
    const books = await api.listBooks();
    expect(books.find((b) => b.id === book.id)).toMatchObject({ customers: 30, invoices: 500, currency: 'CNY' });
    const d = await api.dashboard(book.id, '2025-06-30');
    const db = openDb(apiDb.name);
    const read = await readBookRecords(db, book.id);
    db.close();
    expect(read).not.toBeNull();
    if (!read) return;
    const expected = Ledger.fromRecords(read.records).dashboard('2025-06-30');
    expect({ ...d, recent: [], computeMs: 0 }).toEqual({ ...expected, recent: [], computeMs: 0 });
    expect(d.totalOpen).toBeGreaterThan(0);
    expect(d.recent[0]).toMatchObject({ action: 'demo.load', undone: false });
    // Loading the same seed again gives a second, separate book.
    const again = must(await api.loadDemoBook({ seed: 4, customers: 30, invoices: 500, locale: 'en', endDate: '2025-06-30' }));
    expect(again.id).not.toBe(book.id);
    expect((await api.dashboard(again.id, '2025-06-30')).totalOpen).toBe(d.totalOpen);
    expect((await api.dashboard(book.id, '2025-06-30')).totalOpen).toBe(d.totalOpen);
  }, 30_000);
});
