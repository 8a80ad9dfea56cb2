// IndexedDB failures reported as Result errors the UI can explain, instead of
// exceptions escaping the worker. Dexie wraps the browser's DOMException (in
// `inner`, or per record in a BulkError's `failures`), so the whole chain is searched
// and the innermost (the browser's own) message is kept.

import type { FieldError, Result } from '../domain/errors';

const BLOCKED = new Set(['VersionError', 'VersionChangeError', 'BlockedError']);

function errorChain(e: unknown, depth = 0): { name: string; message: string }[] {
  if (depth > 4 || e === null || typeof e !== 'object') return [];
  const err = e as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = { name: String(err.name ?? ''), message: String(err.message ?? '') };
  const nested: unknown[] = [err.inner, err.cause];
  if (Array.isArray(err.failures)) nested.push(...err.failures);
  else if (err.failures && typeof err.failures === 'object') nested.push(...Object.values(err.failures));
  return [own, ...nested.flatMap((n) => errorChain(n, depth + 1))];
}

/** Quota -> 'storage.quota'; version conflict with another tab -> 'storage.blocked'; anything else -> 'storage.failed'. */
export function toStorageError(e: unknown): FieldError {
  const innermostFirst = errorChain(e).reverse();
  const quota = innermostFirst.find((c) => c.name === 'QuotaExceededError');
  if (quota) return { field: '', code: 'storage.quota', params: { detail: quota.message } };
  const blocked = innermostFirst.find((c) => BLOCKED.has(c.name));
  if (blocked) return { field: '', code: 'storage.blocked', params: { detail: blocked.message } };
  // The innermost message is the browser's own, without Dexie's wrapping.
  const detail = innermostFirst.find((c) => c.message !== '')?.message ?? String(e);
  return { field: '', code: 'storage.failed', params: { detail } };
}

export function storageFailure<T>(e: unknown): Result<T> {
  return { ok: false, errors: [toStorageError(e)] };
}
