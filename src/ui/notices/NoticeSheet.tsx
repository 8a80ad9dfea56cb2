// A notice laid out as an A4 letter: its paragraphs, and its invoice and charge
// tables as real tables. The same sheet shows a draft and a produced notice.
import { For, Match, Switch } from 'solid-js';
import type { NoticeLayoutBlock } from '../../domain/collections';

export function NoticeSheet(props: { subject: string; blocks: NoticeLayoutBlock[] }) {
  return (
    <article class="notice-sheet" data-testid="notice-sheet">
      <For each={props.blocks}>
        {(block) => (
          <Switch>
            <Match when={block.kind === 'text' && block}>
              {(b) => <p class="notice-text">{b().text}</p>}
            </Match>
            <Match when={block.kind !== 'text' && block}>
              {(b) => {
                const table = b() as Extract<NoticeLayoutBlock, { header: string[] }>;
                return (
                  <table class="notice-table" data-testid={`notice-${table.kind}`}>
                    <thead>
                      <tr>
                        <For each={table.header}>{(h) => <th scope="col">{h}</th>}</For>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={table.rows}>
                        {(row) => (
                          <tr>
                            <For each={row}>{(cell) => <td>{cell}</td>}</For>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                );
              }}
            </Match>
          </Switch>
        )}
      </For>
    </article>
  );
}
