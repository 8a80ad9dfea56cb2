// The book's wording of each notice template, per language: subject and text with
// {{placeholders}}, the list of placeholders to insert, errors at the field with
// their line and column (and a button that puts the caret there), and a way back
// to the shipped text.
import { createSignal, For, onMount, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { NoticeLocale, TemplateText, TemplateTexts } from '../../../api/collection-settings';
import { TEMPLATE_IDS, type TemplateId } from '../../../domain/collections';
import { PLACEHOLDERS } from '../../../domain/notice-template';
import { errorText, t } from '../../../i18n';
import { api } from '../../client';
import { createForm, type FormState } from '../../forms/formState';
import { FormErrors } from '../../forms/FormErrors';
import { SelectField } from '../../forms/SelectField';
import { insertAt, offsetOf } from './caret';
import { createSavedNote, SavedNote } from './SavedNote';

type TextKey = keyof TemplateText;

/** A subject line or the body, with every error of the field listed under it. */
function TemplateTextField(props: {
  form: FormState;
  name: TextKey;
  label: string;
  value: string;
  rows?: number;
  onInput: (value: string) => void;
  ref: (el: HTMLInputElement | HTMLTextAreaElement) => void;
  onFocus: () => void;
}) {
  let control: HTMLInputElement | HTMLTextAreaElement | undefined;
  onMount(() => props.form.register(props.name));
  const id = () => props.form.id(props.name);
  const errors = () => props.form.errors().filter((e) => e.field === props.name);
  const keep = (el: HTMLInputElement | HTMLTextAreaElement) => {
    control = el;
    props.ref(el);
  };
  /** Puts the caret where the error is. */
  const goTo = (line: number, column: number) => {
    if (!control) return;
    const at = offsetOf(control.value, line, column);
    control.focus();
    control.setSelectionRange(at, at);
  };
  const common = {
    get id() {
      return id();
    },
    name: props.name,
    get value() {
      return props.value;
    },
    get 'aria-invalid'() {
      return errors().length > 0 ? ('true' as const) : undefined;
    },
    get 'aria-describedby'() {
      return errors().length > 0 ? `${id()}-error` : undefined;
    },
    spellcheck: false,
    onFocus: () => props.onFocus(),
  };
  return (
    <div class="field field-wide" classList={{ 'has-error': errors().length > 0 }}>
      <label for={id()}>{props.label}</label>
      <Show
        when={props.rows}
        fallback={<input {...common} ref={keep} type="text" autocomplete="off" onInput={(e) => {
          props.onInput(e.currentTarget.value);
          props.form.clearError(props.name);
        }} />}
      >
        <textarea {...common} ref={keep} rows={props.rows} class="mono template-body" onInput={(e) => {
          props.onInput(e.currentTarget.value);
          props.form.clearError(props.name);
        }} />
      </Show>
      <Show when={errors().length > 0}>
        <ul class="field-error plain" role="alert" id={`${id()}-error`} data-testid={`error-${props.name}`}>
          <For each={errors()}>
            {(e) => (
              <li>
                {errorText(e)}
                <Show when={typeof e.params?.line === 'number'}>
                  {' '}
                  <button type="button" class="btn-text" onClick={() => goTo(Number(e.params?.line), Number(e.params?.column))}>
                    {t('cs.templates.goTo')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

export function TemplateEditor(props: {
  bookId: string;
  bookLocale: NoticeLocale;
  own: TemplateTexts;
  shipped: Record<NoticeLocale, Record<TemplateId, TemplateText>>;
}) {
  const form = createForm();
  const saved = createSavedNote();
  const [own, setOwn] = createStore<TemplateTexts>({ 'zh-CN': { ...props.own['zh-CN'] }, en: { ...props.own.en } });
  const [locale, setLocale] = createSignal<NoticeLocale>(props.bookLocale);
  const [templateId, setTemplateId] = createSignal<TemplateId>('notice');
  const current = (l = locale(), id = templateId()): TemplateText => own[l][id] ?? props.shipped[l][id];
  const [text, setText] = createStore<TemplateText>({ ...current() });
  const edited = () => own[locale()][templateId()] !== undefined;

  const controls: Partial<Record<TextKey, HTMLInputElement | HTMLTextAreaElement>> = {};
  let lastFocused: TextKey = 'body';

  const load = (l: NoticeLocale, id: TemplateId) => {
    setLocale(l);
    setTemplateId(id);
    setText({ ...current(l, id) });
    form.setErrors([], { focus: false });
    saved.clear();
  };

  /** Inserts {{name}} at the caret of the field last used (the body at first). */
  const insert = (name: string) => {
    const key = lastFocused;
    const el = controls[key];
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? text[key].length;
    const end = el?.selectionEnd ?? start;
    const next = insertAt(text[key], start, end, token);
    setText(key, next.text);
    form.clearError(key);
    if (el) {
      el.value = next.text;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    }
  };

  const send = (value: TemplateText | null, done: string) => {
    saved.clear();
    const l = locale();
    const id = templateId();
    return form.submit({
      build: () => ({ ok: true as const, value }),
      send: (v) => api().saveTemplate(props.bookId, l, id, v),
      onOk: (stored) => {
        const shipped = props.shipped[l][id];
        setOwn(l, id, stored.subject === shipped.subject && stored.body === shipped.body ? undefined : { ...stored });
        if (locale() === l && templateId() === id) setText({ ...stored });
        saved.show(done);
      },
    });
  };

  return (
    <div class="cs-part">
      <h3>{t('cs.templates.title')}</h3>
      <p class="muted small">{t('cs.templates.intro')}</p>
      <form class="form" data-testid="template-editor" noValidate onSubmit={(e) => {
        e.preventDefault();
        void send({ subject: text.subject, body: text.body }, t('cs.templates.saved'));
      }}>
        <div class="inline-fields">
          <SelectField form={form} name="locale" label={t('cs.templates.language')} value={locale()}
            options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]}
            onChange={(v) => load(v === 'en' ? 'en' : 'zh-CN', templateId())} />
          <SelectField form={form} name="templateId" label={t('cs.templates.template')} value={templateId()}
            options={TEMPLATE_IDS.map((id) => ({ value: id, label: t(`notice.template.${id}`) }))}
            onChange={(v) => load(locale(), v as TemplateId)} />
          <span class="badge" data-testid="template-state" data-edited={edited() ? 'true' : 'false'}>
            {edited() ? t('cs.templates.edited') : t('cs.templates.shipped')}
          </span>
        </div>
        <TemplateTextField form={form} name="subject" label={t('cs.templates.subject')} value={text.subject}
          onInput={(v) => setText('subject', v)} ref={(el) => (controls.subject = el)} onFocus={() => (lastFocused = 'subject')} />
        <div class="field field-wide">
          <span class="field-label" id="placeholders-label">{t('cs.templates.placeholders')}</span>
          <div class="placeholder-list" role="group" aria-labelledby="placeholders-label" data-testid="placeholders">
            <For each={PLACEHOLDERS}>
              {(name) => (
                <button type="button" class="btn btn-small mono" data-placeholder={name} title={t(`cs.placeholder.${name}`)}
                  onMouseDown={(e) => e.preventDefault()} onClick={() => insert(name)}>
                  {`{{${name}}}`}
                </button>
              )}
            </For>
          </div>
        </div>
        <TemplateTextField form={form} name="body" label={t('cs.templates.body')} value={text.body} rows={18}
          onInput={(v) => setText('body', v)} ref={(el) => (controls.body = el)} onFocus={() => (lastFocused = 'body')} />
        <FormErrors form={form} />
        <SavedNote note={saved} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" data-testid="save-template" disabled={form.saving()} aria-busy={form.saving()}>
            {form.saving() ? t('common.saving') : t('cs.templates.save')}
          </button>
          <button type="button" class="btn" data-testid="reset-template" disabled={!edited() || form.saving()}
            onClick={() => void send(null, t('cs.templates.resetDone'))}>
            {t('cs.templates.reset')}
          </button>
        </div>
      </form>
    </div>
  );
}
