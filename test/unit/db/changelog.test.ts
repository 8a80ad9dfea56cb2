import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import {
  appendChanges, batchChanges, changesSince, lastSeq, markUndone, newBatchId, newestUndoableBatch, recentBatches,
  type ChangeDraft,
} from '../../../src/db/changelog';
import { openDb, type OverdueDb } from '../../../src/db/schema';

let db: OverdueDb;
beforeEach(() => { db = openDb(crypto.randomUUID()); });
afterEach(async () => { db.close(); await Dexie.delete(db.name); });

const draft = (recordId: string, stamp = '000000000000001-000000-d'): ChangeDraft =>
  ({ table: 'invoices', recordId, before: null, after: { id: recordId }, stamp });

/** Logs one batch of `n` changes in its own transaction, like a repository write. */
async function log(bookId: string, action: string, n = 1): Promise<string> {
  const batch = newBatchId();
  await db.transaction('rw', db.changes, () =>
    appendChanges(db, { bookId, batch, action }, Array.from({ length: n }, (_, i) => draft(`${action}-${i}`))));
  return batch;
}

describe('appendChanges', () => {
  it('numbers the drafts in order and fills the batch fields', async () => {
    const out = await db.transaction('rw', db.changes, () =>
      appendChanges(db, { bookId: 'b', batch: 'x', action: 'invoice.create' }, [draft('1'), draft('2')]));
    expect(out.map((c) => c.seq)).toEqual([1, 2]);
    expect(out[1]).toEqual({ seq: 2, bookId: 'b', table: 'invoices', recordId: '2', before: null, after: { id: '2' }, stamp: '000000000000001-000000-d', batch: 'x', action: 'invoice.create', undone: 0 });
    expect(await db.changes.toArray()).toEqual(out);
  });

  it('writes nothing for no drafts', async () => {
    expect(await appendChanges(db, { bookId: 'b', batch: 'x', action: 'a' }, [])).toEqual([]);
    expect(await db.changes.count()).toBe(0);
  });

  it('gives each batch a new id', () => {
    expect(newBatchId()).not.toBe(newBatchId());
  });
});

describe('changesSince / lastSeq', () => {
  it('reads one book after a seq, oldest first', async () => {
    await log('a', 'one');
    await log('b', 'other', 2);
    await log('a', 'two', 2);
    expect((await changesSince(db, 'a', 0)).map((c) => [c.seq, c.action])).toEqual([[1, 'one'], [4, 'two'], [5, 'two']]);
    expect((await changesSince(db, 'a', 4)).map((c) => c.seq)).toEqual([5]);
    expect(await changesSince(db, 'a', 5)).toEqual([]);
    expect(await lastSeq(db, 'a')).toBe(5);
    expect(await lastSeq(db, 'b')).toBe(3);
    expect(await lastSeq(db, 'none')).toBe(0);
  });
});

describe('newestUndoableBatch', () => {
  it('skips undone batches and undo batches, across large batches', async () => {
    const first = await log('a', 'invoice.create');
    const big = await log('a', 'demo.load', 50);
    await log('b', 'elsewhere');
    expect((await newestUndoableBatch(db, 'a'))?.map((c) => c.batch)).toEqual(Array(50).fill(big));
    await db.transaction('rw', db.changes, () => markUndone(db, big));
    await log('a', 'undo', 50);
    const next = await newestUndoableBatch(db, 'a');
    expect(next?.map((c) => [c.batch, c.action])).toEqual([[first, 'invoice.create']]);
    await markUndone(db, first);
    expect(await newestUndoableBatch(db, 'a')).toBeNull();
    expect(await newestUndoableBatch(db, 'empty')).toBeNull();
  });

  it('returns the batch in seq order', async () => {
    const b = await log('a', 'payment.record', 3);
    expect((await batchChanges(db, b)).map((c) => c.recordId)).toEqual(['payment.record-0', 'payment.record-1', 'payment.record-2']);
  });
});

describe('recentBatches', () => {
  it('summarises the newest batches first with a count and a short sample', async () => {
    await log('a', 'book.create');
    const big = await log('a', 'demo.load', 40);
    await log('a', 'invoice.create');
    await markUndone(db, big);
    const recent = await recentBatches(db, 'a', 2);
    expect(recent.map((r) => [r.action, r.count, r.undone, r.seq])).toEqual([['invoice.create', 1, 0, 42], ['demo.load', 40, 1, 41]]);
    expect(recent[1]?.sample.map((c) => c.seq)).toEqual([2, 3, 4]);
    expect((await recentBatches(db, 'a', 10)).map((r) => r.action)).toEqual(['invoice.create', 'demo.load', 'book.create']);
    expect(await recentBatches(db, 'a', 0)).toEqual([]);
  });
});
