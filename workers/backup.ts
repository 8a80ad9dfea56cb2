// Backup and restore of every book. The backup is read in one read transaction
// (a consistent picture). A restore validates the whole file first, then writes
// every book in ONE transaction (all or nothing), each book as one change batch
// 'backup.restore' so undo takes it back. It never merges into a book: a book is
// either copied under new ids ('asNew') or put back wholly as it was in the file,
// replacing the book with the same id here ('replace').

import { Dexie } from 'dexie';
import type { BackupBookInfo, BackupFile, RestoreMode, RestoreReport } from '../src/api/contract';
import { fromBase64, toBase64 } from '../src/backup/base64';
import { BACKUP_TABLES, makeBackup, type BackupBook, type BackupTable } from '../src/backup/format';
import type { Attachment } from '../src/domain/collections';
import { readBackup } from '../src/backup/validate';
import { Hlc } from '../src/db/hlc';
import type { OverdueDb } from '../src/db/schema';
import { settingStamp } from '../src/db/settings';
import { storageFailure } from '../src/db/storage-errors';
import { WriteBatch, commitBatch } from '../src/db/write-batch';
import { todayLocal } from '../src/domain/calendar';
import { fail, ok, type Result } from '../src/domain/errors';
import type { Book, Change, Id, Stamp } from '../src/domain/types';
import { backupFilename } from '../src/export/filename';

export const RESTORE_ACTION = 'backup.restore';

const ALL_TABLES = ['books', 'settings', ...BACKUP_TABLES] as const;

/** Every live book with all its records (tombstones too), as one JSON file. */
export async function backupAll(db: OverdueDb, deviceId: string, now: Date = new Date()): Promise<BackupFile> {
  const books = await db.transaction('r', ALL_TABLES.map((t) => db.table(t)), async () => {
    const out: BackupBook[] = [];
    const live = (await db.books.toArray()).filter((b) => b.deleted === 0)
      // Oldest first, then by name (code points, the same on every machine).
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const book of live) {
      const entry = { book } as BackupBook;
      for (const table of BACKUP_TABLES) {
        (entry as unknown as Record<BackupTable, unknown[]>)[table] = await db.table(table).where('[bookId+deleted]')
          .between([book.id, Dexie.minKey], [book.id, Dexie.maxKey]).toArray();
      }
      // JSON has no bytes: attachments travel as base64.
      entry.attachments = (entry.attachments as unknown as Attachment[]).map((a) => ({ ...a, data: toBase64(a.data) }));
      entry.settings = (await db.settings.where('[bookId+key]').between([book.id, Dexie.minKey], [book.id, Dexie.maxKey]).toArray())
        .map((row) => ({ key: row.key, value: row.value }));
      out.push(entry);
    }
    return out;
  });
  const doc = await makeBackup(books, deviceId, now.toISOString());
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  return { filename: backupFilename(todayLocal(now)), bytes: bytes.buffer as ArrayBuffer };
}

/** What the file holds, and which of its books exist here. */
async function describe(db: OverdueDb, books: readonly BackupBook[]): Promise<BackupBookInfo[]> {
  const here = await db.books.bulkGet(books.map((b) => b.book.id));
  return books.map((b, i) => {
    const existing = here[i];
    return {
      id: b.book.id,
      name: b.book.name,
      currency: b.book.currency,
      customers: b.customers.filter((r) => r.deleted === 0).length,
      invoices: b.invoices.filter((r) => r.deleted === 0).length,
      payments: b.payments.filter((r) => r.deleted === 0).length,
      activities: b.activities.filter((r) => r.deleted === 0).length,
      existing: existing && existing.deleted === 0 ? { id: existing.id, name: existing.name } : null,
    };
  });
}

/** 'Name', or 'Name (2)', 'Name (3)' ... when a live book here already has that name. */
function freeName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  taken.add(candidate);
  return candidate;
}

type Row = { id: Id; bookId: Id; updatedAt: Stamp; deleted: 0 | 1 } & Record<string, unknown>;

/** The book's records with every id (and every reference to one) replaced by a fresh one. */
function withNewIds(entry: BackupBook): BackupBook {
  const fresh = new Map<Id, Id>();
  const idOf = (old: Id): Id => {
    let id = fresh.get(old);
    if (!id) {
      id = crypto.randomUUID();
      fresh.set(old, id);
    }
    return id;
  };
  const bookId = idOf(entry.book.id);
  const refs = ['customerId', 'invoiceId', 'paymentId', 'planId', 'activityId'];
  const copy = { book: { ...entry.book, id: bookId }, settings: entry.settings } as BackupBook;
  for (const table of BACKUP_TABLES) {
    (copy as unknown as Record<BackupTable, Row[]>)[table] = (entry[table] as unknown as Row[]).map((r) => {
      const out: Row = { ...r, id: idOf(r.id), bookId };
      for (const key of refs) if (typeof r[key] === 'string') out[key] = idOf(r[key] as Id);
      if (Array.isArray(r.invoiceIds)) out.invoiceIds = (r.invoiceIds as Id[]).map(idOf);
      return out;
    });
  }
  return copy;
}

