// Settings → Sync for the current book: where to sync (sync server or WebDAV),
// how to sign in, the optional passphrase, how often; the book id another
// device needs to join; Save, Sync now, Stop syncing; the status and the
// conflict log. Secrets are never shown again once saved.
import { createResource, createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { SyncSettingsView } from '../../api/sync';
import { ok } from '../../domain/errors';
import type { Book } from '../../domain/types';
import { fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { Loading } from '../common/Loading';
import { Field } from '../forms/Field';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { createSavedNote, SavedNote } from '../settings/collections/SavedNote';
import { ConflictLog } from './ConflictLog';
import { draftOf, inputOf, type SyncDraft } from './syncDraft';
import { errorReason, statusLine } from './statusText';
import { browserOnline, followBook, lastSyncResult, syncNowFromUi, syncStatus } from './syncState';

/** The sign-in and address fields, shared with the join form. */
export function SyncFields(props: { form: ReturnType<typeof createForm>; draft: SyncDraft; set: (k: keyof SyncDraft, v: string) => void; saved: SyncSettingsView | null }) {
  const keep = (has: boolean | undefined) => (has ? t('sync.field.keep') : '');
  return (
    <>
      <SelectField form={props.form} name="target" label={t('sync.field.target')} value={props.draft.target}
        options={[{ value: 'server', label: t('sync.target.server') }, { value: 'webdav', label: t('sync.target.webdav') }]}
        onChange={(v) => props.set('target', v)} />
      <TextField form={props.form} name="url" label={t('sync.field.url')} value={props.draft.url} onInput={(v) => props.set('url', v)}
        hint={t('sync.field.url.hint')} class="field-wide" />
      <Show when={props.draft.target === 'server'}>
        <TextField form={props.form} name="token" label={t('sync.field.token')} value={props.draft.token} onInput={(v) => props.set('token', v)}
          placeholder={keep(props.saved?.hasToken)} autocomplete="off" />
      </Show>
      <Show when={props.draft.target === 'webdav'}>
        <TextField form={props.form} name="user" label={t('sync.field.user')} value={props.draft.user} onInput={(v) => props.set('user', v)} autocomplete="username" />
        <PasswordField form={props.form} name="password" label={t('sync.field.password')} value={props.draft.password}
          onInput={(v) => props.set('password', v)} placeholder={keep(props.saved?.hasPassword)} />
      </Show>
      <PasswordField form={props.form} name="passphrase" label={t('sync.field.passphrase')} value={props.draft.passphrase}
        onInput={(v) => props.set('passphrase', v)} placeholder={keep(props.saved?.encrypted)} hint={t('sync.field.passphrase.hint')} />
      <TextField form={props.form} name="intervalMinutes" label={t('sync.field.interval')} value={props.draft.intervalMinutes}
        onInput={(v) => props.set('intervalMinutes', v)} inputMode="numeric" hint={t('sync.field.interval.hint')} />
    </>
  );
}

/** A password input (TextField has no password type: secrets must not be echoed or autofilled as text). */
function PasswordField(props: { form: ReturnType<typeof createForm>; name: string; label: string; value: string; onInput: (v: string) => void; placeholder?: string; hint?: string }) {
  return (
    <Field form={props.form} name={props.name} label={props.label} hint={props.hint}>
      {(id) => (
        <input id={id} name={props.name} type="password" value={props.value} placeholder={props.placeholder} autocomplete="new-password"
          onInput={(e) => { props.onInput(e.currentTarget.value); props.form.clearError(props.name); }} />
      )}
    </Field>
  );
}

function SettingsForm(props: { book: Book; saved: SyncSettingsView | null; onChange: () => void }) {
  const form = createForm();
  const note = createSavedNote();
  const [draft, setDraft] = createStore<SyncDraft>(draftOf(props.saved));
  const [copied, setCopied] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const save = () => {
    note.clear();
    void form.submit({
      build: () => ok(inputOf(draft)),
      send: (input) => api().saveSyncSettings(props.book.id, input),
      onOk: (view) => {
        setDraft(draftOf(view));
        note.show(t('sync.saved'));
        props.onChange();
        void followBook(props.book.id).then(() => syncNowFromUi(props.book.id));
      },
    });
  };

  const syncNow = async () => {
    setBusy(true);
    try {
      await syncNowFromUi(props.book.id);
    } finally {
      setBusy(false);
    }
  };

  const disable = async () => {
    if (!window.confirm(t('sync.disable.confirm'))) return;
    await api().disableSync(props.book.id);
    note.show(t('sync.disabled'));
    await followBook(props.book.id);
    props.onChange();
  };

  const copyId = async () => {
    try {
      await navigator.clipboard.writeText(props.book.id);
      setCopied(true);
    } catch {
      // No clipboard permission: the id is selectable text.
    }
  };

  const result = () => lastSyncResult();
  return (
    <>
      <div class="sync-book-id">
        <span class="muted">{t('sync.bookId')}</span>
        <code data-testid="sync-book-id">{props.book.id}</code>
        <button type="button" class="btn btn-small" onClick={() => void copyId()}>{t('sync.copy')}</button>
        <Show when={copied()}><span class="field-ok">{t('sync.copied')}</span></Show>
        <p class="muted small">{t('sync.bookId.hint')}</p>
      </div>
      <Form form={form} onSubmit={save} testid="sync-form" saveLabel={t('sync.save')}>
        <SyncFields form={form} draft={draft} set={(k, v) => setDraft(k, v as never)} saved={props.saved} />
      </Form>
      <SavedNote note={note} />
      <Show when={props.saved}>
        <div class="form-actions">
          <button type="button" class="btn btn-primary" data-testid="sync-now" disabled={busy() || syncStatus()?.phase === 'syncing'} onClick={() => void syncNow()}>
            {t('sync.now')}
          </button>
          <button type="button" class="btn" data-testid="sync-disable" onClick={() => void disable()}>{t('sync.disable')}</button>
          <Show when={props.saved?.encrypted}><span class="badge">{t('sync.encrypted')}</span></Show>
        </div>
        <Show when={syncStatus()}>
          {(s) => <p data-testid="sync-panel-status" data-phase={s().phase} title={s().error?.detail ?? ''}>{statusLine(s(), browserOnline())}</p>}
        </Show>
        <Show when={result()}>
          {(r) => {
            const v = r();
            return v.ok
              ? <p class="muted small" data-testid="sync-result">{t('sync.done', { pulled: fmtNumber(v.value.pulled), pushed: fmtNumber(v.value.pushed) })}
                  {v.value.conflicts > 0 ? ` ${t('sync.doneConflicts', { count: fmtNumber(v.value.conflicts) })}` : ''}</p>
              : <p class="field-error" data-testid="sync-result">{t('sync.status.error', { reason: errorReason((v.errors[0]?.params?.kind ?? 'unexpected') as never) })}</p>;
          }}
        </Show>
      </Show>
    </>
  );
}

export function SyncSettingsPanel(props: { book: Book }) {
  const [saved, { refetch }] = createResource(() => props.book.id, async (id) => ({ view: await api().syncSettings(id) }));
  return (
    <section class="panel" data-testid="sync-panel">
      <h2>{t('sync.panel.title')}</h2>
      <p class="muted">{t('sync.panel.intro')}</p>
      <Show when={saved()} fallback={<Loading />} keyed>
        {(s) => <SettingsForm book={props.book} saved={s.view} onChange={() => void refetch()} />}
      </Show>
      <ConflictLog bookId={props.book.id} />
    </section>
  );
}
