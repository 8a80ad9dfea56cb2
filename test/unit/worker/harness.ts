// Shared set-up for tests of the worker API over fake-indexeddb: each test file
// imports 'fake-indexeddb/auto' first, then asks for a starter here.
import { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { openDb, type OverdueDb } from '../../../src/db/schema';
import type { BookInput } from '../../../src/api/contract';
import type { Result } from '../../../src/domain/errors';
import { createApi, type ApiOptions, type WorkerApi } from '../../../workers/api';

/** A valid book as the settings page would send it: CNY, zh-CN, the default aging and terms. */
export function bookInput(name: string, over: Partial<BookInput> = {}): BookInput {
  return {
    name, currency: 'CNY', locale: 'zh-CN', agingBounds: [30, 60, 90, 180, 365], agingBasis: 'due',
    defaultTermsDays: 30, commaDecimal: false, limitationYears: 3, ...over,
  };
}

/** The value of a Result the test expects to succeed; its errors otherwise. */
export function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

export interface StartOptions {
  /** Database name; reuse one to reopen the same database (another tab, a reload). */
  name?: string;
  snapshotDelayMs?: number;
  broadcast?: boolean;
  sync?: ApiOptions['sync'];
}

/**
 * A starter of worker APIs, each on its own fake database unless named; after
 * each test every API is closed, then its database deleted.
 */
export function workerApis(defaults: Omit<StartOptions, 'name'> = {}): (options?: StartOptions) => { api: WorkerApi; db: OverdueDb } {
  const opened: { api: WorkerApi; name: string }[] = [];
  afterEach(async () => {
    const names = new Set(opened.map((o) => o.name));
    for (const o of opened.splice(0)) await o.api.close();
    for (const name of names) await Dexie.delete(name);
  });
  return (options = {}) => {
    const { name = crypto.randomUUID(), snapshotDelayMs = 10_000, broadcast = false, sync } = { ...defaults, ...options };
    const db = openDb(name);
    const api = createApi(db, { snapshotDelayMs, broadcast, ...(sync ? { sync } : {}) });
    opened.push({ api, name });
    return { api, db };
  };
}
