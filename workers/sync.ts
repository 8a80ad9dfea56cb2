// Sync in the worker (issue 6). Being built this session: the engine is wired in
// below once src/sync/engine.ts lands; until then every call says not configured.
import type { SyncApi } from '../src/api/sync';
import { fail } from '../src/domain/errors';

export function createSyncApi(): SyncApi {
  return {
    async syncSettings() { return null; },
    async saveSyncSettings() { return fail('', 'sync.notConfigured'); },
    async disableSync() {},
    async syncStatus(bookId) {
      return { bookId, phase: 'off', lastSyncAt: null, error: null, retryAt: null, pending: 0, conflicts: 0 };
    },
    async syncNow() { return fail('', 'sync.notConfigured'); },
    async syncConflicts() { return []; },
    async joinSyncedBook() { return fail('', 'sync.notConfigured'); },
  };
}
