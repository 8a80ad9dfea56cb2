// The scrolling table every list in the app shares: one header row from column definitions,
// one row per record, and a muted row spanning all columns when there are none.
import { For, type JSX } from 'solid-js';
import { t, type MessageKey } from '../../i18n';

export interface Column<T> {
  /** Translation key of the header text. */
  header: MessageKey;
  /** The header is read by screen readers only (e.g. an actions column). */
  srOnlyHeader?: boolean;
  /** Right-aligned numeric column (class "num" on header and cells). */
  num?: boolean;
  /** Extra class on the cells (e.g. "name", "nowrap", "actions"). */
  cellClass?: string;
  /** Cells that get the "alert" class for this row. */
  alert?: (row: T) => boolean;
  cell: (row: T) => JSX.Element;
}

export function DataTable<T>(props: {
  testid: string;
  columns: Column<T>[];
  rows: T[];
  empty: MessageKey;
  /** data-testid on each row, when tests pick rows out by it. */
  rowTestid?: string;
  /** data-* attributes on each row (data-id and the like). */
  rowAttrs: (row: T) => Record<`data-${string}`, string>;
}) {
  const cellClass = (c: Column<T>) => [c.num ? 'num' : '', c.cellClass ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class="table-scroll">
      <table class="table" data-testid={props.testid}>
        <thead>
          <tr>
            <For each={props.columns}>
              {(c) => (
                <th scope="col" class={c.num ? 'num' : undefined}>
                  {c.srOnlyHeader ? <span class="sr-only">{t(c.header)}</span> : t(c.header)}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colSpan={props.columns.length} class="muted">
                  {t(props.empty)}
                </td>
              </tr>
            }
          >
            {(r) => (
              <tr data-testid={props.rowTestid} {...props.rowAttrs(r)}>
                <For each={props.columns}>
                  {(c) => (
                    <td class={cellClass(c)} classList={c.alert ? { alert: c.alert(r) } : undefined}>
                      {c.cell(r)}
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
