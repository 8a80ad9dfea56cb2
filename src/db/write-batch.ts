// The records one user action writes, collected while it validates and then
// written together with their change-log entries, inside the caller's transaction.
// Ordinary writes log a full before/after copy per record (undo needs it); bulk
// writes (import, demo, undoing those) log one compact entry of ids per chunk,
// because a copy of every record would double a 100,000-invoice import.

import type { BulkChange, Change, Id, Stamp, TableName } from '../domain/types';
import { appendChanges, newBatchId, type ChangeDraft } from './changelog';
import type { Hlc } from './hlc';
import type { OverdueDb } from './schema';

/** Records are written and logged in chunks of this many (bounded memory per IndexedDB request batch). */
export const CHUNK_SIZE = 2000;

interface Keyed {
  id: Id;
  updatedAt: Stamp;
}

interface BulkList {
  op: BulkChange['op'];
  table: TableName;
  rows: Keyed[];
}

export class WriteBatch {
  readonly id = newBatchId();
  readonly drafts: ChangeDraft[] = [];
  readonly bulk: BulkList[] = [];

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

  /**
   * Queues a record for a bulk write, logged by id only: a new record ('insert',
   * written with add, so an id already stored fails the whole batch) or a
   * record's tombstone ('tombstone').
   */
  putBulk<T extends Keyed>(op: BulkChange['op'], table: TableName, row: T): T {
    let list = this.bulk[this.bulk.length - 1];
    if (!list || list.op !== op || list.table !== table) {
      list = { op, table, rows: [] };
      this.bulk.push(list);
    }
    list.rows.push(row);
    return row;
  }

  get size(): number {
    return this.drafts.length + this.bulk.reduce((n, list) => n + list.rows.length, 0);
  }
}

function reportProgress(onProgress: ((done: number, total: number) => void) | undefined, done: number, total: number): void {
  try {
    onProgress?.(done, total);
  } catch {
    // Progress is only a display; a failing callback must not abort the write.
  }
}

/**
 * Writes the batch's records and its change log in chunks, reporting progress
 * after each: bulk lists first (one compact entry per chunk), then ordinary
 * drafts (bulkPut grouped by table, one entry per record). Must run inside a
 * 'rw' transaction over the record tables and `changes`; a throw aborts it all.
 * Returns one Change per record written, seq filled in; a bulk record's change
 * carries the record as `after` in memory only (what the listeners apply).
 */
export async function commitBatch(
  db: OverdueDb,
  batch: WriteBatch,
  onProgress?: (done: number, total: number) => void,
): Promise<Change[]> {
  const logged: Change[] = [];
  const total = batch.size;
  const header = { bookId: batch.bookId, batch: batch.id, action: batch.action };
  let done = 0;
  for (const list of batch.bulk) {
    for (let start = 0; start < list.rows.length; start += CHUNK_SIZE) {
      const rows = list.rows.slice(start, start + CHUNK_SIZE);
      if (list.op === 'insert') await db.table(list.table).bulkAdd(rows);
      else await db.table(list.table).bulkPut(rows);
      const last = rows[rows.length - 1] as Keyed;
      const [entry] = await appendChanges(db, header, [{
        table: list.table, recordId: '', before: null, after: null, stamp: last.updatedAt,
        bulk: { op: list.op, ids: rows.map((r) => r.id), total },
      }]);
      if (entry) {
        const { bulk: _ids, ...plain } = entry;
        for (const row of rows) logged.push({ ...plain, recordId: row.id, after: row, stamp: row.updatedAt });
      }
      done += rows.length;
      reportProgress(onProgress, done, total);
    }
  }
  for (let start = 0; start < batch.drafts.length; start += CHUNK_SIZE) {
    const chunk = batch.drafts.slice(start, start + CHUNK_SIZE);
    const byTable = new Map<TableName, unknown[]>();
    for (const d of chunk) {
      const rows = byTable.get(d.table) ?? [];
      rows.push(d.after);
      byTable.set(d.table, rows);
    }
    for (const [table, rows] of byTable) await db.table(table).bulkPut(rows);
    logged.push(...(await appendChanges(db, header, chunk)));
    done += chunk.length;
    reportProgress(onProgress, done, total);
  }
  return logged;
}
