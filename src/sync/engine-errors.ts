// Every way a sync can fail, as one kind for the status line and a retry decision.

import type { SyncErrorKind } from '../api/sync';
import { WrongPassphraseError } from './crypto';
import { SyncFormatError } from './documents';
import { isSyncHttpError } from './http-errors';

export class SyncEngineError extends Error {
  override readonly name = 'SyncEngineError';
  constructor(readonly kind: SyncErrorKind, readonly detail: string) {
    super(`${kind}: ${detail}`);
  }
}

export interface SyncFailure {
  kind: SyncErrorKind;
  detail: string;
  retryable: boolean;
  retryAfterMs?: number;
}

const RETRYABLE_KINDS = new Set<SyncErrorKind>(['server', 'timeout', 'network', 'corrupt', 'weakEtag', 'conflictRetries']);

export function describeSyncError(error: unknown): SyncFailure {
  if (isSyncHttpError(error)) {
    return { kind: error.kind, detail: error.message, retryable: error.retryable, ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }) };
  }
  if (error instanceof WrongPassphraseError) return { kind: 'wrongPassphrase', detail: error.message, retryable: false };
  if (error instanceof SyncFormatError) {
    // A damaged or foreign file may be a proxy's page or a cut answer: try again later; a newer format needs an update.
    return error.newer
      ? { kind: 'newerFormat', detail: error.message, retryable: false }
      : { kind: 'corrupt', detail: error.message, retryable: true };
  }
  if (error instanceof SyncEngineError) return { kind: error.kind, detail: error.detail, retryable: RETRYABLE_KINDS.has(error.kind) };
  if (error instanceof RangeError) return { kind: 'corrupt', detail: error.message, retryable: true };
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && (name.endsWith('QuotaExceededError') || name.startsWith('Dexie') || name.includes('Transaction'))) {
    return { kind: 'storage', detail: String((error as Error).message), retryable: false };
  }
  return { kind: 'unexpected', detail: error instanceof Error ? error.message : String(error), retryable: false };
}
