import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceInput } from '../../../src/api/contract';
import { openDb } from '../../../src/db/schema';
import type { Result } from '../../../src/domain/errors';
import { Ledger } from '../../../src/ledger';
import { readBookRecords } from '../../../workers/bookRecords';
import { createApi, type WorkerApi } from '../../../workers/api';
import { bookInput } from './harness';

// Credit left by a March payment, applied to an invoice issued in May. The
// worker's ledger follows the write incrementally and must agree with a ledger
// rebuilt from the stored records, today and on the days in between.

const BOOK = bookInput('测试账套');
const invoiceInput = (customerId: string, number: string, issueDate: string, dueDate: string, amount: number): InvoiceInput => ({
  customerId, number, issueDate, dueDate, amount, currency: 'CNY', description: '', disputed: false, disputeReason: '',
});

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const TODAY = '2025-06-15';
/** After the payment (03-10), before the new invoice is issued (05-01). */
const BETWEEN = '2025-04-15';

let name = '';
let api: WorkerApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
  await Dexie.delete(name);
});

async function setUp() {
  name = crypto.randomUUID();
  api = createApi(openDb(name), { snapshotDelayMs: 10_000, broadcast: false });
  const book = must(await api.createBook(BOOK));
  const customer = must(await api.saveCustomer(book.id, { name: '杭州恒达贸易有限公司', uscc: '', termsDays: 30, creditLimit: null, contacts: [], tags: [], notes: '' }));
  must(await api.saveInvoice(book.id, invoiceInput(customer.id, 'A-1', '2025-01-10', '2025-02-09', 100_000)));
  const paid = must(await api.recordPayment(book.id, {
    customerId: customer.id, date: '2025-03-10', amount: 130_000, method: 'bank', reference: 'REF-1', allocation: 'auto',
  }));
  expect(paid.credit).toBe(30_000);
  const later = must(await api.saveInvoice(book.id, invoiceInput(customer.id, 'A-3', '2025-05-01', '2025-05-31', 50_000)));
  return { api, book, customer, payment: paid.payment, later };
}

async function rebuilt(bookId: string): Promise<Ledger> {
  const db = openDb(name);
  try {
    const read = await readBookRecords(db, bookId);
    if (!read) throw new Error('book not found');
    return Ledger.fromRecords(read.records);
  } finally {
    db.close();
  }
}

describe('applyPayment through the worker', () => {
  it('moves the credit onto the new invoice from its issue date on, in the dashboard and the invoice balance', async () => {
    const { api, book, customer, payment, later } = await setUp();
    // The ledger is loaded before the write, so the write reaches it incrementally.
    expect(await api.dashboard(book.id, TODAY)).toMatchObject({ totalOpen: 50_000, unappliedCredit: 30_000 });

    const r = must(await api.applyPayment(book.id, payment.id, 'auto'));
    expect(r.allocations.map((a) => [a.invoiceId, a.amount, a.date])).toEqual([[later.id, 30_000, '2025-05-01']]);
    expect(r.credit).toBe(0);

    const today = await api.dashboard(book.id, TODAY);
    expect(today).toMatchObject({ totalOpen: 20_000, overdue: 20_000, unappliedCredit: 0 });
    expect(today.aging.net).toBe(20_000);
    expect(today.recent[0]).toMatchObject({ action: 'payment.apply', undone: false });
    expect(today.recent[0]?.params).toMatchObject({ amount: '300.00', currency: 'CNY', customer: '杭州恒达贸易有限公司' });
    expect((await api.invoiceDetail(book.id, later.id, TODAY))?.balance).toBe(20_000);
    const rows = await api.listInvoices(book.id, { asOf: TODAY, customerId: customer.id, offset: 0, limit: 10, sort: 'number' });
    expect(rows.rows.map((x) => [x.number, x.balance, x.status])).toEqual([['A-1', 0, 'paid'], ['A-3', 20_000, 'overdue']]);

    // Before A-3 existed, the 300.00 was still unapplied credit, as it was that day.
    const past = await api.dashboard(book.id, BETWEEN);
    expect(past).toMatchObject({ totalOpen: 0, unappliedCredit: 30_000 });
    expect(past.aging.net).toBe(-30_000);
    expect(await api.invoiceDetail(book.id, later.id, BETWEEN)).toMatchObject({ balance: 0, status: 'notYetIssued' });
    // From its issue day on, A-3 carries only the rest.
    expect(await api.dashboard(book.id, '2025-05-01')).toMatchObject({ totalOpen: 20_000, unappliedCredit: 0 });

    const customerNow = await api.customerDetail(book.id, customer.id, TODAY, 0);
    expect(customerNow).toMatchObject({ open: 20_000, credit: 0 });
    expect(customerNow?.payments.map((p) => p.unapplied)).toEqual([0]);
    expect(await api.customerDetail(book.id, customer.id, BETWEEN, 0)).toMatchObject({ open: 0, credit: 30_000 });

    const fresh = await rebuilt(book.id);
    for (const asOf of [TODAY, BETWEEN, '2025-03-10', '2025-05-01', '2025-05-31']) {
      expect({ ...(await api.dashboard(book.id, asOf)), recent: [], computeMs: 0 }).toEqual({ ...fresh.dashboard(asOf), recent: [], computeMs: 0 });
    }

    // Undo puts the credit back for today too.
    expect(must(await api.undo(book.id))).toEqual({ action: 'payment.apply' });
    expect(await api.dashboard(book.id, TODAY)).toMatchObject({ totalOpen: 50_000, unappliedCredit: 30_000 });
    expect((await api.invoiceDetail(book.id, later.id, TODAY))?.balance).toBe(50_000);
  });

  it('passes validation errors through and writes nothing', async () => {
    const { api, book, payment, later } = await setUp();
    const over = await api.applyPayment(book.id, payment.id, [{ invoiceId: later.id, amount: 30_001 }]);
    expect(over).toEqual({ ok: false, errors: [{ field: 'amount', code: 'payment.overAllocated', params: { allocated: 30_001, amount: 30_000 } }] });
    expect(await api.applyPayment(book.id, 'nope', 'auto')).toEqual({ ok: false, errors: [{ field: '', code: 'payment.notFound' }] });
    expect(await api.dashboard(book.id, TODAY)).toMatchObject({ totalOpen: 50_000, unappliedCredit: 30_000 });
  });
});
