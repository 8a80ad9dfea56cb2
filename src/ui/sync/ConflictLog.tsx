// The fields two devices changed without seeing each other's change: what was
// kept everywhere and what it replaced, newest first.
import { createResource, For, Show } from 'solid-js';
import type { SyncConflict } from '../../api/sync';
import type { Id } from '../../domain/types';
import { fmtDateTime, t, tDynamic } from '../../i18n';
import { api } from '../client';
import { changed } from '../state/changed';

const SHOWN = 50;

/** A stored value as short text (numbers and words as they are, anything else as JSON). */
function valueText(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function ConflictLog(props: { bookId: Id }) {
  const [rows] = createResource(() => [props.bookId, changed()] as const, ([id]) => api().syncConflicts(id, SHOWN));
  return (
    <div class="sync-conflicts" data-testid="sync-conflicts">
      <h3>{t('sync.conflicts.title')}</h3>
      <p class="muted small">{t('sync.conflicts.intro')}</p>
      <Show when={(rows() ?? []).length > 0} fallback={<p class="muted">{t('sync.conflicts.none')}</p>}>
        <table class="table">
          <thead>
            <tr>
              <th>{t('sync.conflicts.when')}</th>
              <th>{t('sync.conflicts.record')}</th>
              <th>{t('sync.conflicts.field')}</th>
              <th>{t('sync.conflicts.kept')}</th>
              <th>{t('sync.conflicts.lost')}</th>
              <th>{t('sync.conflicts.winner')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows() ?? []}>
              {(c: SyncConflict) => (
                <tr data-testid="sync-conflict" data-field={c.field} data-winner={c.winner}>
                  <td>{fmtDateTime(c.at)}</td>
                  <td>{tDynamic(`sync.table.${c.table}`, undefined, c.table)} {c.label}</td>
                  <td data-testid="sync-conflict-field">{tDynamic(`sync.fieldName.${c.field}`, undefined, c.field)}</td>
                  <td data-testid="sync-conflict-kept">{valueText(c.kept)}</td>
                  <td data-testid="sync-conflict-lost">{valueText(c.lost)}</td>
                  <td>{t(c.winner === 'local' ? 'sync.conflicts.local' : 'sync.conflicts.remote')}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
