import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer, Id, Invoice } from '../../../src/domain/types';
import type { BulkRecords } from '../../../src/db/repository';
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
  it('writes every record and one change each, as one batch, in chunks with progress', async () => {
    const n = CHUNK_SIZE + 500;
    const recs = records(env.bookId, n);
    const progress: [number, number][] = [];
    const heard: number[] = [];
    env.repo.onChanges((c) => heard.push(c.length));
    const start = await env.repo.lastSeq(env.bookId);
    const r = await env.repo.bulkInsert(env.bookId, recs, 'demo.load', (done, total) => progress.push([done, total]));
    expect(r).toEqual({ ok: true, value: { count: n + 1 } });
    expect(progress).toEqual([[CHUNK_SIZE, n + 1], [n + 1, n + 1]]);
    expect(heard).toEqual([n + 1]);

    expect(await env.db.invoices.where('[bookId+deleted]').equals([env.bookId, 0]).count()).toBe(n);
    const sample = await env.db.invoices.get(recs.invoices[7]?.id ?? '');
    expect(sample).toMatchObject({ bookId: env.bookId, number: 'D-7', amount: 107 });
    expect(sample?.updatedAt).toMatch(/-device-a$/);

    const changes = await env.repo.changesSince(env.bookId, start);
    expect(changes).toHaveLength(n + 1);
    expect(new Set(changes.map((c) => c.batch)).size).toBe(1);
    expect(changes.every((c) => c.action === 'demo.load' && c.before === null)).toBe(true);
    expect(changes.map((c) => c.table).slice(0, 2)).toEqual(['customers', 'invoices']);
    expect(await env.repo.lastSeq(env.bookId)).toBe(start + n + 1);
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
    expect(progress).toEqual([CHUNK_SIZE]); // the first chunk had been written before the failure
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
  });

  it('refuses an unknown book', async () => {
    expect(await env.repo.bulkInsert('nope', records('nope', 1), 'demo.load')).toEqual({ ok: false, errors: [{ field: '', code: 'book.notFound' }] });
    expect(await env.db.invoices.count()).toBe(0);
  });
});
