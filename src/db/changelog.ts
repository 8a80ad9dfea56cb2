// The change log: one Change per written record, batched per user action. Undo
// reverts a batch; the worker replays changes after a snapshot's seq; sync
// (later) ships them. Writers call appendChanges inside their own transaction
// so a record and its log entry commit or fail together.

import { Dexie } from 'dexie';
import type { BulkChange, Change, Id, Stamp, TableName } from '../domain/types';
import type { OverdueDb } from './schema';

/** A change before it is numbered: the log fills bookId, batch, action and seq. */
export interface ChangeDraft {
  table: TableName;
  recordId: Id;
  before: unknown | null;
  after: unknown | null;
  stamp: Stamp;
  bulk?: BulkChange;
}

export interface BatchHeader {
  bookId: Id;
  batch: string;
  action: string;
}

/** Summary of one batch for "recent activity" lists, without loading a huge batch whole. */
export interface BatchSummary {
  batch: string;
  action: string;
  /** Newest seq in the batch. */
  seq: number;
  stamp: Stamp;
  undone: 0 | 1;
  count: number;
  /** The first few changes of the batch in seq order (enough to describe it). */
  sample: Change[];
}

export const UNDO_ACTION = 'undo';
/** Records merged from another device: logged for the ledgers and recent activity, but not undoable here. */
export const SYNC_MERGE_ACTION = 'sync.merge';

export function newBatchId(): string {
  return crypto.randomUUID();
}

/** Appends drafts in order and returns them with seq filled in. Call inside a 'rw' transaction including `changes`. */
export async function appendChanges(db: OverdueDb, header: BatchHeader, drafts: readonly ChangeDraft[]): Promise<Change[]> {
  if (drafts.length === 0) return [];
  const changes: Change[] = drafts.map((d) => ({
    bookId: header.bookId,
    table: d.table,
    recordId: d.recordId,
    before: d.before,
    after: d.after,
    stamp: d.stamp,
    batch: header.batch,
    action: header.action,
    undone: 0,
    ...(d.bulk ? { bulk: d.bulk } : {}),
  }));
  const seqs = await db.changes.bulkAdd(changes, { allKeys: true });
  changes.forEach((c, i) => { c.seq = seqs[i]; });
  return changes;
}

function bookRange(db: OverdueDb, bookId: Id, afterSeq: number | null, beforeSeq: number | null) {
  return db.changes.where('[bookId+seq]').between(
    [bookId, afterSeq ?? Dexie.minKey],
    [bookId, beforeSeq ?? Dexie.maxKey],
    false,
    false,
  );
}

/** Changes of a book with seq > afterSeq as logged (bulk entries compact), oldest first. */
export function changesAfter(db: OverdueDb, bookId: Id, afterSeq: number): Promise<Change[]> {
  return bookRange(db, bookId, afterSeq, null).toArray();
}

/** Changes of a book with seq > afterSeq, oldest first, one per record (bulk entries expanded). */
export async function changesSince(db: OverdueDb, bookId: Id, afterSeq: number): Promise<Change[]> {
  return expandChanges(db, await changesAfter(db, bookId, afterSeq));
}

/**
 * Replaces each compact bulk entry by one change per record, whose `after` is the
 * record as stored now. That may be newer than what the bulk write left, but any
 * later write is itself a later change in the log, so replaying the expanded
 * list in order still ends at the stored state. Records no longer stored are skipped.
 */
export async function expandChanges(db: OverdueDb, changes: Change[]): Promise<Change[]> {
  if (!changes.some((c) => c.bulk)) return changes;
  const out: Change[] = [];
  for (const c of changes) {
    if (!c.bulk) {
      out.push(c);
      continue;
    }
    const { bulk, ...plain } = c;
    const rows = (await db.table(c.table).bulkGet(bulk.ids)) as ({ id: Id; updatedAt: Stamp } | undefined)[];
    for (const row of rows) {
      if (row) out.push({ ...plain, recordId: row.id, after: row, stamp: row.updatedAt });
    }
  }
  return out;
}

/** Highest seq logged for the book, 0 when none. */
export async function lastSeq(db: OverdueDb, bookId: Id): Promise<number> {
  const newest = await bookRange(db, bookId, null, null).last();
  return newest?.seq ?? 0;
}

/** All changes of a batch, oldest first. */
export function batchChanges(db: OverdueDb, batch: string): Promise<Change[]> {
  return db.changes.where('batch').equals(batch).sortBy('seq');
}

/**
 * Walks the book's batches newest first, calling `visit` with each batch's
 * newest change and its seqs, until it returns true. A batch's changes are
 * contiguous in seq (one transaction), so a large batch is skipped by keys only.
 */
async function walkBatches(
  db: OverdueDb,
  bookId: Id,
  visit: (newest: Change, seqs: number[]) => boolean | Promise<boolean>,
): Promise<void> {
  let below: number | null = null;
  for (;;) {
    const newest: Change | undefined = await bookRange(db, bookId, null, below).last();
    if (!newest || newest.seq === undefined) return;
    const seqs = (await db.changes.where('batch').equals(newest.batch).primaryKeys()) as number[];
    seqs.sort((a, b) => a - b);
    if (await visit(newest, seqs)) return;
    below = seqs[0] ?? newest.seq;
  }
}

/** The newest batch that is neither undone nor itself an undo nor a sync merge, oldest change first; null when none. */
export async function newestUndoableBatch(db: OverdueDb, bookId: Id): Promise<Change[] | null> {
  const target: { batch?: string } = {};
  await walkBatches(db, bookId, (newest) => {
    if (newest.undone === 0 && newest.action !== UNDO_ACTION && newest.action !== SYNC_MERGE_ACTION) target.batch = newest.batch;
    return target.batch !== undefined;
  });
  return target.batch === undefined ? null : batchChanges(db, target.batch);
}

/** Flags every change of the batch undone (inside the undo's transaction). */
export async function markUndone(db: OverdueDb, batch: string): Promise<void> {
  await db.changes.where('batch').equals(batch).modify({ undone: 1 });
}

/** The book's newest `limit` batches, newest first. */
export async function recentBatches(db: OverdueDb, bookId: Id, limit: number, sampleSize = 3): Promise<BatchSummary[]> {
  const out: BatchSummary[] = [];
  if (limit <= 0) return out;
  await walkBatches(db, bookId, async (newest, seqs) => {
    const first = seqs.slice(0, sampleSize);
    const sample = (await db.changes.bulkGet(first)).filter((c): c is Change => c !== undefined);
    out.push({
      batch: newest.batch,
      action: newest.action,
      seq: newest.seq ?? 0,
      stamp: newest.stamp,
      undone: newest.undone,
      count: newest.bulk?.total ?? seqs.length,
      sample,
    });
    return out.length >= limit;
  });
  return out;
}
