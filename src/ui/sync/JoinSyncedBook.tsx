// Settings → "Join a synced book": a book another device shares, by its id and
// the same shared folder; once its records arrive it becomes the current book.
import { createStore } from 'solid-js/store';
import { createSignal } from 'solid-js';
import { ok } from '../../domain/errors';
import { t } from '../../i18n';
import { api } from '../client';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { TextField } from '../forms/TextField';
import { refreshBooks, selectBook } from '../state/book';
import { SyncFields } from './SyncSettingsPanel';
import { draftOf, inputOf, type SyncDraft } from './syncDraft';
import { errorReason } from './statusText';

export function JoinSyncedBook(props: { onJoined: (name: string) => void; onCancel: () => void }) {
  const form = createForm();
  const [draft, setDraft] = createStore<SyncDraft>(draftOf(null));
  const [bookIdText, setBookIdText] = createSignal('');

  const join = () => {
    void form.submit({
      build: () => ok({ id: bookIdText(), input: inputOf(draft) }),
      send: async ({ id, input }) => {
        const r = await api().joinSyncedBook(id, input);
        if (r.ok) return r;
        // A failed sync is explained in words at the top of the form, not as a code.
        return {
          ok: false as const,
          errors: r.errors.map((e) => (e.code === 'sync.failed' ? { ...e, params: { detail: errorReason((e.params?.kind ?? 'unexpected') as never) } } : e)),
        };
      },
      onOk: async () => {
        const id = bookIdText().trim().toLowerCase();
        await selectBook(id);
        await refreshBooks();
        const book = await api().getBook(id);
        props.onJoined(book?.name ?? id);
      },
    });
  };

  return (
    <section class="panel" data-testid="join-form">
      <Form form={form} onSubmit={join} onCancel={props.onCancel} title={t('sync.join.title')} saveLabel={t('sync.join.save')} testid="join-sync-form">
        <p class="muted field-wide">{t('sync.join.intro')}</p>
        <TextField form={form} name="bookId" label={t('sync.bookId')} value={bookIdText()} onInput={setBookIdText} class="field-wide" />
        <SyncFields form={form} draft={draft} set={(k, v) => setDraft(k, v as never)} saved={null} />
      </Form>
    </section>
  );
}
