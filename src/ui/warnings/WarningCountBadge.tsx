// The number of active risk warnings next to the navigation item, refreshed after
// every write (a payment can end a warning, a dismissal hides one).
import { createResource, Show } from 'solid-js';
import { fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { book } from '../state/book';
import { changed } from '../state/changed';
import { sessionState } from '../state/session';
import { today } from '../state/today';

export function WarningCountBadge() {
  const [count] = createResource(
    () => {
      const b = book();
      return sessionState() === 'ready' && b ? { bookId: b.id, asOf: today(), v: changed() } : false;
    },
    // A count is a hint: when it cannot be had, the badge stays away rather than break the page.
    (q) => api().warningCount(q.bookId, q.asOf).catch(() => 0),
  );
  return (
    <Show when={count.latest}>
      {(n) => (
        <span class="nav-count" data-testid="nav-warnings-count" data-count={n()} title={t('warnings.navCount', { count: n() })}>
          {fmtNumber(n())}
        </span>
      )}
    </Show>
  );
}
