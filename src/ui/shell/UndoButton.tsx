// Reverts the newest change in the current book and says what was undone.
import { createSignal, onCleanup, Show } from 'solid-js';
import { actionLabel, errorText, t } from '../../i18n';
import { api } from '../client';
import { book, refreshBooks } from '../state/book';
import { bumpChanged } from '../state/changed';
import { noteStorageError } from '../state/storage';

export function UndoButton() {
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal('');
  let timer: number | undefined;
  onCleanup(() => window.clearTimeout(timer));

  const say = (text: string) => {
    setMessage(text);
    window.clearTimeout(timer);
    timer = window.setTimeout(() => setMessage(''), 6000);
  };

  const undo = async () => {
    const b = book();
    if (!b || busy()) {
      if (!b) say(t('error.undo.nothing'));
      return;
    }
    setBusy(true);
    try {
      const res = await api().undo(b.id);
      if (res.ok) {
        say(t('shell.undone', { action: actionLabel(res.value.action) }));
        // Undo can revert a book's settings or creation: reload the books too.
        await refreshBooks();
        bumpChanged();
      } else {
        const first = res.errors[0];
        if (first) {
          noteStorageError(first.code);
          say(errorText(first));
        }
      }
    } catch (e) {
      say(t('common.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="undo">
      {/* Disabled until the current book is known: a click while the page is still
          starting would otherwise answer "nothing to undo" for a book that has changes. */}
      <button type="button" class="btn" data-testid="undo" disabled={busy() || !book()} onClick={undo}>
        ↶ {t('shell.undo')}
      </button>
      <Show when={message()}>
        <span class="undo-message" role="status" data-testid="undo-message">
          {message()}
        </span>
      </Show>
    </div>
  );
}
