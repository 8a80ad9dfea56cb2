import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, Invoice } from '../../../src/domain/types';
import { computeAllocatableItems, computeOpenItems } from '../../../src/db/repository';
import { customerInput, dumpRecords, freshEnv, invoiceInput, must, paymentInput, type Env } from './fixtures';

let env: Env;
let customerId: Id;
let A: Invoice, B: Invoice, C: Invoice, D: Invoice;

// Due order: B (01-20), A (01-31), C (03-15); D is issued after the payment date used below.
beforeEach(async () => {
  env = await freshEnv();
  customerId = must(await env.repo.saveCustomer(env.bookId, customerInput())).id;
  const inv = async (number: string, issueDate: string, dueDate: string, amount: number) =>
    must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number, issueDate, dueDate, amount })));
  A = await inv('A', '2024-01-01', '2024-01-31', 100_00);
  B = await inv('B', '2024-01-05', '2024-01-20', 50_00);
  C = await inv('C', '2024-02-15', '2024-03-15', 80_00);
  D = await inv('D', '2024-04-01', '2024-05-01', 30_00);
});
afterEach(async () => { await env.close(); });

const balances = async (asOf: string) =>
  Object.fromEntries((await computeOpenItems(env.db, env.bookId, customerId, asOf)).map((i) => [i.number, i.balance]));

describe('computeOpenItems', () => {
  it('lists invoices open as of a date, oldest due first, leaving out those not yet issued', async () => {
    const items = await computeOpenItems(env.db, env.bookId, customerId, '2024-03-01');
    expect(items.map((i) => [i.number, i.balance])).toEqual([['B', 50_00], ['A', 100_00], ['C', 80_00]]);
    expect(items[0]).toEqual({ invoiceId: B.id, number: 'B', issueDate: '2024-01-05', dueDate: '2024-01-20', balance: 50_00 });
    expect(await balances('2024-01-04')).toEqual({ A: 100_00 });
    expect(await balances('2024-04-01')).toEqual({ A: 100_00, B: 50_00, C: 80_00, D: 30_00 });
  });
});

describe('recordPayment: automatic allocation', () => {
  it('pays oldest due first with the balances on the payment date; the rest is credit', async () => {
    const r = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 300_00, reference: ' TX1 ' })));
    expect(r.payment).toMatchObject({ bookId: env.bookId, customerId, date: '2024-03-01', amount: 300_00, method: 'bank', reference: 'TX1', deleted: 0 });
    expect(r.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([[B.id, 50_00], [A.id, 100_00], [C.id, 80_00]]);
    expect(r.credit).toBe(70_00);
    for (const a of r.allocations) {
      expect(a).toMatchObject({ paymentId: r.payment.id, customerId, date: '2024-03-01', bookId: env.bookId, deleted: 0 });
    }
    expect(await env.db.allocations.count()).toBe(3);
    expect(await balances('2024-03-01')).toEqual({});
    // D was issued after the payment: untouched.
    expect(await balances('2024-04-01')).toEqual({ D: 30_00 });
  });

  it('stops part-way through an invoice', async () => {
    const r = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 120_00 })));
    expect(r.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([[B.id, 50_00], [A.id, 70_00]]);
    expect(r.credit).toBe(0);
    expect(await balances('2024-03-01')).toEqual({ A: 30_00, C: 80_00 });
  });

  it('logs the payment and its allocations as one batch', async () => {
    const seen: { action: string; batch: string; table: string; seq?: number }[] = [];
    env.repo.onChanges((changes) => seen.push(...changes));
    const start = await env.repo.lastSeq(env.bookId);
    must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 60_00 })));
    expect(seen.map((c) => c.table)).toEqual(['payments', 'allocations', 'allocations']);
    expect(new Set(seen.map((c) => c.batch)).size).toBe(1);
    expect(seen.every((c) => c.action === 'payment.record')).toBe(true);
    expect(seen.map((c) => c.seq)).toEqual([start + 1, start + 2, start + 3]);
    expect(await env.repo.changesSince(env.bookId, start)).toEqual(seen);
  });

  it('does not apply a back-dated payment to money a later payment already took', async () => {
    must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { date: '2024-03-01', amount: 100_00, allocation: [{ invoiceId: A.id, amount: 100_00 }] })));
    // On 02-01 A still shows open, but all of it is taken on 03-01.
    expect(await balances('2024-02-01')).toEqual({ A: 100_00, B: 50_00 });
    expect((await computeAllocatableItems(env.db, env.bookId, customerId, '2024-02-01')).map((i) => i.number)).toEqual(['B']);
    const r = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { date: '2024-02-01', amount: 100_00 })));
    expect(r.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([[B.id, 50_00]]);
    expect(r.credit).toBe(50_00);
    // No balance goes below zero on any date.
    for (const day of ['2024-02-01', '2024-03-01', '2024-12-31']) {
      for (const item of await computeAllocatableItems(env.db, env.bookId, customerId, day, true)) {
        expect(item.balance).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('with nothing open keeps the whole payment as credit', async () => {
    const r = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { date: '2023-12-31', amount: 10_00 })));
    expect(r.allocations).toEqual([]);
    expect(r.credit).toBe(10_00);
    expect(await env.db.payments.count()).toBe(1);
  });
});