/**
 * Queues one book's restore into `batch`: every record of the file with a fresh
 * stamp over whatever has its id here (the change log keeps the before), and every
 * live record of that book here that the file does not hold becomes a tombstone.
 * 'backup.idConflict' when an id of the file belongs to another book here.
 */
async function queueBook(db: OverdueDb, hlc: Hlc, batch: WriteBatch, entry: BackupBook, name: string): Promise<Result<Book>> {
  const bookId = entry.book.id;
  const existingBook = await db.books.get(bookId);
  if (existingBook) hlc.receive(existingBook.updatedAt);
  const book: Book = { ...entry.book, name, deleted: 0, updatedAt: batch.stamp() };
  batch.put('books', existingBook ?? null, book);
  for (const table of BACKUP_TABLES) {
    const rows = table === 'attachments'
      ? entry.attachments.map((a) => ({ ...a, data: fromBase64(a.data) ?? new ArrayBuffer(0) })) as unknown as Row[]
      : entry[table] as unknown as Row[];
    const current = (await db.table(table).bulkGet(rows.map((r) => r.id))) as (Row | undefined)[];
    const inFile = new Set<Id>();
    for (const [i, r] of rows.entries()) {
      const before = current[i] ?? null;
      if (before && before.bookId !== bookId) return fail(`${table}.${r.id}`, 'backup.idConflict');
      if (before) hlc.receive(before.updatedAt);
      inFile.add(r.id);
      const restored = { ...r, bookId, updatedAt: batch.stamp() };
      // New here: logged by id only, so restoring a large book costs one write per record.
      if (before) batch.put(table, before, restored);
      else batch.putBulk('insert', table, restored);
    }
    const here = (await db.table(table).where('[bookId+deleted]').equals([bookId, 0]).toArray()) as Row[];
    for (const r of here) {
      if (inFile.has(r.id)) continue;
      hlc.receive(r.updatedAt);
      batch.put(table, r, { ...r, deleted: 1, updatedAt: batch.stamp() });
    }
  }
  return ok(book);
}

export interface RestoreOutcome {
  result: Result<RestoreReport>;
  /** Committed changes, for the ledgers and other tabs. */
  changes: Change[];
}

export async function restoreBackup(db: OverdueDb, deviceId: string, bytes: ArrayBuffer, mode: RestoreMode): Promise<RestoreOutcome> {
  const read = await readBackup(bytes);
  if (!read.ok) return { result: read, changes: [] };
  const doc = read.value;
  const report = (restored: RestoreReport['restored'], books: BackupBookInfo[]): RestoreReport => ({
    mode, exportedAt: doc.exportedAt, deviceId: doc.deviceId, books, restored,
  });
  if (mode !== 'check' && mode !== 'asNew' && mode !== 'replace') return { result: fail('mode', 'backup.badValue'), changes: [] };
  let changes: Change[] = [];
  try {
    const result = await db.transaction('rw', [...ALL_TABLES, 'changes'].map((t) => db.table(t)), async (): Promise<Result<RestoreReport>> => {
      const books = await describe(db, doc.books);
      if (mode === 'check') return ok(report([], books));
      const hlc = new Hlc(deviceId);
      const taken = new Set((await db.books.toArray()).filter((b) => b.deleted === 0).map((b) => b.name));
      const batches: WriteBatch[] = [];
      const restored: RestoreReport['restored'] = [];
      for (const original of doc.books) {
        const entry = mode === 'asNew' ? withNewIds(original) : original;
        // A replaced book gets the file's name back; a copy gets one no live book here has.
        const name = mode === 'replace' ? entry.book.name : freeName(entry.book.name, taken);
        const batch = new WriteBatch(entry.book.id, RESTORE_ACTION, hlc);
        const queued = await queueBook(db, hlc, batch, entry, name);
        if (!queued.ok) return queued;
        batches.push(batch);
        restored.push({ id: queued.value.id, name: queued.value.name });
      }
      const logged: Change[] = [];
      for (const batch of batches) logged.push(...(await commitBatch(db, batch)));
      // A book's settings are kept whole as the file has them (they are not in the change log).
      for (const [i, original] of doc.books.entries()) {
        const bookId = restored[i]?.id ?? original.book.id;
        await db.settings.where('[bookId+key]').between([bookId, Dexie.minKey], [bookId, Dexie.maxKey]).delete();
        // Restored settings are new writes here: fresh stamps, so sync sends them on.
        await db.settings.bulkPut(original.settings.map((row) => {
          const updatedAt = settingStamp(db);
          return updatedAt === undefined ? { bookId, key: row.key, value: row.value } : { bookId, key: row.key, value: row.value, updatedAt };
        }));
      }
      changes = logged;
      return ok(report(restored, books));
    });
    return { result, changes: result.ok ? changes : [] };
  } catch (e) {
    return { result: storageFailure(e), changes: [] };
  }
}
