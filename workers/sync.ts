// Sync in the worker (issue 6): each book's settings on this device, its status,
// one sync at a time per book (across tabs too, through Web Locks where the
// browser has them), and the conflict log. The protocol is src/sync/engine.ts;
// the local side is the repository's syncReplica, so merged records reach the
// ledgers and other tabs like any other write.

import { Dexie } from 'dexie';
import type {
  SyncApi, SyncConflict, SyncReport, SyncSettingsInput, SyncSettingsView, SyncStatus,
} from '../src/api/sync';
import type { Repository } from '../src/db/repository';
import type { OverdueDb, SyncConfigRow } from '../src/db/schema';
import { storageFailure } from '../src/db/storage-errors';
import { fail, ok, type Result } from '../src/domain/errors';
import type { Id } from '../src/domain/types';
import { backoffDelay, createEndpoint } from '../src/sync/endpoint';
import { syncBook, type KeyCache } from '../src/sync/engine';
import { describeSyncError, type SyncFailure } from '../src/sync/engine-errors';
import { checkBookId, checkSyncSettings, type CheckedSyncSettings } from '../src/sync/settings-check';

interface BookRun {
  running: Promise<Result<SyncReport>> | null;
  error: SyncFailure | null;
  failures: number;
  retryAt: number | null;
}

export interface SyncApiOptions {
  /** PBKDF2 iterations for a book encrypted here first (tests lower it). */
  iterations?: number;
  timeoutMs?: number;
}

function view(row: SyncConfigRow): SyncSettingsView {
  return {
    bookId: row.bookId, url: row.url, target: row.target, user: row.user,
    hasToken: row.token !== '', hasPassword: row.password !== '', encrypted: row.passphrase !== '', intervalMinutes: row.intervalMinutes,
  };
}

/** Runs `task` holding the book's sync lock, so two tabs never sync one book at once. */
async function exclusively<T>(bookId: Id, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;
  if (!locks) return task();
  return locks.request(`overdue-sync-${bookId}`, task) as Promise<T>;
}

