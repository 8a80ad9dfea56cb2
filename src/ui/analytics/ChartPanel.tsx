// One analytics chart in its panel, with a toggle to the same numbers as an
// accessible table and a CSV of that table (headers in the current language, the
// chosen export encoding, saved like the other exports).
import type { ChartConfiguration } from 'chart.js';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { currencyDigits } from '../../domain/money';
import { writeCsv } from '../../export/csv';
import { safeName } from '../../export/filename';
import type { IsoDate } from '../../domain/types';
import { t } from '../../i18n';
import { encoding } from '../export/encoding';
import { saveFile } from '../export/saveFile';
import { ChartCanvas } from '../common/ChartCanvas';
import { cellText, csvRows, type TableModel } from './tables';

export type AnalyticsChartConfig = ChartConfiguration<'bar'> | ChartConfiguration<'line'>;

export interface ChartPanelProps {
  /** 'flow' | 'dso' | 'aging' | 'debtors': test ids and the CSV name derive from it. */
  id: string;
  title: string;
  config: () => AnalyticsChartConfig;
  table: () => TableModel;
  currency: string;
  bookName: string;
  from: IsoDate;
  to: IsoDate;
  /** Shown under the chart or table (the concentration figures). */
  footer?: JSX.Element;
}

export function ChartPanel(props: ChartPanelProps) {
  const [asTable, setAsTable] = createSignal(false);
  const [error, setError] = createSignal('');
  const headingId = `analytics-${props.id}-title`;

  const exportCsv = () => {
    setError('');
    try {
      const bytes = writeCsv(csvRows(props.table(), currencyDigits(props.currency)), { encoding: encoding() });
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      saveFile(buffer, `${safeName(props.bookName)}-analytics-${props.id}-${props.from}-${props.to}.csv`, 'text/csv');
    } catch (e) {
      setError(t('analytics.csvFailed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <section class="panel analytics-panel" aria-labelledby={headingId} data-testid={`chart-${props.id}`}>
      <div class="analytics-panel-head" style={{ display: 'flex', "justify-content": 'space-between', "align-items": 'center', gap: '0.5rem', "flex-wrap": 'wrap' }}>
        <h2 id={headingId}>{props.title}</h2>
        <div class="segmented no-print">
          <button type="button" class="btn btn-small" aria-pressed={asTable()} data-testid={`chart-${props.id}-toggle`} onClick={() => setAsTable(!asTable())}>
            {asTable() ? t('analytics.showChart') : t('analytics.showTable')}
          </button>
          <button type="button" class="btn btn-small" data-testid={`chart-${props.id}-csv`} onClick={exportCsv}>
            {t('analytics.csv')}
          </button>
        </div>
      </div>
      <Show
        when={asTable()}
        fallback={<ChartCanvas config={props.config} label={props.title} testid={`chart-${props.id}-canvas`} />}
      >
        <div class="table-scroll">
          <table class="table" data-testid={`chart-${props.id}-table`}>
            <caption class="sr-only">{props.title}</caption>
            <thead>
              <tr>
                <For each={props.table().columns}>{(c, i) => <th scope="col" classList={{ num: i() > 0 }}>{c}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.table().rows}>
                {(row) => (
                  <tr data-key={row.key}>
                    <For each={row.cells}>
                      {(cell, i) => (i() === 0
                        ? <th scope="row">{cellText(cell, props.currency)}</th>
                        : <td class="num">{cellText(cell, props.currency)}</td>)}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      {props.footer}
      <Show when={error()}>
        <p class="field-error" role="alert">{error()}</p>
      </Show>
    </section>
  );
}
