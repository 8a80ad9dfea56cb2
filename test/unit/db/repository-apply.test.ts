import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Id, Invoice, Payment } from '../../../src/domain/types';
import { addDays } from '../../../src/domain/calendar';
import { ledgerEntries, openBalance } from '../../../src/domain/balance';
import { computeOpenItems } from '../../../src/db/repository';
import { bookInput, customerInput, dumpRecords, freshEnv, invoiceInput, must, paymentInput, type Env } from './fixtures';

let env: Env;
let customerId: Id;
let A: Invoice, B: Invoice, N: Invoice, M: Invoice;
/** Received 2024-03-01: 200.00, of which 50.00 is left as credit after paying A and B. */
let P: Payment;

// A and B are paid by P on its date; N (issued 04-01, due 05-01) and M (issued
// 05-10, due 06-09) are issued later, when P's leftover credit already exists.
beforeEach(async () => {
  env = await freshEnv();
  customerId = must(await env.repo.saveCustomer(env.bookId, customerInput())).id;
  const inv = async (number: string, issueDate: string, dueDate: string, amount: number) =>
    must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number, issueDate, dueDate, amount })));
  A = await inv('A', '2024-01-01', '2024-01-31', 100_00);
  B = await inv('B', '2024-01-05', '2024-01-20', 50_00);
  const paid = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { date: '2024-03-01', amount: 200_00 })));
  expect(paid.credit).toBe(50_00);
  P = paid.payment;
  M = await inv('M', '2024-05-10', '2024-06-09', 30_00);
  N = await inv('N', '2024-04-01', '2024-05-01', 40_00);
});
afterEach(async () => { await env.close(); });

const balances = async (asOf: string) =>
  Object.fromEntries((await computeOpenItems(env.db, env.bookId, customerId, asOf)).map((i) => [i.number, i.balance]));

/** The customer's unapplied credit as of a date: payments dated <= D less allocations dated <= D. */
async function creditAsOf(asOf: string): Promise<number> {
  const live = <T extends { deleted: 0 | 1; date: string }>(r: T) => r.deleted === 0 && r.date <= asOf;
  const paid = (await env.db.payments.toArray()).filter(live).reduce((s, p) => s + p.amount, 0);
  const applied = (await env.db.allocations.toArray()).filter(live).reduce((s, a) => s + a.amount, 0);
  return paid - applied;
}

const lines = (r: { allocations: { invoiceId: Id; amount: number; date: string }[] }) =>
  r.allocations.map((a) => [a.invoiceId, a.amount, a.date]);

describe('applyPayment: automatic', () => {
  it('applies the leftover credit oldest due first, each dated when the invoice was issued', async () => {
    const r = must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    expect(r.payment).toEqual(P);
    expect(lines(r)).toEqual([[N.id, 40_00, '2024-04-01'], [M.id, 10_00, '2024-05-10']]);
    expect(r.credit).toBe(0);
    for (const a of r.allocations) expect(a).toMatchObject({ paymentId: P.id, customerId, bookId: env.bookId, deleted: 0 });
    expect(await balances('2024-12-31')).toEqual({ M: 20_00 });
  });

  it('logs only the new allocations, as one payment.apply batch', async () => {
    const seen: { action: string; batch: string; table: string }[] = [];
    env.repo.onChanges((changes) => seen.push(...changes));
    must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    expect(seen.map((c) => c.table)).toEqual(['allocations', 'allocations']);
    expect(seen.every((c) => c.action === 'payment.apply')).toBe(true);
    expect(new Set(seen.map((c) => c.batch)).size).toBe(1);
  });

  it('keeps what no invoice can take as credit', async () => {
    const big = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { date: '2024-03-02', amount: 100_00 })));
    expect(big.credit).toBe(100_00);
    const r = must(await env.repo.applyPayment(env.bookId, big.payment.id, 'auto'));
    expect(lines(r)).toEqual([[N.id, 40_00, '2024-04-01'], [M.id, 30_00, '2024-05-10']]);
    expect(r.credit).toBe(30_00);
    // P's credit has nothing left to pay.
    const again = must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    expect(again).toEqual({ payment: P, allocations: [], credit: 50_00 });
  });

  it('with nothing unapplied writes and logs nothing', async () => {
    must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    const before = await dumpRecords(env.db);
    const r = must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    expect(r).toEqual({ payment: P, allocations: [], credit: 0 });
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('after an unapply, applies the whole payment again; invoices issued before it on its own date', async () => {
    must(await env.repo.unapplyPayment(env.bookId, P.id));
    const r = must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    expect(lines(r)).toEqual([
      [B.id, 50_00, '2024-03-01'], [A.id, 100_00, '2024-03-01'], [N.id, 40_00, '2024-04-01'], [M.id, 10_00, '2024-05-10'],
    ]);
    expect(r.credit).toBe(0);
  });
});

