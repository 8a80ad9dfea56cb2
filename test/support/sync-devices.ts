// Devices for sync tests: each its own fake IndexedDB database, repository and
// device id, synced through the real endpoint client against a real server.
import { Dexie } from 'dexie';
import type { BookInput } from '../../src/api/contract';
import { Repository } from '../../src/db/repository';
import { openDb, type OverdueDb } from '../../src/db/schema';
import type { Result } from '../../src/domain/errors';
import type { Id } from '../../src/domain/types';
import type { Endpoint } from '../../src/sync/endpoint';
import { syncBook, type KeyCache, type SyncOptions, type SyncReport } from '../../src/sync/engine';
import { RECORD_TABLES } from '../../src/db/sync-store';

export interface Device {
  name: string;
  db: OverdueDb;
  repo: Repository;
  keys: KeyCache;
  sync(book: Id, endpoint: Endpoint, options?: Partial<SyncOptions>): Promise<SyncReport>;
}

export function bookInput(name: string): BookInput {
  return {
    name, currency: 'CNY', locale: 'zh-CN', agingBounds: [30, 60, 90], agingBasis: 'due',
    defaultTermsDays: 30, commaDecimal: false, limitationYears: 3,
  };
}

export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

export function device(name: string, opened: OverdueDb[], now?: () => number): Device {
  const db = openDb(`${name}-${crypto.randomUUID()}`);
  opened.push(db);
  const repo = new Repository(db, name, now ? { now } : {});
  const keys: KeyCache = new Map();
  return {
    name, db, repo, keys,
    sync: (book, endpoint, options = {}) =>
      syncBook({ book, endpoint, local: repo.syncReplica(book), keys, iterations: 1000, ...options }),
  };
}

export async function closeAll(opened: OverdueDb[]): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** The book as data: every record without its stamp, and the synced settings' values, in a stable order. */
export async function bookState(db: OverdueDb, book: Id): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const b = await db.books.get(book);
  if (b) {
    const { updatedAt: _u, ...rest } = b;
    out[`books/${book}`] = rest;
  }
  for (const t of RECORD_TABLES) {
    if (t === 'books') continue;
    const rows = (await db.table(t).where('[bookId+deleted]').between([book, 0], [book, 1], true, true).toArray()) as { id: string; updatedAt?: string }[];
    for (const row of rows.sort((x, y) => x.id.localeCompare(y.id))) {
      const { updatedAt: _u, ...rest } = row;
      out[`${t}/${row.id}`] = rest;
    }
  }
  const settings = await db.settings.where('[bookId+key]').between([book, Dexie.minKey], [book, Dexie.maxKey]).toArray();
  for (const s of settings.sort((x, y) => x.key.localeCompare(y.key))) out[`settings/${s.key}`] = s.value;
  return out;
}
