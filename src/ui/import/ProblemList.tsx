// Errors (rows left out) and warnings (imported, worth a look), each with its line and column.
import { For, Show } from 'solid-js';
import type { ImportPreview, ImportProblemRow } from '../../api/contract';
import { fmtNumber, t } from '../../i18n';
import { problemText } from './problemText';

function Rows(props: { rows: ImportProblemRow[] }) {
  return (
    <div class="table-scroll">
      <table class="table">
        <thead>
          <tr>
            <th>{t('importPage.line')}</th>
            <th>{t('importPage.column')}</th>
            <th>{t('importPage.problem')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(p) => (
              <tr data-testid="import-problem" data-severity={p.severity} data-code={p.code} data-line={p.line}>
                <td class="num">{p.line}</td>
                <td>{p.column ?? t('importPage.wholeRow')}</td>
                <td>{problemText(p)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

export function ProblemList(props: { preview: ImportPreview }) {
  const errors = () => props.preview.problems.filter((p) => p.severity === 'error');
  const warnings = () => props.preview.problems.filter((p) => p.severity === 'warning');
  return (
    <>
      <Show when={props.preview.problemTotal > props.preview.problems.length}>
        <p>{t('importPage.problemsCapped', { shown: fmtNumber(props.preview.problems.length), total: fmtNumber(props.preview.problemTotal) })}</p>
      </Show>
      <Show when={props.preview.counts.errors > 0}>
        <h3 data-testid="import-errors">{t('importPage.errors', { count: props.preview.counts.errors })}</h3>
        <Rows rows={errors()} />
      </Show>
      <Show when={props.preview.counts.warnings > 0}>
        <h3 data-testid="import-warnings">{t('importPage.warnings', { count: props.preview.counts.warnings })}</h3>
        <Rows rows={warnings()} />
      </Show>
    </>
  );
}
