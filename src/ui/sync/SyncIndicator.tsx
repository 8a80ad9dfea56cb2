// The sidebar's sync line for the current book: synced / syncing / offline /
// failed and why, with "Sync now". It also runs the automatic sync loop.
import { createEffect, For, on, onCleanup, onMount, Show } from 'solid-js';
import { t } from '../../i18n';
import { bookId } from '../state/book';
import { changed } from '../state/changed';
import { browserOnline, followBook, refreshSyncStatus, syncNowFromUi, syncStatus } from './syncState';
import { shownPhase, statusDetails, statusLine } from './statusText';

/** While the page is open the line is refreshed this often (pending count, retry time). */
const POLL_MS = 5000;

export function SyncIndicator() {
  createEffect(on(bookId, (id) => void followBook(id).catch(() => undefined)));
  // A write here changes the pending count.
  createEffect(on(changed, () => {
    const id = bookId();
    if (id) void refreshSyncStatus(id).catch(() => undefined);
  }, { defer: true }));
  onMount(() => {
    const timer = setInterval(() => {
      const id = bookId();
      if (id && syncStatus()?.phase !== 'off' && syncStatus()?.phase !== 'syncing') void refreshSyncStatus(id).catch(() => undefined);
    }, POLL_MS);
    onCleanup(() => clearInterval(timer));
  });

  return (
    <Show when={syncStatus()?.phase !== 'off' ? syncStatus() : null}>
      {(s) => (
        <div class="sync-status" data-testid="sync-status" data-phase={shownPhase(s(), browserOnline())} data-last-sync={s().lastSyncAt ?? ''} role="status">
          <span class="sync-line" title={s().error?.detail ?? ''}>{statusLine(s(), browserOnline())}</span>
          <For each={statusDetails(s())}>{(line) => <span class="sync-detail muted small">{line}</span>}</For>
          <button type="button" class="btn btn-small" data-testid="sync-now-shell" disabled={s().phase === 'syncing'}
            onClick={() => { const id = bookId(); if (id) void syncNowFromUi(id); }}>
            {t('sync.now')}
          </button>
        </div>
      )}
    </Show>
  );
}
