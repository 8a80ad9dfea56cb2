import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceInput } from '../../../src/api/contract';
import type { Customer, Id, Invoice } from '../../../src/domain/types';
import type { BulkRecords } from '../../../src/db/repository';
import { appendChanges, UNDO_ACTION } from '../../../src/db/changelog';
import { CHUNK_SIZE } from '../../../src/db/write-batch';
import { dumpRecords, freshEnv, must, type Env } from './fixtures';

let env: Env;
beforeEach(async () => { env = await freshEnv(); });
afterEach(async () => { await env.close(); });

function records(bookId: Id, invoiceCount: number): BulkRecords {
  const customer: Customer = {
    id: crypto.randomUUID(), bookId, updatedAt: '', deleted: 0, name: '甲', uscc: '', termsDays: 30,
    creditLimit: null, contacts: [], tags: [], notes: '',
  };
  const invoices: Invoice[] = Array.from({ length: invoiceCount }, (_, i) => ({
    id: crypto.randomUUID(), bookId: 'will-be-replaced', updatedAt: 'old', deleted: 0, customerId: customer.id,
    number: `D-${i}`, issueDate: '2024-01-01', dueDate: '2024-01-31', amount: 100 + i, currency: 'CNY',
    description: '', disputed: 0, disputeReason: '',
  }));
  return { customers: [customer], invoices, payments: [], allocations: [], adjustments: [], activities: [] };
}

