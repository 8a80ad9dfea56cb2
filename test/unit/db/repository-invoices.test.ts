import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id } from '../../../src/domain/types';
import { bookInput, customerInput, dumpRecords, freshEnv, invoiceInput, must, paymentInput, type Env } from './fixtures';

let env: Env;
let customerId: Id;
beforeEach(async () => {
  env = await freshEnv();
  customerId = must(await env.repo.saveCustomer(env.bookId, customerInput({ termsDays: 45 }))).id;
});
afterEach(async () => { await env.close(); });

describe('saveInvoice: create', () => {
  it('stores the invoice with the book currency when none is given', async () => {
    const inv = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: ' INV-7 ', description: ' d ' })));
    expect(inv).toMatchObject({
      bookId: env.bookId, customerId, number: 'INV-7', issueDate: '2024-01-10', dueDate: '2024-02-09',
      amount: 100_00, currency: 'CNY', description: 'd', disputed: 0, disputeReason: '', deleted: 0,
    });
    expect(await env.db.invoices.get(inv.id)).toEqual(inv);
    const log = await env.repo.changesSince(env.bookId, 0);
    expect(log.at(-1)).toMatchObject({ table: 'invoices', action: 'invoice.create', recordId: inv.id, before: null, after: inv });
  });

  it('an empty due date is the issue date plus the customer terms', async () => {
    const inv = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { issueDate: '2024-01-20', dueDate: '' })));
    expect(inv.dueDate).toBe('2024-03-05'); // 45 days, across the leap day
  });

  it('stores the dispute flag as 0/1', async () => {
    const inv = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { disputed: true, disputeReason: ' 数量不符 ' })));
    expect(inv.disputed).toBe(1);
    expect(inv.disputeReason).toBe('数量不符');
  });

  it('rejects a duplicate number in the same book', async () => {
    must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: 'A-1' })));
    const before = await dumpRecords(env.db);
    const r = await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: ' A-1 ' }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'number', code: 'invoice.duplicateNumber', params: { number: 'A-1' } }] });
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('allows the same number in another book', async () => {
    must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: 'A-1' })));
    const other = must(await env.repo.createBook(bookInput({ name: 'other' })));
    const c2 = must(await env.repo.saveCustomer(other.id, customerInput()));
    expect((await env.repo.saveInvoice(other.id, invoiceInput(c2.id, { number: 'A-1' }))).ok).toBe(true);
  });

  it('rejects a due date before the issue date', async () => {
    const r = await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { issueDate: '2024-03-01', dueDate: '2024-02-29' }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'dueDate', code: 'invoice.dueBeforeIssue' }] });
  });

  it('accepts a due date equal to the issue date', async () => {
    expect((await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { issueDate: '2024-03-01', dueDate: '2024-03-01' }))).ok).toBe(true);
  });

  it('rejects an unknown customer, and a customer of another book', async () => {
    const other = must(await env.repo.createBook(bookInput({ name: 'other' })));
    const foreign = must(await env.repo.saveCustomer(other.id, customerInput()));
    for (const id of ['nobody', foreign.id]) {
      expect(await env.repo.saveInvoice(env.bookId, invoiceInput(id))).toEqual({ ok: false, errors: [{ field: 'customerId', code: 'customer.notFound' }] });
    }
    expect(await env.db.invoices.count()).toBe(0);
  });

  it('names every bad field: number, dates, amount', async () => {
    const r = await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: '', issueDate: '2023-02-29', dueDate: '2024/01/01', amount: 0 }));
    expect(r).toEqual({ ok: false, errors: [
      { field: 'number', code: 'required' },
      { field: 'issueDate', code: 'date.invalid' },
      { field: 'dueDate', code: 'date.invalid' },
      { field: 'amount', code: 'money.zero' },
    ] });
  });

  it.each([
    [-5, 'money.negative'],
    [1.5, 'money.invalid'],
    [Number.MAX_SAFE_INTEGER + 2, 'money.tooLarge'],
    [Number.NaN, 'money.invalid'],
  ])('rejects the amount %s with %s', async (amount, code) => {
    const r = await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { amount }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'amount', code }] });
  });
});

describe('saveInvoice: update', () => {
  it('keeps its own number and logs before/after', async () => {
    const inv = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId)));
    const upd = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { amount: 120_00, disputed: true }), inv.id));
    expect(upd).toMatchObject({ id: inv.id, number: 'INV-1', amount: 120_00, disputed: 1 });
    expect(upd.updatedAt > inv.updatedAt).toBe(true);
    expect(await env.db.invoices.count()).toBe(1);
    const log = await env.repo.changesSince(env.bookId, 0);
    expect(log.at(-1)).toMatchObject({ action: 'invoice.update', before: inv, after: upd });
  });

  it('cannot take another invoice\'s number', async () => {
    must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: 'A' })));
    const b = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: 'B' })));
    const r = await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: 'A' }), b.id);
    expect(r).toEqual({ ok: false, errors: [{ field: 'number', code: 'invoice.duplicateNumber', params: { number: 'A' } }] });
  });

  it('reports an unknown invoice', async () => {
    expect(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId), 'missing')).toEqual({ ok: false, errors: [{ field: '', code: 'invoice.notFound' }] });
  });

  it('cannot shrink below what was already paid on it', async () => {
    const inv = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { amount: 100_00 })));
    must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 70_00 })));
    const r = await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { amount: 60_00 }), inv.id);
    expect(r).toEqual({ ok: false, errors: [{ field: 'amount', code: 'allocation.exceedsBalance', params: { minimum: 70_00 } }] });
    expect((await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { amount: 70_00 }), inv.id)).ok).toBe(true);
  });

  it('cannot move to another customer once payments are applied', async () => {
    const inv = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId)));
    const other = must(await env.repo.saveCustomer(env.bookId, customerInput({ name: '丁' })));
    must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 10_00 })));
    const r = await env.repo.saveInvoice(env.bookId, invoiceInput(other.id), inv.id);
    expect(r).toEqual({ ok: false, errors: [{ field: 'customerId', code: 'allocation.otherCustomer' }] });
  });

  it('can move to another customer while nothing is applied', async () => {
    const inv = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId)));
    const other = must(await env.repo.saveCustomer(env.bookId, customerInput({ name: '丁' })));
    expect(must(await env.repo.saveInvoice(env.bookId, invoiceInput(other.id), inv.id)).customerId).toBe(other.id);
  });
});
