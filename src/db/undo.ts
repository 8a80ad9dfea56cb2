// Undo: put back what the newest batch not yet undone changed. An inserted
// record becomes a tombstone; an updated one gets its earlier state back under a
// fresh stamp (so sync sees a new write, not time travel). The batch is then
// flagged undone, and the revert is logged as a batch of its own ('undo').

import { fail, ok, type Result } from '../domain/errors';
import type { Change, Id, Stamp, TableName } from '../domain/types';
import { markUndone, newestUndoableBatch } from './changelog';
import type { OverdueDb } from './schema';
import type { WriteBatch } from './write-batch';

interface StampedRow {
  id: Id;
  updatedAt: Stamp;
  deleted: 0 | 1;
}

/** Structural equality of stored (structured-clone) data; key order does not matter. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Is the stored record still what the batch left? Later batches that were
 * undone put the same content back under a newer stamp, so the stamp is ignored.
 */
function unchangedSince(current: StampedRow, after: unknown): boolean {
  if (typeof after !== 'object' || after === null) return false;
  return sameData({ ...current, updatedAt: '' }, { ...after, updatedAt: '' });
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

/**
 * Queues the revert of the newest undoable batch into `batch` and flags that
 * batch undone; runs inside the caller's transaction. 'undo.conflict' when a
 * record has changed since (e.g. by sync), 'undo.nothing' when there is no batch.
 */
export async function undoNewestBatch(db: OverdueDb, bookId: Id, batch: WriteBatch): Promise<Result<{ action: string }>> {
  const changes = await newestUndoableBatch(db, bookId);
  const target = changes?.[0];
  if (!changes || !target) return fail('', 'undo.nothing');

  const touched = touchedRecords(changes);
  const tables = [...new Set(touched.map((t) => t.table))];
  const current = new Map<string, StampedRow | undefined>();
  for (const table of tables) {
    const ids = touched.filter((t) => t.table === table).map((t) => t.recordId);
    const rows = (await db.table(table).bulkGet(ids)) as (StampedRow | undefined)[];
    ids.forEach((id, i) => current.set(`${table}\u0000${id}`, rows[i]));
  }

  for (const t of touched) {
    const now = current.get(`${t.table}\u0000${t.recordId}`);
    if (!now || !unchangedSince(now, t.after)) return fail('', 'undo.conflict', { action: target.action });
    const restored: StampedRow = t.before === null
      ? { ...now, deleted: 1, updatedAt: batch.stamp() }
      : { ...(t.before as StampedRow), updatedAt: batch.stamp() };
    batch.put(t.table, now, restored);
  }
  await markUndone(db, target.batch);
  return ok({ action: target.action });
}
