// Opening the database, reported plainly. An upgrade waits while another tab
// holds an older version open; IndexedDB then fires "blocked" ONCE, right after
// the open request, and waits. So the listener must be attached before the open
// starts, and the fact remembered: whoever asks later (the page's first call
// reaches the worker after it began opening) still hears 'blocked' at once,
// while the open carries on and completes once the other tab lets go.

import type { StorageStatus } from '../api/contract';
import type { OverdueDb } from './schema';
import { toStorageError } from './storage-errors';

const BLOCKED: StorageStatus = { state: 'blocked', code: 'storage.blocked' };

export interface StorageOpening {
  /** Settles when the database is open (rejects with the storage error). */
  opened: Promise<void>;
  /** 'ok' or 'error' once settled; 'blocked' (without waiting) while blocked by another tab. */
  status(): Promise<StorageStatus>;
}

/** Starts opening `db`, watching for "blocked" from the start. */
export function startOpening(db: OverdueDb): StorageOpening {
  let markBlocked = () => {};
  const blocked = new Promise<StorageStatus>((resolve) => {
    markBlocked = () => resolve(BLOCKED);
  });
  db.on('blocked', markBlocked);
  // A native promise: Dexie's own would settle a tick later than `blocked` in the race below.
  const opened = new Promise<void>((resolve, reject) => { db.open().then(() => resolve(), reject); });
  const outcome = opened.then(
    (): StorageStatus => ({ state: 'ok' }),
    (e: unknown): StorageStatus => {
      const err = toStorageError(e);
      const code = err.code === 'storage.quota' || err.code === 'storage.blocked' ? err.code : 'storage.failed';
      return { state: code === 'storage.blocked' ? 'blocked' : 'error', code, detail: String(err.params?.detail ?? '') };
    },
  );
  void outcome.then(() => db.on('blocked').unsubscribe(markBlocked));
  // `outcome` first: once both are settled (blocked, then opened) the open's result wins.
  return { opened, status: () => Promise.race([outcome, blocked]) };
}

/** Opens `db` and answers as soon as it is open, failed or blocked. */
export function openStorage(db: OverdueDb): Promise<StorageStatus> {
  return startOpening(db).status();
}