describe('recordPayment: explicit allocation', () => {
  it('applies the lines as typed; the rest is credit', async () => {
    const r = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, {
      amount: 150_00, allocation: [{ invoiceId: C.id, amount: 20_00 }, { invoiceId: B.id, amount: 0 }, { invoiceId: A.id, amount: 100_00 }],
    })));
    expect(r.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([[C.id, 20_00], [A.id, 100_00]]);
    expect(r.credit).toBe(30_00);
    expect(await balances('2024-03-01')).toEqual({ B: 50_00, C: 60_00 });
  });

  it('rejects lines adding up to more than the payment (over-allocated)', async () => {
    const before = await dumpRecords(env.db);
    const r = await env.repo.recordPayment(env.bookId, paymentInput(customerId, {
      amount: 100_00, allocation: [{ invoiceId: A.id, amount: 100_00 }, { invoiceId: B.id, amount: 50_00 }],
    }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'amount', code: 'payment.overAllocated', params: { allocated: 150_00, amount: 100_00 } }] });
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('rejects a line above the invoice balance, naming the line', async () => {
    const r = await env.repo.recordPayment(env.bookId, paymentInput(customerId, {
      amount: 500_00, allocation: [{ invoiceId: B.id, amount: 10_00 }, { invoiceId: A.id, amount: 100_01 }],
    }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'allocations.1.amount', code: 'allocation.exceedsBalance', params: { balance: 100_00 } }] });
  });

  it('rejects a line on an invoice not yet issued on the payment date', async () => {
    const r = await env.repo.recordPayment(env.bookId, paymentInput(customerId, { allocation: [{ invoiceId: D.id, amount: 1 }] }));
    expect(r).toEqual({ ok: false, errors: [{ field: 'allocations.0.amount', code: 'allocation.exceedsBalance', params: { balance: 0 } }] });
  });

  it('rejects an invoice of another customer, and an unknown invoice', async () => {
    const other = must(await env.repo.saveCustomer(env.bookId, customerInput({ name: 'other' })));
    const theirs = must(await env.repo.saveInvoice(env.bookId, invoiceInput(other.id, { number: 'X' })));
    const r = await env.repo.recordPayment(env.bookId, paymentInput(customerId, {
      allocation: [{ invoiceId: theirs.id, amount: 10_00 }, { invoiceId: 'nope', amount: 5_00 }],
    }));
    expect(r).toEqual({ ok: false, errors: [
      { field: 'allocations.0.invoiceId', code: 'allocation.otherCustomer' },
      { field: 'allocations.1.invoiceId', code: 'invoice.notFound' },
    ] });
    expect(await env.db.payments.count()).toBe(0);
  });

  it('counts repeated lines for one invoice together', async () => {
    const r = await env.repo.recordPayment(env.bookId, paymentInput(customerId, {
      amount: 100_00, allocation: [{ invoiceId: B.id, amount: 30_00 }, { invoiceId: B.id, amount: 30_00 }],
    }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: 'allocations.1.amount', code: 'allocation.exceedsBalance' });
  });
});

describe('recordPayment: bad input', () => {
  it.each([
    [{ amount: 0 }, 'amount', 'money.zero'],
    [{ amount: -100 }, 'amount', 'money.negative'],
    [{ amount: 10.5 }, 'amount', 'money.invalid'],
    [{ date: '2024-02-30' }, 'date', 'date.invalid'],
    [{ date: '' }, 'date', 'required'],
    [{ customerId: 'nobody' }, 'customerId', 'customer.notFound'],
  ])('%o -> %s %s', async (over, field, code) => {
    const r = await env.repo.recordPayment(env.bookId, paymentInput(customerId, over));
    expect(r).toEqual({ ok: false, errors: [{ field, code }] });
    expect(await env.db.payments.count()).toBe(0);
  });
});

describe('unapplyPayment', () => {
  it('tombstones the allocations and restores every balance exactly; the payment stays as credit', async () => {
    const before = await balances('2024-03-01');
    const { payment, allocations } = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 120_00 })));
    const r = must(await env.repo.unapplyPayment(env.bookId, payment.id));
    expect(r).toEqual(payment);
    expect(await balances('2024-03-01')).toEqual(before);
    const stored = await env.db.allocations.bulkGet(allocations.map((a) => a.id));
    expect(stored.map((a) => a?.deleted)).toEqual([1, 1]);
    expect(stored.every((a, i) => (a?.updatedAt ?? '') > (allocations[i]?.updatedAt ?? ''))).toBe(true);
    expect(await env.db.payments.get(payment.id)).toEqual(payment);
    const log = await env.repo.changesSince(env.bookId, 0);
    const unapply = log.filter((c) => c.action === 'payment.unapply');
    expect(unapply.map((c) => c.recordId).sort()).toEqual(allocations.map((a) => a.id).sort());
    // Re-applying works on the restored balances.
    const again = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 230_00 })));
    expect(again.credit).toBe(0);
  });

  it('reports an unknown payment or one of another book', async () => {
    expect(await env.repo.unapplyPayment(env.bookId, 'nope')).toEqual({ ok: false, errors: [{ field: '', code: 'payment.notFound' }] });
  });
});
