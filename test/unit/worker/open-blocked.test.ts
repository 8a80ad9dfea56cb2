import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/schema';
import { createApi, type WorkerApi } from '../../../workers/api';

// IndexedDB fires "blocked" once, right after an upgrade's open request, while
// another connection holds an older version open. The worker starts opening as
// soon as it is created and the page asks open() a little later, so open()
// must still say 'blocked' at once rather than wait for the other tab.

/** Another tab with an older version of the database open, ignoring "versionchange". */
function holdOldVersion(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => { req.result.createObjectStore('books', { keyPath: 'id' }); };
    req.onsuccess = () => {
      req.result.onversionchange = () => {};
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
  });
}

const within = <T>(ms: number, p: Promise<T>): Promise<T | 'still waiting'> =>
  Promise.race([p, new Promise<'still waiting'>((r) => setTimeout(() => r('still waiting'), ms))]);

let name = '';
let other: IDBDatabase | null = null;
let api: WorkerApi | null = null;
afterEach(async () => {
  other?.close();
  other = null;
  await api?.close();
  api = null;
  await Dexie.delete(name);
});

describe('open() while another connection blocks the upgrade', () => {
  it("reports 'blocked' promptly even when asked after the open began, then 'ok' once the other lets go", async () => {
    name = crypto.randomUUID();
    other = await holdOldVersion(name);
    api = createApi(openDb(name), { broadcast: false });
    // The page's open() message arrives after the worker has started opening (and been blocked).
    await new Promise((r) => setTimeout(r, 100));
    expect(await within(1_000, api.open())).toEqual({ state: 'blocked', code: 'storage.blocked' });
    // Asked again while still blocked: the same answer, not a wait.
    expect(await within(1_000, api.open())).toEqual({ state: 'blocked', code: 'storage.blocked' });

    // A query asked meanwhile waits, and is answered once the other tab lets go.
    const books = api.listBooks();
    other.close();
    other = null;
    expect(await within(5_000, books)).toEqual([]);
    expect(await api.open()).toEqual({ state: 'ok' });
  });

  it("reports 'blocked' when asked at once too", async () => {
    name = crypto.randomUUID();
    other = await holdOldVersion(name);
    api = createApi(openDb(name), { broadcast: false });
    expect(await within(1_000, api.open())).toEqual({ state: 'blocked', code: 'storage.blocked' });
  });
});
