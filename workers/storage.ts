// Opening the database: a blocked upgrade (another tab holds an older version
// open) or any other failure is reported as a StorageStatus, never thrown.

import type { StorageStatus } from '../src/api/contract';
import { toStorageError } from '../src/db/storage-errors';
import type { OverdueDb } from '../src/db/schema';

export function statusOf(error: unknown): StorageStatus {
  const e = toStorageError(error);
  const detail = e.params?.detail;
  const code = e.code === 'storage.quota' || e.code === 'storage.blocked' ? e.code : 'storage.failed';
  return {
    state: code === 'storage.blocked' ? 'blocked' : 'error',
    code,
    ...(detail !== undefined ? { detail: String(detail) } : {}),
  };
}

/**
 * Resolves when the database is open, or as soon as the open is blocked; the
 * open itself goes on, so a later call succeeds once the other tab lets go.
 */
export function openStatus(db: OverdueDb, opening: Promise<unknown>): Promise<StorageStatus> {
  return new Promise<StorageStatus>((resolve) => {
    const onBlocked = () => resolve({ state: 'blocked', code: 'storage.blocked', detail: 'another tab holds an older version open' });
    db.on('blocked', onBlocked);
    opening.then(
      () => resolve({ state: 'ok' }),
      (error: unknown) => resolve(statusOf(error)),
    ).finally(() => db.on('blocked').unsubscribe(onBlocked));
  });
}