export function createSyncApi(db: OverdueDb, ready: Promise<{ repo: Repository }>, options: SyncApiOptions = {}): SyncApi {
  const runs = new Map<Id, BookRun>();
  const keys: KeyCache = new Map();
  const runOf = (bookId: Id): BookRun => {
    let run = runs.get(bookId);
    if (!run) {
      run = { running: null, error: null, failures: 0, retryAt: null };
      runs.set(bookId, run);
    }
    return run;
  };

  /** Stores checked settings; a secret left empty keeps the stored one; a new folder starts the cursor over. */
  async function store(bookId: Id, checked: CheckedSyncSettings): Promise<SyncConfigRow> {
    return db.transaction('rw', db.syncConfig, db.syncState, async () => {
      const old = await db.syncConfig.get(bookId);
      const keep = (typed: string, stored: string | undefined) => (typed === '' ? stored ?? '' : typed);
      const row: SyncConfigRow = {
        bookId, url: checked.url, target: checked.target,
        token: checked.target === 'server' ? keep(checked.token, old?.token) : '',
        user: checked.target === 'webdav' ? checked.user : '',
        password: checked.target === 'webdav' ? keep(checked.password, old?.password) : '',
        passphrase: keep(checked.passphrase, old?.passphrase),
        intervalMinutes: checked.intervalMinutes,
      };
      // The cursor (head, seen) belongs to one shared folder.
      if (old && old.url !== row.url) await db.syncState.delete(bookId);
      await db.syncConfig.put(row);
      return row;
    });
  }

  async function runSync(bookId: Id, joining = false): Promise<Result<SyncReport>> {
    const { repo } = await ready;
    const config = await db.syncConfig.get(bookId);
    if (!config) return fail('', 'sync.notConfigured');
    const run = runOf(bookId);
    try {
      const endpoint = createEndpoint({
        url: config.url,
        auth: config.target === 'webdav' ? { user: config.user, password: config.password } : config.token === '' ? undefined : { token: config.token },
        webdavLocks: config.target === 'webdav',
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
      const report = await exclusively(bookId, () => syncBook({
        book: bookId, endpoint, local: repo.syncReplica(bookId), passphrase: config.passphrase, keys, mustExist: joining,
        ...(options.iterations ? { iterations: options.iterations } : {}),
      }));
      run.error = null;
      run.failures = 0;
      run.retryAt = null;
      return ok(report);
    } catch (e) {
      const failure = describeSyncError(e);
      run.error = failure;
      run.retryAt = failure.retryable ? Date.now() + Math.max(failure.retryAfterMs ?? 0, backoffDelay(run.failures)) : null;
      run.failures += 1;
      return fail('', 'sync.failed', { kind: failure.kind, detail: failure.detail });
    }
  }

  function start(bookId: Id, joining: boolean): Promise<Result<SyncReport>> {
    const run = runOf(bookId);
    if (run.running) return run.running;
    const running = runSync(bookId, joining).finally(() => { run.running = null; });
    run.running = running;
    return running;
  }

  async function pendingChanges(bookId: Id, pushedSeq: number): Promise<number> {
    return db.changes.where('[bookId+seq]').between([bookId, pushedSeq], [bookId, Dexie.maxKey], false, false)
      .filter((c) => c.action !== 'sync.merge').count();
  }

  const api: SyncApi = {
    async syncSettings(bookId) {
      await ready;
      const row = await db.syncConfig.get(bookId);
      return row ? view(row) : null;
    },

    async saveSyncSettings(bookId, input: SyncSettingsInput) {
      const checked = checkSyncSettings(input);
      if (!checked.ok) return checked;
      try {
        await ready;
        const book = await db.books.get(bookId);
        if (!book || book.deleted === 1) return fail('', 'book.notFound');
        const row = await store(bookId, checked.value);
        const run = runOf(bookId);
        run.error = null;
        run.failures = 0;
        run.retryAt = null;
        return ok(view(row));
      } catch (e) {
        return storageFailure(e);
      }
    },

    async disableSync(bookId) {
      await ready;
      await db.transaction('rw', db.syncConfig, db.syncState, async () => {
        await db.syncConfig.delete(bookId);
        await db.syncState.delete(bookId);
      });
      runs.delete(bookId);
    },

    async syncStatus(bookId): Promise<SyncStatus> {
      await ready;
      const [config, state, conflicts] = await Promise.all([
        db.syncConfig.get(bookId), db.syncState.get(bookId), db.syncConflicts.where('bookId').equals(bookId).count(),
      ]);
      const run = runs.get(bookId);
      const base = { bookId, lastSyncAt: state?.lastSyncAt ?? null, conflicts, retryAt: null, error: null };
      if (!config) return { ...base, phase: 'off', pending: 0 };
      const pending = await pendingChanges(bookId, state?.pushedSeq ?? 0);
      if (run?.running) return { ...base, phase: 'syncing', pending };
      if (run?.error) {
        const offline = run.error.kind === 'network' || run.error.kind === 'timeout';
        return { ...base, phase: offline ? 'offline' : 'error', pending, error: { ...run.error }, retryAt: run.retryAt };
      }
      return { ...base, phase: 'idle', pending };
    },

    syncNow: (bookId) => start(bookId, false),

    async syncConflicts(bookId, limit): Promise<SyncConflict[]> {
      await ready;
      const rows = await db.syncConflicts.where('bookId').equals(bookId).reverse().limit(Math.max(0, Math.min(limit, 500))).toArray();
      return rows.map((r) => ({
        id: r.id ?? 0, at: r.at, table: r.table, recordId: r.recordId, label: r.label, field: r.field, kept: r.kept, lost: r.lost, winner: r.winner,
      }));
    },

    async joinSyncedBook(bookIdText, input) {
      const id = checkBookId(bookIdText);
      const checked = checkSyncSettings(input);
      if (!id.ok || !checked.ok) return { ok: false, errors: [...(id.ok ? [] : id.errors), ...(checked.ok ? [] : checked.errors)] };
      const bookId = id.value;
      try {
        await ready;
        const existing = await db.books.get(bookId);
        // A book already here without sync is set up from its own settings panel; one with sync
        // settings here may be joined again (to correct them after a failed join).
        if (existing && existing.deleted === 0 && !(await db.syncConfig.get(bookId))) return fail('bookId', 'sync.bookExists');
        await store(bookId, checked.value);
      } catch (e) {
        return storageFailure(e);
      }
      const result = await start(bookId, true);
      if (await db.books.get(bookId)) return result;
      // Nothing arrived: forget the settings, so a retry starts clean. (Once the book is
      // here it keeps them, and the status says what is left to do.)
      await api.disableSync(bookId);
      return result.ok ? fail('', 'sync.failed', { kind: 'notShared', detail: '' }) : result;
    },
  };
  return api;
}
