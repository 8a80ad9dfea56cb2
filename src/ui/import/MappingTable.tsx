// The file's first rows under a row of <select>s: which field each column feeds.
import { For, Index } from 'solid-js';
import type { ImportPreview } from '../../api/contract';
import { t } from '../../i18n';
import type { ImportKind } from '../../import/kinds';
import { fieldLabel, fieldsOf } from './kindFields';

/** The field a column feeds, or ''. */
export function fieldOfColumn(mapping: Record<string, number>, column: number, kind: ImportKind = 'invoices'): string {
  for (const f of fieldsOf(kind)) if (mapping[f] === column) return f;
  return '';
}

export function MappingTable(props: { preview: ImportPreview; kind: ImportKind; mapping: Record<string, number>; disabled: boolean; onMap: (column: number, field: string) => void }) {
  const columns = () => {
    const n = Math.max(props.preview.headers.length, ...props.preview.sample.map((r) => r.cells.length));
    return Array.from({ length: n }, (_, i) => i);
  };
  return (
    <div class="table-scroll">
      <table class="table" data-testid="import-sample">
        <thead>
          <tr>
            <th>{t('importPage.line')}</th>
            <For each={columns()}>{(i) => <th>{props.preview.headers[i] || t('importPage.columnN', { n: i + 1 })}</th>}</For>
          </tr>
          <tr class="mapping-row">
            <th />
            <For each={columns()}>
              {(i) => (
                <th>
                  <select
                    data-testid={`mapping-${i}`}
                    aria-label={props.preview.headers[i] || t('importPage.columnN', { n: i + 1 })}
                    disabled={props.disabled}
                    onChange={(e) => props.onMap(i, e.currentTarget.value)}
                  >
                    <option value="" selected={fieldOfColumn(props.mapping, i, props.kind) === ''}>
                      {t('importPage.field.none')}
                    </option>
                    <For each={fieldsOf(props.kind)}>
                      {(f) => (
                        <option value={f} selected={fieldOfColumn(props.mapping, i, props.kind) === f}>
                          {fieldLabel(props.kind, f)}
                        </option>
                      )}
                    </For>
                  </select>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={props.preview.sample}>
            {(row) => (
              <tr>
                <td class="num">{row.line}</td>
                <Index each={columns()}>{(i) => <td>{row.cells[i()] ?? ''}</td>}</Index>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
