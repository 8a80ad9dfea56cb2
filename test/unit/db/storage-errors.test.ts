import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { toStorageError, storageFailure } from '../../../src/db/storage-errors';
import { openStorage } from '../../../src/db/open-storage';
import { OverdueDb } from '../../../src/db/schema';

describe('toStorageError', () => {
  it('maps a quota DOMException, bare or wrapped by Dexie, to storage.quota', () => {
    const dom = new DOMException('disk full', 'QuotaExceededError');
    expect(toStorageError(dom)).toEqual({ field: '', code: 'storage.quota', params: { detail: 'disk full' } });
    expect(toStorageError(new Dexie.AbortError('Transaction aborted', dom)).code).toBe('storage.quota');
    expect(toStorageError(new Dexie.QuotaExceededError(dom))).toMatchObject({ code: 'storage.quota', params: { detail: 'disk full' } });
  });

  it('finds a quota failure inside a BulkError', () => {
    const bulk = new Dexie.BulkError('2 of 3 failed', { 1: new DOMException('full', 'QuotaExceededError') });
    expect(toStorageError(bulk).code).toBe('storage.quota');
  });

  it('maps version errors to storage.blocked', () => {
    expect(toStorageError(new Dexie.VersionError('too old')).code).toBe('storage.blocked');
    const open = new Dexie.OpenFailedError(new DOMException('newer version installed', 'VersionError'));
    expect(toStorageError(open)).toEqual({ field: '', code: 'storage.blocked', params: { detail: 'newer version installed' } });
  });

  it('maps anything else to storage.failed with the innermost message', () => {
    expect(toStorageError(new DOMException('could not clone', 'DataCloneError'))).toEqual({ field: '', code: 'storage.failed', params: { detail: 'could not clone' } });
    expect(toStorageError(new Dexie.DatabaseClosedError('closed'))).toMatchObject({ code: 'storage.failed', params: { detail: 'closed' } });
    expect(toStorageError('odd')).toEqual({ field: '', code: 'storage.failed', params: { detail: 'odd' } });
    expect(storageFailure(new TypeError('bug'))).toEqual({ ok: false, errors: [{ field: '', code: 'storage.failed', params: { detail: 'bug' } }] });
  });
});

describe('openStorage', () => {
  const names: string[] = [];
  afterEach(async () => { for (const n of names.splice(0)) await Dexie.delete(n); });

  it('reports ok for a fresh database', async () => {
    const name = crypto.randomUUID();
    names.push(name);
    const db = new OverdueDb(name);
    expect(await openStorage(db)).toEqual({ state: 'ok' });
    expect(db.isOpen()).toBe(true);
    db.close();
  });

  it('reports blocked while another tab keeps an old version open, then opens when it lets go', async () => {
    const name = crypto.randomUUID();
    names.push(name);
    // Another tab with the version-1 database open that ignores "versionchange".
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 10);
      req.onupgradeneeded = () => { req.result.createObjectStore('books', { keyPath: 'id' }); };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    other.onversionchange = () => {};
    const db = new OverdueDb(name);
    expect(await openStorage(db)).toEqual({ state: 'blocked', code: 'storage.blocked' });
    expect(db.isOpen()).toBe(false);
    other.close();
    await db.open();
    expect(db.isOpen()).toBe(true);
    db.close();
  });
});
