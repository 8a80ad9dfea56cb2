// The current book's sync status for every view of a page (the sidebar indicator,
// the settings panel), and the one automatic-sync loop that runs for it. A sync
// that brought changes in refreshes the page's data like a write does.
import { createSignal } from 'solid-js';
import type { SyncReport, SyncStatus } from '../../api/sync';
import type { Result } from '../../domain/errors';
import type { Id } from '../../domain/types';
import { api } from '../client';
import { bumpChanged } from '../state/changed';
import { refreshBooks } from '../state/book';
import { startAutoSync, type AutoSync } from './autoSync';

const [status, setStatus] = createSignal<SyncStatus | null>(null);
const [online, setOnline] = createSignal(typeof navigator === 'undefined' ? true : navigator.onLine);
const [lastResult, setLastResult] = createSignal<Result<SyncReport> | null>(null);

export { status as syncStatus, online as browserOnline, lastResult as lastSyncResult };

let current: { bookId: Id; interval: number; loop: AutoSync | null } | null = null;

export async function refreshSyncStatus(bookId: Id): Promise<SyncStatus> {
  const s = await api().syncStatus(bookId);
  if (current?.bookId === bookId) setStatus(s);
  return s;
}

/** One sync of the book now; the status shows 'syncing' meanwhile. */
async function runOnce(bookId: Id): Promise<{ retryAt: number | null }> {
  setStatus((s) => (s && s.bookId === bookId ? { ...s, phase: 'syncing' } : s));
  const result = await api().syncNow(bookId);
  setLastResult(result);
  if (result.ok && (result.value.pulled > 0 || result.value.conflicts > 0)) {
    await refreshBooks().catch(() => undefined);
    bumpChanged();
  }
  const s = await refreshSyncStatus(bookId);
  return { retryAt: s.retryAt };
}

/** Follows the book: (re)starts the automatic loop when sync is on for it, stops it otherwise. */
export async function followBook(bookId: Id | null): Promise<void> {
  const s = bookId ? await api().syncStatus(bookId) : null;
  const settings = bookId && s && s.phase !== 'off' ? await api().syncSettings(bookId) : null;
  const interval = settings?.intervalMinutes ?? -1;
  if (current && current.bookId === bookId && current.interval === interval) {
    setStatus(s);
    return;
  }
  current?.loop?.stop();
  current = bookId ? { bookId, interval, loop: null } : null;
  setStatus(s);
  if (!current || !settings) return;
  const id = current.bookId;
  current.loop = startAutoSync(settings.intervalMinutes, {
    run: () => runOnce(id),
    online: () => navigator.onLine,
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    onOnline: (fn) => {
      window.addEventListener('online', fn);
      return () => window.removeEventListener('online', fn);
    },
  }, s?.lastSyncAt ? Date.parse(s.lastSyncAt) : null);
}

/** "Sync now" from a button: through the loop when there is one (never two at once). */
export async function syncNowFromUi(bookId: Id): Promise<void> {
  if (current?.bookId === bookId && current.loop) await current.loop.now();
  else await runOnce(bookId);
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
}
