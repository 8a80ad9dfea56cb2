// Sync as the worker answers it (issue 6): each book's own settings (where its
// changes go, how to sign in, the optional passphrase), its status, "sync now",
// and the log of merged conflicts. Settings stay on this device; they are never
// synced themselves (the other device has its own credentials).

import type { Result } from '../domain/errors';
import type { Id } from '../domain/types';

export type SyncTarget = 'server' | 'webdav';

export interface SyncSettingsInput {
  /** Base URL of the shared folder, e.g. http://localhost:8787 or https://dav.example/overdue. */
  url: string;
  /** 'server': the project's sync server (bearer token); 'webdav': Apache mod_dav and the like (user and password, LOCK for atomic writes). */
  target: SyncTarget;
  /** Bearer token (server); empty for none. */
  token: string;
  /** User and password (WebDAV); empty for none. */
  user: string;
  password: string;
  /** End-to-end encryption passphrase; empty for none. The first device to sync a book decides. */
  passphrase: string;
  /** Minutes between automatic syncs while the app is open and online; 0 = only on reconnect and by hand. */
  intervalMinutes: number;
}

/** What the UI shows of the stored settings (null when sync is off): secrets are never sent back, only whether one is set. */
export interface SyncSettingsView {
  bookId: Id;
  url: string;
  target: SyncTarget;
  user: string;
  hasToken: boolean;
  hasPassword: boolean;
  encrypted: boolean;
  intervalMinutes: number;
}

export type SyncErrorKind =
  | 'auth' | 'forbidden' | 'server' | 'timeout' | 'network' | 'corrupt' | 'tooLarge' | 'weakEtag' | 'unexpected'
  | 'wrongPassphrase' | 'needsPassphrase' | 'conflictRetries' | 'otherBook' | 'newerFormat' | 'storage'
  /** Joining: the shared folder has no book with this id. */
  | 'notShared';

export type SyncPhase = 'off' | 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  bookId: Id;
  phase: SyncPhase;
  /** ISO timestamp of the last sync that finished without error; null when never. */
  lastSyncAt: string | null;
  /** When phase is 'error': what went wrong, for the i18n string 'sync.error.<kind>'. */
  error: { kind: SyncErrorKind; detail: string; retryable: boolean } | null;
  /** When the next automatic retry is due (ms since epoch), after a retryable error. */
  retryAt: number | null;
  /** Local changes not yet pushed. */
  pending: number;
  /** Conflicts merged so far (the log's length). */
  conflicts: number;
}

/** What one sync did. */
export interface SyncReport {
  pulled: number;
  pushed: number;
  conflicts: number;
  bytesDown: number;
  bytesUp: number;
  compacted: boolean;
}

/** One field where two devices wrote different values without seeing each other's write. */
export interface SyncConflict {
  id: number;
  /** ISO timestamp of the merge. */
  at: string;
  table: string;
  recordId: Id;
  /** A short name of the record (invoice number, customer name) when known. */
  label: string;
  field: string;
  kept: unknown;
  lost: unknown;
  /** Which side's value was kept. */
  winner: 'local' | 'remote';
}

export interface SyncApi {
  syncSettings(bookId: Id): Promise<SyncSettingsView | null>;
  /** Checks and stores the settings (errors at the field: sync.url, sync.interval...), then the status says 'idle'. */
  saveSyncSettings(bookId: Id, input: SyncSettingsInput): Promise<Result<SyncSettingsView>>;
  /** Stops syncing the book on this device (local data stays; the shared copy stays). */
  disableSync(bookId: Id): Promise<void>;
  syncStatus(bookId: Id): Promise<SyncStatus>;
  /** Runs one sync now; the result carries what it did or why it failed (nothing local is changed by a failure). */
  syncNow(bookId: Id): Promise<Result<SyncReport>>;
  /** Newest first. */
  syncConflicts(bookId: Id, limit: number): Promise<SyncConflict[]>;
  /**
   * Joins a book another device shares: stores the settings under its id and
   * syncs; the book appears once its records arrive.
   */
  joinSyncedBook(bookId: Id, input: SyncSettingsInput): Promise<Result<SyncReport>>;
}
