// The cash-in forecast: the 13 weeks' expected total and band, what is overdue
// with no day to name and what is expected later; the weeks as a chart or a
// table; and a CSV of the table in the chosen encoding (Excel-friendly, like the
// other exports).
import { createSignal, Show } from 'solid-js';
import type { CashForecast } from '../../domain/cash-forecast';
import { currencyDigits } from '../../domain/money';
import type { Book, IsoDate } from '../../domain/types';
import { writeCsv } from '../../export/csv';
import { t } from '../../i18n';
import { Money } from '../common/Money';
import { encoding, setEncoding } from '../export/encoding';
import { saveFile } from '../export/saveFile';
import { ForecastChart } from './ForecastChart';
import { forecastCsvRows, forecastFilename } from './forecastCsv';
import { ForecastTable } from './ForecastTable';

export function ForecastPanel(props: { book: Book; forecast: CashForecast; asOf: IsoDate }) {
  const [view, setView] = createSignal<'chart' | 'table'>('chart');
  const [error, setError] = createSignal('');
  const f = () => props.forecast;

  const exportCsv = () => {
    setError('');
    try {
      const rows = forecastCsvRows(f(), currencyDigits(props.book.currency), {
        week: t('risk.forecast.week'), start: t('risk.forecast.start'), end: t('risk.forecast.end'),
        expected: t('risk.forecast.expected'), low: t('risk.forecast.low'), high: t('risk.forecast.high'),
        later: t('risk.forecast.later'), overdue: t('risk.forecast.overdue'), total: t('risk.forecast.total'), open: t('risk.forecast.open'),
      });
      const bytes = writeCsv(rows, { encoding: encoding() });
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      saveFile(buffer, forecastFilename(props.book.name, props.asOf), 'text/csv');
    } catch (e) {
      setError(t('export.failed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section class="panel" data-testid="forecast" data-total={f().total.expected} data-open={f().open}>
      <h2>{t('risk.forecast.title')}</h2>
      <p class="muted">{t('risk.forecast.intro')}</p>
      <div class="kpis">
        <div class="kpi">
          <div class="kpi-label">{t('risk.forecast.next13')}</div>
          <Money amount={f().total.expected} currency={props.book.currency} class="kpi-value" testid="forecast-total" />
          <div class="kpi-sub">
            {t('risk.forecast.band')} <Money amount={f().total.low} currency={props.book.currency} /> – <Money amount={f().total.high} currency={props.book.currency} />
          </div>
        </div>
        <div class="kpi kpi-alert" classList={{ 'kpi-zero': f().overdue === 0 }}>
          <div class="kpi-label">{t('risk.forecast.overdue')}</div>
          <Money amount={f().overdue} currency={props.book.currency} class="kpi-value" testid="forecast-overdue" />
          <div class="kpi-sub">{t('risk.forecast.overdueHint')}</div>
        </div>
        <div class="kpi">
          <div class="kpi-label">{t('risk.forecast.later')}</div>
          <Money amount={f().later} currency={props.book.currency} class="kpi-value" testid="forecast-later" />
          <div class="kpi-sub">{t('risk.forecast.laterHint')}</div>
        </div>
      </div>
      <div class="toolbar no-print">
        <div class="segmented" role="group" aria-label={t('risk.forecast.view')}>
          <button type="button" class="btn" data-testid="forecast-view-chart" aria-pressed={view() === 'chart'}
            classList={{ 'btn-primary': view() === 'chart' }} onClick={() => setView('chart')}>
            {t('risk.forecast.viewChart')}
          </button>
          <button type="button" class="btn" data-testid="forecast-view-table" aria-pressed={view() === 'table'}
            classList={{ 'btn-primary': view() === 'table' }} onClick={() => setView('table')}>
            {t('risk.forecast.viewTable')}
          </button>
        </div>
        <label class="inline-label">
          <span>{t('export.encoding')}</span>
          <select data-testid="forecast-encoding" value={encoding()} onChange={(e) => setEncoding(e.currentTarget.value === 'gbk' ? 'gbk' : 'utf-8')}>
            <option value="utf-8">{t('export.encoding.utf8')}</option>
            <option value="gbk">{t('export.encoding.gbk')}</option>
          </select>
        </label>
        <button type="button" class="btn" data-testid="forecast-export" onClick={exportCsv}>
          {t('risk.forecast.export')}
        </button>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">{error()}</p>
      </Show>
      <Show when={view() === 'chart'} fallback={<ForecastTable forecast={f()} currency={props.book.currency} />}>
        <ForecastChart forecast={f()} currency={props.book.currency} />
      </Show>
    </section>
  );
}
