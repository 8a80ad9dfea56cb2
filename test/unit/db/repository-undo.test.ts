import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change, Id } from '../../../src/domain/types';
import { computeOpenItems } from '../../../src/db/repository';
import { bookInput, customerInput, freshEnv, invoiceInput, must, paymentInput, type Env } from './fixtures';

let env: Env;
let customerId: Id;
beforeEach(async () => {
  env = await freshEnv();
  customerId = must(await env.repo.saveCustomer(env.bookId, customerInput())).id;
});
afterEach(async () => { await env.close(); });

const balances = async (asOf = '2024-12-31') =>
  Object.fromEntries((await computeOpenItems(env.db, env.bookId, customerId, asOf)).map((i) => [i.number, i.balance]));

async function invoice(number: string, amount: number, issueDate = '2024-01-10') {
  return must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number, amount, issueDate, dueDate: '' })));
}

describe('undoLast', () => {
  it('undoes an invoice creation with a tombstone, never a delete', async () => {
    const inv = await invoice('A', 100_00);
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'invoice.create' });
    const stored = await env.db.invoices.get(inv.id);
    expect(stored).toEqual({ ...inv, deleted: 1, updatedAt: stored?.updatedAt });
    expect((stored?.updatedAt ?? '') > inv.updatedAt).toBe(true);
    expect(await balances()).toEqual({});
    // The number is free again.
    expect((await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: 'A' }))).ok).toBe(true);
  });

  it('undoes an update by writing the earlier state back with a fresh stamp', async () => {
    const inv = await invoice('A', 100_00);
    const upd = must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: 'A2', amount: 150_00 }), inv.id));
    must(await env.repo.undoLast(env.bookId));
    const stored = await env.db.invoices.get(inv.id);
    expect(stored).toEqual({ ...inv, updatedAt: stored?.updatedAt });
    expect((stored?.updatedAt ?? '') > upd.updatedAt).toBe(true);
  });

  it('undoes a payment: payment and allocations tombstoned, balances exactly as before', async () => {
    await invoice('A', 100_00);
    await invoice('B', 50_00, '2024-01-20');
    const before = await balances();
    const { payment, allocations } = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 120_00 })));
    expect(await balances()).not.toEqual(before);
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'payment.record' });
    expect(await balances()).toEqual(before);
    expect((await env.db.payments.get(payment.id))?.deleted).toBe(1);
    expect((await env.db.allocations.bulkGet(allocations.map((a) => a.id))).map((a) => a?.deleted)).toEqual([1, 1]);
    expect(await env.db.payments.count()).toBe(1); // still there, as a tombstone
  });

  it('undoes an unapply: the allocations come back exactly', async () => {
    await invoice('A', 100_00);
    const { payment } = must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 40_00 })));
    const paid = await balances();
    must(await env.repo.unapplyPayment(env.bookId, payment.id));
    expect(await balances()).toEqual({ A: 100_00 });
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'payment.unapply' });
    expect(await balances()).toEqual(paid);
    expect(paid).toEqual({ A: 60_00 });
  });

  it.each(['credit', 'writeoff', 'charge'] as const)('undoes a %s adjustment', async (kind) => {
    const inv = await invoice('A', 100_00);
    const a = must(await env.repo.addAdjustment(env.bookId, { kind, invoiceId: inv.id, date: '2024-02-01', amount: 25_00, reason: '', basis: '' }));
    expect(await balances()).toEqual({ A: kind === 'charge' ? 125_00 : 75_00 });
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: `adjustment.${kind}` });
    expect(await balances()).toEqual({ A: 100_00 });
    expect((await env.db.adjustments.get(a.id))?.deleted).toBe(1);
  });

  it('undoes customer and book edits', async () => {
    const original = await env.db.customers.get(customerId);
    must(await env.repo.saveCustomer(env.bookId, customerInput({ name: 'renamed', tags: ['x'] }), customerId));
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'customer.update' });
    expect(await env.db.customers.get(customerId)).toMatchObject({ ...original, updatedAt: expect.any(String) });
    const book = await env.db.books.get(env.bookId);
    must(await env.repo.updateBook(env.bookId, bookInput({ name: 'renamed book' })));
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'book.update' });
    expect((await env.db.books.get(env.bookId))?.name).toBe(book?.name);
  });

  it('repeated undo walks back through history, skipping undo batches, until nothing is left', async () => {
    const inv = await invoice('A', 100_00);
    must(await env.repo.saveInvoice(env.bookId, invoiceInput(customerId, { number: 'A', amount: 80_00 }), inv.id));
    must(await env.repo.recordPayment(env.bookId, paymentInput(customerId, { amount: 30_00 })));
    expect(await balances()).toEqual({ A: 50_00 });

    const actions: string[] = [];
    for (;;) {
      const r = await env.repo.undoLast(env.bookId);
      if (!r.ok) {
        expect(r.errors).toEqual([{ field: '', code: 'undo.nothing' }]);
        break;
      }
      actions.push(r.value.action);
      if (r.value.action === 'payment.record') expect(await balances()).toEqual({ A: 80_00 });
      if (r.value.action === 'invoice.update') expect(await balances()).toEqual({ A: 100_00 });
    }
    expect(actions).toEqual(['payment.record', 'invoice.update', 'invoice.create', 'customer.create', 'book.create']);
    expect((await env.db.books.get(env.bookId))?.deleted).toBe(1);
    // Every original batch is flagged undone; the undo batches are not.
    const log = await env.repo.changesSince(env.bookId, 0);
    for (const c of log) expect(c.undone).toBe(c.action === 'undo' ? 0 : 1);
  });

  it('logs the undo as its own batch and tells listeners', async () => {
    const inv = await invoice('A', 100_00);
    const seen: Change[] = [];
    env.repo.onChanges((c) => seen.push(...c));
    const start = await env.repo.lastSeq(env.bookId);
    must(await env.repo.undoLast(env.bookId));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ seq: start + 1, action: 'undo', table: 'invoices', recordId: inv.id, before: inv, undone: 0 });
    expect((seen[0]?.after as { deleted: number }).deleted).toBe(1);
  });

  it('reports undo.nothing for a book with no history, and keeps books apart', async () => {
    expect(await env.repo.undoLast('no-such-book')).toEqual({ ok: false, errors: [{ field: '', code: 'undo.nothing' }] });
    const other = must(await env.repo.createBook(bookInput({ name: 'other' })));
    // Undo in the first book does not touch the other book's newer batch.
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'customer.create' });
    expect((await env.db.books.get(other.id))?.deleted).toBe(0);
  });

  it('refuses to undo a record changed since (e.g. by sync) and changes nothing', async () => {
    const inv = await invoice('A', 100_00);
    await env.db.invoices.put({ ...inv, amount: 1, updatedAt: '999999999999999-000000-other' });
    const seqBefore = await env.repo.lastSeq(env.bookId);
    expect(await env.repo.undoLast(env.bookId)).toEqual({ ok: false, errors: [{ field: '', code: 'undo.conflict', params: { action: 'invoice.create' } }] });
    expect(await env.repo.lastSeq(env.bookId)).toBe(seqBefore);
    expect((await env.repo.changesSince(env.bookId, 0)).every((c) => c.undone === 0)).toBe(true);
  });
});
