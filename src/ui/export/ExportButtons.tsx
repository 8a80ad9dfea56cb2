// "Export" buttons for a page's reports, with the CSV encoding choice. The worker
// builds the file; the page only saves the bytes it gets back.
import { createSignal, For, Show } from 'solid-js';
import type { ExportReport } from '../../api/contract';
import type { Id } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { today } from '../state/today';
import { encoding, setEncoding } from './encoding';
import { saveFile } from './saveFile';

export function ExportButtons(props: { bookId: Id; reports: ExportReport[]; customerId?: Id }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal('');

  const run = async (report: ExportReport) => {
    setBusy(true);
    setError('');
    try {
      const file = await api().exportCsv(props.bookId, report, { asOf: today(), encoding: encoding(), customerId: props.customerId });
      saveFile(file.bytes, file.filename, file.mime);
    } catch (e) {
      setError(t('export.failed', { detail: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="export-buttons no-print" role="group" aria-label={t('export.menu')} style={{ display: 'flex', "flex-wrap": 'wrap', gap: '0.5rem', "align-items": 'center', margin: '0.5rem 0' }}>
      <label style={{ display: 'flex', gap: '0.25rem', "align-items": 'center' }}>
        <span>{t('export.encoding')}</span>
        <select data-testid="export-encoding" value={encoding()} onChange={(e) => setEncoding(e.currentTarget.value === 'gbk' ? 'gbk' : 'utf-8')}>
          <option value="utf-8">{t('export.encoding.utf8')}</option>
          <option value="gbk">{t('export.encoding.gbk')}</option>
        </select>
      </label>
      <For each={props.reports}>
        {(report) => (
          <button type="button" class="btn" data-testid={`export-${report}`} disabled={busy()} onClick={() => void run(report)}>
            {t(`export.${report}`)}
          </button>
        )}
      </For>
      <Show when={busy()}>
        <span class="muted" role="status">{t('export.working')}</span>
      </Show>
      <Show when={error()}>
        <p class="field-error" role="alert">{error()}</p>
      </Show>
    </div>
  );
}
