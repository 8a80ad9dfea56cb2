// The records one user action writes, collected while it validates and then
// written together with their change-log entries, inside the caller's transaction.

import type { Change, Id, Stamp, TableName } from '../domain/types';
import { appendChanges, newBatchId, type ChangeDraft } from './changelog';
import type { Hlc } from './hlc';
import type { OverdueDb } from './schema';

/** Records are written and logged in chunks of this many (bounded memory per IndexedDB request batch). */
export const CHUNK_SIZE = 2000;

interface Keyed {
  id: Id;
  updatedAt: Stamp;
}

export class WriteBatch {
  readonly id = newBatchId();
  readonly drafts: ChangeDraft[] = [];

  constructor(
    readonly bookId: Id,
    readonly action: string,
    private readonly hlc: Hlc,
  ) {}

  /** A fresh stamp for a record this action writes. */
  stamp(): Stamp {
    return this.hlc.tick();
  }

  /** Queues `after` to be written over `before` (null for a new record). */
  put<T extends Keyed>(table: TableName, before: T | null, after: T): T {
    this.drafts.push({ table, recordId: after.id, before, after, stamp: after.updatedAt });
    return after;
  }

  get size(): number {
    return this.drafts.length;
  }
}

/**
 * Writes the batch's records (bulkPut, grouped by table) and its change log in
 * chunks, reporting progress after each. Must run inside a 'rw' transaction over
 * the record tables and `changes`; a throw aborts the whole transaction.
 */
export async function commitBatch(
  db: OverdueDb,
  batch: WriteBatch,
  onProgress?: (done: number, total: number) => void,
): Promise<Change[]> {
  const logged: Change[] = [];
  const total = batch.drafts.length;
  for (let start = 0; start < total; start += CHUNK_SIZE) {
    const chunk = batch.drafts.slice(start, start + CHUNK_SIZE);
    const byTable = new Map<TableName, unknown[]>();
    for (const d of chunk) {
      const rows = byTable.get(d.table) ?? [];
      rows.push(d.after);
      byTable.set(d.table, rows);
    }
    for (const [table, rows] of byTable) await db.table(table).bulkPut(rows);
    logged.push(...(await appendChanges(db, { bookId: batch.bookId, batch: batch.id, action: batch.action }, chunk)));
    try {
      onProgress?.(Math.min(start + chunk.length, total), total);
    } catch {
      // Progress is only a display; a failing callback must not abort the write.
    }
  }
  return logged;
}