describe('bulkInsert', () => {
  it('writes every record as one batch, logged by id in chunks, with progress', async () => {
    const n = CHUNK_SIZE + 500;
    const recs = records(env.bookId, n);
    const progress: [number, number][] = [];
    const heard: number[] = [];
    env.repo.onChanges((c) => heard.push(c.length));
    const start = await env.repo.lastSeq(env.bookId);
    const r = await env.repo.bulkInsert(env.bookId, recs, 'demo.load', (done, total) => progress.push([done, total]));
    expect(r).toEqual({ ok: true, value: { count: n + 1 } });
    expect(progress).toEqual([[1, n + 1], [CHUNK_SIZE + 1, n + 1], [n + 1, n + 1]]);
    expect(heard).toEqual([n + 1]);

    expect(await env.db.invoices.where('[bookId+deleted]').equals([env.bookId, 0]).count()).toBe(n);
    const sample = await env.db.invoices.get(recs.invoices[7]?.id ?? '');
    expect(sample).toMatchObject({ bookId: env.bookId, number: 'D-7', amount: 107 });
    expect(sample?.updatedAt).toMatch(/-device-a$/);

    // Stored: one compact entry per table and chunk, not a copy of each record.
    const logged = await env.db.changes.where('[bookId+seq]').above([env.bookId, start]).toArray();
    expect(logged.map((c) => [c.table, c.bulk?.op, c.bulk?.ids.length, c.bulk?.total, c.after])).toEqual([
      ['customers', 'insert', 1, n + 1, null],
      ['invoices', 'insert', CHUNK_SIZE, n + 1, null],
      ['invoices', 'insert', n - CHUNK_SIZE, n + 1, null],
    ]);
    // Read back: one change per record, the record as stored.
    const changes = await env.repo.changesSince(env.bookId, start);
    expect(changes).toHaveLength(n + 1);
    expect(changes[8]?.after).toEqual(await env.db.invoices.get(changes[8]?.recordId ?? ''));
    expect(new Set(changes.map((c) => c.batch)).size).toBe(1);
    expect(changes.every((c) => c.action === 'demo.load' && c.before === null)).toBe(true);
    expect(changes.map((c) => c.table).slice(0, 2)).toEqual(['customers', 'invoices']);
    expect(await env.repo.lastSeq(env.bookId)).toBe(start + 3);
  });

  it('refuses an id already stored and writes nothing', async () => {
    const recs = records(env.bookId, 5);
    must(await env.repo.bulkInsert(env.bookId, recs, 'import'));
    const before = await dumpRecords(env.db);
    const again = records(env.bookId, 5);
    again.invoices[3] = { ...(recs.invoices[3] as Invoice) };
    const r = await env.repo.bulkInsert(env.bookId, again, 'import');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.code).toBe('storage.failed');
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('writes nothing when a record in a later chunk cannot be stored', async () => {
    const recs = records(env.bookId, CHUNK_SIZE + 10);
    // A function cannot be cloned into IndexedDB: the put in the second chunk throws.
    (recs.invoices[CHUNK_SIZE + 5] as unknown as Record<string, unknown>).description = () => 'not storable';
    const before = await dumpRecords(env.db);
    const progress: number[] = [];
    const r = await env.repo.bulkInsert(env.bookId, recs, 'demo.load', (done) => progress.push(done));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: '', code: 'storage.failed', params: { detail: expect.any(String) } });
    expect(progress).toEqual([1, CHUNK_SIZE + 1]); // the customer and the first chunk had been written before the failure
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('writes nothing when a record has no id', async () => {
    const recs = records(env.bookId, 20);
    (recs.invoices[10] as unknown as Record<string, unknown>).id = undefined;
    const before = await dumpRecords(env.db);
    const r = await env.repo.bulkInsert(env.bookId, recs, 'demo.load');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.code).toBe('storage.failed');
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('reports a full disk as storage.quota and writes nothing', async () => {
    const recs = records(env.bookId, CHUNK_SIZE + 1);
    const table = env.db.changes;
    const original = table.bulkAdd.bind(table);
    let calls = 0;
    table.bulkAdd = ((...args: Parameters<typeof original>) => {
      calls += 1;
      if (calls === 2) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      return original(...args);
    }) as typeof table.bulkAdd;
    const before = await dumpRecords(env.db);
    const r = await env.repo.bulkInsert(env.bookId, recs, 'demo.load');
    expect(r).toEqual({ ok: false, errors: [{ field: '', code: 'storage.quota', params: { detail: 'The quota has been exceeded.' } }] });
    expect(calls).toBe(2);
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('can be undone as one action', async () => {
    const recs = records(env.bookId, 30);
    must(await env.repo.bulkInsert(env.bookId, recs, 'demo.load'));
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'demo.load' });
    expect(await env.db.invoices.where('[bookId+deleted]').equals([env.bookId, 0]).count()).toBe(0);
    expect(await env.db.invoices.where('[bookId+deleted]').equals([env.bookId, 1]).count()).toBe(30);
    // The undo is logged compactly too, and replays as one tombstone per record.
    const undo = await env.db.changes.where('[bookId+seq]').above([env.bookId, 0]).last();
    expect(undo).toMatchObject({ action: 'undo', bulk: { op: 'tombstone', total: 31 } });
    const tail = await env.repo.changesSince(env.bookId, (undo?.seq ?? 0) - 1);
    expect(tail.every((c) => (c.after as Invoice | Customer).deleted === 1)).toBe(true);
  });

  it('refuses to undo when a record it wrote has changed since', async () => {
    const recs = records(env.bookId, 3);
    must(await env.repo.bulkInsert(env.bookId, recs, 'import'));
    const invoice = recs.invoices[1] as Invoice;
    const stored = await env.db.invoices.get(invoice.id);
    must(await env.repo.saveInvoice(env.bookId, { ...invoiceInputOf(stored as Invoice), amount: 999 }, invoice.id));
    // Undo the edit, and the import's turn comes: it is allowed since the edit is gone.
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'invoice.update' });
    const beforeImportUndo = await env.db.invoices.get(invoice.id);
    expect(beforeImportUndo?.amount).toBe(stored?.amount);
    expect(must(await env.repo.undoLast(env.bookId))).toEqual({ action: 'import' });
    expect(await env.db.invoices.where('[bookId+deleted]').equals([env.bookId, 0]).count()).toBe(0);
  });

  it('refuses to undo an import over a later change it cannot take back', async () => {
    const recs = records(env.bookId, 3);
    must(await env.repo.bulkInsert(env.bookId, recs, 'import'));
    const invoice = recs.invoices[2] as Invoice;
    const stored = await env.db.invoices.get(invoice.id) as Invoice;
    // A logged write that undo never reverts (as a merge from another device will be).
    const changed = { ...stored, amount: 997, updatedAt: '999999999999999-000000-device-b' };
    await env.db.transaction('rw', env.db.invoices, env.db.changes, async () => {
      await env.db.invoices.put(changed);
      await appendChanges(env.db, { bookId: env.bookId, batch: 'remote', action: UNDO_ACTION }, [
        { table: 'invoices', recordId: invoice.id, before: stored, after: changed, stamp: changed.updatedAt },
      ]);
    });
    const before = await dumpRecords(env.db);
    expect(await env.repo.undoLast(env.bookId)).toEqual({ ok: false, errors: [{ field: '', code: 'undo.conflict', params: { action: 'import' } }] });
    expect(await dumpRecords(env.db)).toEqual(before);
  });

  it('refuses an unknown book', async () => {
    expect(await env.repo.bulkInsert('nope', records('nope', 1), 'demo.load')).toEqual({ ok: false, errors: [{ field: '', code: 'book.notFound' }] });
    expect(await env.db.invoices.count()).toBe(0);
  });
});

function invoiceInputOf(inv: Invoice): InvoiceInput {
  return {
    customerId: inv.customerId, number: inv.number, issueDate: inv.issueDate, dueDate: inv.dueDate, amount: inv.amount,
    currency: inv.currency, description: inv.description, disputed: inv.disputed === 1, disputeReason: inv.disputeReason,
  };
}
