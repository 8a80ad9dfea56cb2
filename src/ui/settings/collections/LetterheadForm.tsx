// Texts every notice of the book repeats: who to contact, the creditor's address and
// phone, how to pay, the options offered and further consequences. An empty one
// falls back to the app's wording, which is shown under it.
import { For } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { LetterheadTexts } from '../../../api/collection-settings';
import { t, type MessageKey } from '../../../i18n';
import { api } from '../../client';
import { Form } from '../../forms/Form';
import { createForm } from '../../forms/formState';
import { TextAreaField } from '../../forms/TextAreaField';
import { createSavedNote, SavedNote } from './SavedNote';

const FIELDS: { key: keyof LetterheadTexts; label: MessageKey; rows: number; fallback: () => string }[] = [
  { key: 'contact', label: 'cs.letterhead.contact', rows: 2, fallback: () => t('cs.letterhead.fallbackBook') },
  { key: 'creditorContact', label: 'cs.letterhead.creditorContact', rows: 2, fallback: () => t('cs.letterhead.fallbackNone') },
  {
    key: 'paymentDetails', label: 'cs.letterhead.paymentDetails', rows: 3,
    fallback: () => t('cs.letterhead.fallback', { text: t('notice.default.paymentDetails') }),
  },
  { key: 'options', label: 'cs.letterhead.options', rows: 2, fallback: () => t('cs.letterhead.fallback', { text: t('notice.default.options') }) },
  { key: 'consequences', label: 'cs.letterhead.consequences', rows: 2, fallback: () => t('cs.letterhead.fallbackNone') },
];

export function LetterheadForm(props: { bookId: string; letterhead: LetterheadTexts }) {
  const form = createForm();
  const saved = createSavedNote();
  const [v, setV] = createStore<LetterheadTexts>({ ...props.letterhead });
  const save = () => {
    saved.clear();
    void form.submit({
      build: () => ({ ok: true as const, value: { ...v } }),
      send: (letterhead) => api().saveLetterhead(props.bookId, letterhead),
      onOk: (stored) => {
        setV(stored);
        saved.show(t('cs.letterhead.saved'));
      },
    });
  };
  return (
    <div class="cs-part">
      <h3>{t('cs.letterhead.title')}</h3>
      <p class="muted small">{t('cs.letterhead.intro')}</p>
      <Form form={form} onSubmit={save} testid="letterhead">
        <For each={FIELDS}>
          {(f) => (
            <TextAreaField form={form} name={f.key} label={t(f.label)} rows={f.rows} value={v[f.key]}
              onInput={(x) => setV(f.key, x)} hint={v[f.key].trim() === '' ? f.fallback() : undefined} />
          )}
        </For>
        <div class="field-wide"><SavedNote note={saved} /></div>
      </Form>
    </div>
  );
}
