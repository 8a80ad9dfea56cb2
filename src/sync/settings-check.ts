// Checking a book's sync settings as typed, with errors at the field.

import type { SyncSettingsInput } from '../api/sync';
import { fail, ok, type FieldError, type Result } from '../domain/errors';

export const MAX_INTERVAL_MINUTES = 24 * 60;
const BOOK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The same fields as typed, trimmed and checked: the URL a folder ending in '/', the interval whole minutes. */
export type CheckedSyncSettings = SyncSettingsInput;

/** The URL as a folder: http(s) only, no fragment or query, always ending in '/'. */
export function folderUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return null;
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

export function checkSyncSettings(input: SyncSettingsInput): Result<CheckedSyncSettings> {
  const errors: FieldError[] = [];
  const url = folderUrl(String(input.url ?? ''));
  if (url === null) errors.push({ field: 'url', code: 'sync.url' });
  const interval = Number(input.intervalMinutes);
  if (!Number.isInteger(interval) || interval < 0 || interval > MAX_INTERVAL_MINUTES) {
    errors.push({ field: 'intervalMinutes', code: 'sync.interval', params: { min: 0, max: MAX_INTERVAL_MINUTES } });
  }
  if (errors.length > 0 || url === null) return { ok: false, errors };
  return ok({
    url,
    target: input.target === 'webdav' ? 'webdav' : 'server',
    token: String(input.token ?? '').trim(),
    user: String(input.user ?? '').trim(),
    password: String(input.password ?? ''),
    passphrase: String(input.passphrase ?? ''),
    intervalMinutes: interval,
  });
}

export function checkBookId(text: string): Result<string> {
  const id = text.trim().toLowerCase();
  return BOOK_ID.test(id) ? ok(id) : fail('bookId', 'sync.bookId');
}
