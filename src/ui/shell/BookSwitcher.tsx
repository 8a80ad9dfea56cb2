// Switch between books (账套) instantly; the choice is remembered on this device.
import { createUniqueId, For, Show } from 'solid-js';
import { t } from '../../i18n';
import { bookId, books, selectBook } from '../state/book';

export function BookSwitcher() {
  const id = `book-${createUniqueId()}`;
  return (
    <div class="control">
      <label for={id}>{t('shell.book')}</label>
      <select id={id} data-testid="book-switcher" disabled={books().length === 0} onChange={(e) => void selectBook(e.currentTarget.value)}>
        <Show when={books().length === 0}>
          <option value="">{t('shell.noBook')}</option>
        </Show>
        <For each={books()}>
          {(b) => (
            <option value={b.id} selected={b.id === bookId()}>
              {b.name}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
