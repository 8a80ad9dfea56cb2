// "Back up everything" and "Restore from backup". A chosen file is checked first
// (the worker refuses a damaged or foreign one and says where); only then are the
// restore buttons offered, and replacing existing books needs a second, explicit click.
import * as Comlink from 'comlink';
import { createSignal, For, Show } from 'solid-js';
import type { RestoreMode, RestoreReport } from '../../api/contract';
import type { FieldError } from '../../domain/errors';
import { errorText, fmtDate, t } from '../../i18n';
import { api } from '../client';
import { saveFile } from '../export/saveFile';
import { bumpChanged } from '../state/changed';
import { refreshBooks } from '../state/book';

/** "books[1].invoices[17].amount: not an integer"; whole-file problems are sentences of their own. */
function problemText(e: FieldError): string {
  const text = errorText(e);
  return e.field === '' || e.field === 'format' || e.field === 'version' || e.field === 'checksum' || e.field.startsWith('counts.')
    ? text
    : `${e.field}: ${text}`;
}

export function BackupPanel(props: { onDone: (text: string) => void }) {
  const [busy, setBusy] = createSignal(false);
  const [backupError, setBackupError] = createSignal('');
  const [file, setFile] = createSignal<File | null>(null);
  const [check, setCheck] = createSignal<RestoreReport | null>(null);
  const [problems, setProblems] = createSignal<FieldError[]>([]);
  const [confirming, setConfirming] = createSignal(false);

  const backup = async () => {
    setBusy(true);
    setBackupError('');
    try {
      const out = await api().backupAll();
      saveFile(out.bytes, out.filename, 'application/json');
      props.onDone(t('backup.done', { filename: out.filename }));
    } catch (e) {
      setBackupError(t('backup.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  /** Reads the file again for each call: the bytes are transferred to the worker. */
  const send = async (mode: RestoreMode) => {
    const chosen = file();
    if (!chosen) return null;
    const bytes = await chosen.arrayBuffer();
    return api().restoreBackup(Comlink.transfer(bytes, [bytes]), mode);
  };

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setCheck(null);
    setProblems([]);
    setConfirming(false);
    if (!chosen) return;
    setBusy(true);
    try {
      const result = await send('check');
      if (!result) return;
      if (result.ok) setCheck(result.value);
      else setProblems(result.errors);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (mode: 'asNew' | 'replace') => {
    setBusy(true);
    try {
      const result = await send(mode);
      if (!result) return;
      if (!result.ok) {
        setProblems(result.errors);
        return;
      }
      setCheck(null);
      setConfirming(false);
      await refreshBooks();
      bumpChanged();
      props.onDone(t('restore.done', { names: result.value.restored.map((b) => b.name).join(', ') }));
    } finally {
      setBusy(false);
    }
  };

  const existing = () => check()?.books.filter((b) => b.existing !== null).length ?? 0;

  return (
    <section class="panel" data-testid="backup-panel">
      <h2>{t('backup.title')}</h2>
      <p>{t('backup.body')}</p>
      <button type="button" class="btn btn-primary" data-testid="backup" disabled={busy()} onClick={() => void backup()}>
        {t('backup.button')}
      </button>
      <Show when={backupError()}>
        <p class="field-error" role="alert">{backupError()}</p>
      </Show>

      <div class="field">
        <label for="backupFile">{t('restore.file')}</label>
        <input id="backupFile" name="backupFile" type="file" accept=".json,application/json" disabled={busy()}
          onChange={(e) => void choose(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <Show when={problems().length > 0}>
        <div class="field-error" role="alert" data-testid="restore-errors">
          <p>{check() ? t('restore.failed') : t('restore.refused')}</p>
          <ul>
            <For each={problems()}>{(e) => <li>{problemText(e)}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={check()}>
        {(c) => (
          <div data-testid="restore-summary">
            <p>{t('restore.summary', { date: fmtDate(c().exportedAt.slice(0, 10)), count: c().books.length })}</p>
            <ul>
              <For each={c().books}>
                {(b) => (
                  <li data-testid="restore-book">
                    {t('restore.bookLine', { name: b.name, currency: b.currency, customers: b.customers, invoices: b.invoices, payments: b.payments, activities: b.activities })}
                    {' · '}
                    {b.existing ? t('restore.existsHere', { name: b.existing.name }) : t('restore.newHere')}
                  </li>
                )}
              </For>
            </ul>
            <div class="page-actions">
              <button type="button" class="btn btn-primary" data-testid="restore-as-new" disabled={busy()} onClick={() => void restore('asNew')}>
                {t('restore.asNew')}
              </button>
              <button type="button" class="btn" data-testid="restore-replace" aria-pressed={confirming()} disabled={busy()} onClick={() => setConfirming(!confirming())}>
                {t('restore.replace')}
              </button>
            </div>
            <Show when={confirming()}>
              <div class="panel" role="alertdialog" aria-label={t('restore.replace')}>
                <p>{t('restore.confirmReplace', { count: existing() })}</p>
                <button type="button" class="btn btn-primary" data-testid="restore-replace-confirm" disabled={busy()} onClick={() => void restore('replace')}>
                  {t('restore.replace')}
                </button>
                <button type="button" class="btn" onClick={() => setConfirming(false)}>{t('restore.cancel')}</button>
              </div>
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
