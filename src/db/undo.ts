// Undo: put back what the newest batch not yet undone changed. An inserted
// record becomes a tombstone; an updated one gets its earlier state back under a
// fresh stamp (so sync sees a new write, not time travel). The batch is then
// flagged undone, and the revert is logged as a batch of its own ('undo').

import { fail, ok, type Result } from '../domain/errors';
import { sameValue } from '../domain/same-value';
import type { Change, Id, Stamp, TableName } from '../domain/types';
import { changesAfter, markUndone, newestUndoableBatch } from './changelog';
import type { OverdueDb } from './schema';
import type { WriteBatch } from './write-batch';

interface StampedRow {
  id: Id;
  updatedAt: Stamp;
  deleted: 0 | 1;
}

/**
 * Is the stored record still what the batch left? Later batches that were
 * undone put the same content back under a newer stamp, so the stamp is ignored.
 */
function unchangedSince(current: StampedRow, after: unknown): boolean {
  if (typeof after !== 'object' || after === null) return false;
  return sameValue({ ...current, updatedAt: '' }, { ...after, updatedAt: '' });
}

/** A record touched by the batch: its state before the batch's first change and after its last. */
interface Touched {
  table: TableName;
  recordId: Id;
  before: unknown | null;
  after: unknown | null;
}

function touchedRecords(changes: Change[]): Touched[] {
  const byKey = new Map<string, Touched>();
  for (const c of changes) {
    const key = `${c.table}\u0000${c.recordId}`;
    const seen = byKey.get(key);
    if (seen) seen.after = c.after;
    else byKey.set(key, { table: c.table, recordId: c.recordId, before: c.before, after: c.after });
  }
  return [...byKey.values()];
}

/** Reads the touched records of one table, keyed `table\0id`. */
async function readCurrent(db: OverdueDb, table: TableName, ids: Id[], into: Map<string, StampedRow | undefined>): Promise<void> {
  const rows = (await db.table(table).bulkGet(ids)) as (StampedRow | undefined)[];
  ids.forEach((id, i) => into.set(`${table}\u0000${id}`, rows[i]));
}

/**
 * Queues the revert of the newest undoable batch into `batch` and flags that
 * batch undone; runs inside the caller's transaction. 'undo.conflict' when a
 * record has changed since (e.g. by sync), 'undo.nothing' when there is no batch.
 */
export async function undoNewestBatch(db: OverdueDb, bookId: Id, batch: WriteBatch): Promise<Result<{ action: string }>> {
  const changes = await newestUndoableBatch(db, bookId);
  const target = changes?.[0];
  if (!changes || !target) return fail('', 'undo.nothing');
  const conflict = () => fail<{ action: string }>('', 'undo.conflict', { action: target.action });

  const touched = touchedRecords(changes.filter((c) => !c.bulk));
  const current = new Map<string, StampedRow | undefined>();
  for (const table of new Set(touched.map((t) => t.table))) {
    await readCurrent(db, table, touched.filter((t) => t.table === table).map((t) => t.recordId), current);
  }
  for (const t of touched) {
    const now = current.get(`${t.table}\u0000${t.recordId}`);
    if (!now || !unchangedSince(now, t.after)) return conflict();
    const restored: StampedRow = t.before === null
      ? { ...now, deleted: 1, updatedAt: batch.stamp() }
      : { ...(t.before as StampedRow), updatedAt: batch.stamp() };
    batch.put(t.table, now, restored);
  }

  const bulk = changes.filter((c) => c.bulk);
  if (bulk.length > 0) {
    // A bulk entry holds ids only. What the batch left of a record is what the
    // first later change of it found (its `before`); with no later change the
    // stored record is still exactly what the batch wrote.
    const leftByBatch = new Map<string, unknown>();
    for (const c of await changesAfter(db, bookId, changes[changes.length - 1]?.seq ?? 0)) {
      const key = `${c.table}\u0000${c.recordId}`;
      if (!c.bulk && !leftByBatch.has(key)) leftByBatch.set(key, c.before);
    }
    for (const entry of bulk) {
      const { op, ids } = entry.bulk as NonNullable<Change['bulk']>;
      await readCurrent(db, entry.table, ids, current);
      for (const id of ids) {
        const key = `${entry.table}\u0000${id}`;
        const now = current.get(key);
        if (!now || (leftByBatch.has(key) && !unchangedSince(now, leftByBatch.get(key)))) return conflict();
        batch.putBulk('tombstone', entry.table, { ...now, deleted: op === 'insert' ? 1 : 0, updatedAt: batch.stamp() });
      }
    }
  }
  await markUndone(db, target.batch);
  return ok({ action: target.action });
}
