// Opening the database, reported plainly. An upgrade waits while another tab
// holds an older version open; IndexedDB then only fires "blocked" and waits,
// so the first answer may be 'blocked' while the open carries on in the
// background and completes once the other tab lets go (or is reloaded).

import type { StorageStatus } from '../api/contract';
import type { OverdueDb } from './schema';
import { toStorageError } from './storage-errors';

export async function openStorage(db: OverdueDb): Promise<StorageStatus> {
  let onBlocked = () => {};
  const blocked = new Promise<StorageStatus>((resolve) => {
    onBlocked = () => resolve({ state: 'blocked', code: 'storage.blocked' });
  });
  db.on('blocked', onBlocked);
  const opened = db.open().then(
    (): StorageStatus => ({ state: 'ok' }),
    (e: unknown): StorageStatus => {
      const err = toStorageError(e);
      const code = err.code === 'storage.quota' || err.code === 'storage.blocked' ? err.code : 'storage.failed';
      return { state: code === 'storage.blocked' ? 'blocked' : 'error', code, detail: String(err.params?.detail ?? '') };
    },
  );
  try {
    return await Promise.race([opened, blocked]);
  } finally {
    db.on('blocked').unsubscribe(onBlocked);
  }
}