describe('applyPayment: the allocation date', () => {
  it('leaves every past day as it was: the credit stays unapplied until the invoice exists', async () => {
    const before: Record<string, unknown> = {};
    const days = ['2024-02-29', '2024-03-01', '2024-03-31', '2024-04-01', '2024-05-09', '2024-05-10', '2024-12-31'];
    for (const d of days) before[d] = { open: await balances(d), credit: await creditAsOf(d) };
    must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));

    expect({ open: await balances('2024-02-29'), credit: await creditAsOf('2024-02-29') }).toEqual(before['2024-02-29']);
    // Between the payment and N's issue: nothing has changed, the 50.00 is still credit.
    expect(await balances('2024-03-31')).toEqual({});
    expect(await creditAsOf('2024-03-31')).toBe(50_00);
    expect(before['2024-03-31']).toEqual({ open: {}, credit: 50_00 });
    // N is paid from the day it is issued; 10.00 credit waits for M.
    expect(await balances('2024-04-01')).toEqual({});
    expect(await creditAsOf('2024-04-01')).toBe(10_00);
    expect(await creditAsOf('2024-05-09')).toBe(10_00);
    expect(await balances('2024-05-10')).toEqual({ M: 20_00 });
    expect(await creditAsOf('2024-05-10')).toBe(0);
  });

  it('uses the payment date for an invoice issued before the payment', async () => {
    must(await env.repo.unapplyPayment(env.bookId, P.id));
    const r = must(await env.repo.applyPayment(env.bookId, P.id, [{ invoiceId: A.id, amount: 60_00 }, { invoiceId: N.id, amount: 5_00 }]));
    expect(lines(r)).toEqual([[A.id, 60_00, '2024-03-01'], [N.id, 5_00, '2024-04-01']]);
    expect(r.credit).toBe(135_00);
  });

  it('does not take money a later credit note already took (no balance below zero on any day)', async () => {
    // N is credited down to 5.00 on 06-01; on 04-01 it shows 40.00 open, but only 5.00 can be applied.
    must(await env.repo.addAdjustment(env.bookId, { kind: 'credit', invoiceId: N.id, date: '2024-06-01', amount: 35_00, reason: '', basis: '' }));
    const over = await env.repo.applyPayment(env.bookId, P.id, [{ invoiceId: N.id, amount: 5_01 }]);
    expect(over).toEqual({ ok: false, errors: [{ field: 'allocations.0.amount', code: 'allocation.exceedsBalance', params: { balance: 5_00 } }] });
    const r = must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    expect(lines(r)).toEqual([[N.id, 5_00, '2024-04-01'], [M.id, 30_00, '2024-05-10']]);
    expect(r.credit).toBe(15_00);
    const invoices = await env.db.invoices.toArray();
    const entries = ledgerEntries(await env.db.allocations.toArray(), await env.db.adjustments.toArray());
    for (let d = 0; d < 400; d++) {
      const day = addDays('2024-01-01', d);
      for (const inv of invoices) {
        expect(openBalance(inv, entries.filter((e) => e.invoiceId === inv.id), day)).toBeGreaterThanOrEqual(0);
      }
      expect(await creditAsOf(day)).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('applyPayment: explicit lines', () => {
  it('applies the lines as typed; the rest stays credit', async () => {
    const r = must(await env.repo.applyPayment(env.bookId, P.id, [{ invoiceId: M.id, amount: 30_00 }, { invoiceId: N.id, amount: 0 }, { invoiceId: N.id, amount: 5_00 }]));
    expect(lines(r)).toEqual([[M.id, 30_00, '2024-05-10'], [N.id, 5_00, '2024-04-01']]);
    expect(r.credit).toBe(15_00);
    expect(await balances('2024-12-31')).toEqual({ N: 35_00 });
  });

  it('refuses lines adding up to more than the unapplied part, storing nothing', async () => {
    const before = await dumpRecords(env.db);
    const r = await env.repo.applyPayment(env.bookId, P.id, [{ invoiceId: M.id, amount: 30_00 }, { invoiceId: N.id, amount: 30_00 }]);
    expect(r).toEqual({ ok: false, errors: [{ field: 'amount', code: 'payment.overAllocated', params: { allocated: 60_00, amount: 50_00 } }] });
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('refuses a line above what the invoice can take, or on a paid invoice', async () => {
    const r = await env.repo.applyPayment(env.bookId, P.id, [{ invoiceId: M.id, amount: 30_01 }, { invoiceId: A.id, amount: 1 }]);
    expect(r).toEqual({ ok: false, errors: [
      { field: 'allocations.0.amount', code: 'allocation.exceedsBalance', params: { balance: 30_00 } },
      { field: 'allocations.1.amount', code: 'allocation.exceedsBalance', params: { balance: 0 } },
    ] });
  });

  it("refuses another customer's invoice and an unknown one, storing nothing", async () => {
    const other = must(await env.repo.saveCustomer(env.bookId, customerInput({ name: 'other' })));
    const theirs = must(await env.repo.saveInvoice(env.bookId, invoiceInput(other.id, { number: 'X', issueDate: '2024-04-01', dueDate: '' })));
    const before = await dumpRecords(env.db);
    const r = await env.repo.applyPayment(env.bookId, P.id, [{ invoiceId: theirs.id, amount: 10_00 }, { invoiceId: 'nope', amount: 5_00 }]);
    expect(r).toEqual({ ok: false, errors: [
      { field: 'allocations.0.invoiceId', code: 'allocation.otherCustomer' },
      { field: 'allocations.1.invoiceId', code: 'invoice.notFound' },
    ] });
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('refuses an allocation that is neither auto nor lines', async () => {
    const r = await env.repo.applyPayment(env.bookId, P.id, null as unknown as 'auto');
    expect(r).toEqual({ ok: false, errors: [{ field: 'allocation', code: 'required' }] });
  });
});

describe('applyPayment: which payment', () => {
  it('reports an unknown payment, a deleted one and one of another book', async () => {
    const notFound = { ok: false, errors: [{ field: '', code: 'payment.notFound' }] };
    expect(await env.repo.applyPayment(env.bookId, 'nope', 'auto')).toEqual(notFound);
    const otherBook = must(await env.repo.createBook(bookInput({ name: 'other' })));
    expect(await env.repo.applyPayment(otherBook.id, P.id, 'auto')).toEqual(notFound);
    const fresh = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { date: '2024-03-05', amount: 10_00 })));
    must(await env.repo.undoLast(env.bookId));
    expect(await env.repo.applyPayment(env.bookId, fresh.payment.id, 'auto')).toEqual(notFound);
  });
});

describe('applyPayment: undo', () => {
  it('restores every balance and the credit exactly; unapply also takes back applied credit', async () => {
    const days = ['2024-03-01', '2024-04-01', '2024-05-10', '2024-12-31'];
    const snapshot = async () => Promise.all(days.map(async (d) => ({ open: await balances(d), credit: await creditAsOf(d) })));
    const liveRecords = async () => {
      const all = await dumpRecords(env.db);
      return Object.fromEntries(Object.entries(all).filter(([t]) => t !== 'changes')
        .map(([t, rows]) => [t, (rows as { deleted?: number }[]).filter((r) => r.deleted !== 1)]));
    };
    const before = await snapshot();
    const liveBefore = await liveRecords();
    const r = must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    expect(await snapshot()).not.toEqual(before);
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'payment.apply' });
    expect(await snapshot()).toEqual(before);
    expect(await liveRecords()).toEqual(liveBefore);
    expect((await env.db.allocations.bulkGet(r.allocations.map((a) => a.id))).map((a) => a?.deleted)).toEqual([1, 1]);

    // Applied again, then unapplied: the whole payment is credit.
    must(await env.repo.applyPayment(env.bookId, P.id, 'auto'));
    must(await env.repo.unapplyPayment(env.bookId, P.id));
    expect(await creditAsOf('2024-12-31')).toBe(200_00);
    expect(await balances('2024-12-31')).toEqual({ A: 100_00, B: 50_00, N: 40_00, M: 30_00 });
  });
});
