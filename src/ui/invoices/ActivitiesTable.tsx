// Collection activity recorded against an invoice (calls, notices, promises).
import { For, Show } from 'solid-js';
import type { Activity } from '../../domain/types';
import { t } from '../../i18n';
import { DateText } from '../common/DateText';

export function ActivitiesTable(props: { rows: Activity[] }) {
  return (
    <Show when={props.rows.length > 0}>
      <div class="table-scroll">
        <table class="table" data-testid="activities">
          <thead>
            <tr>
              <th scope="col">{t('col.date')}</th>
              <th scope="col">{t('col.channel')}</th>
              <th scope="col">{t('col.outcome')}</th>
              <th scope="col">{t('col.note')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(a) => (
                <tr data-id={a.id}>
                  <td>
                    <DateText date={a.date} />
                  </td>
                  <td>{t(`channel.${a.channel}`)}</td>
                  <td>{t(`outcome.${a.outcome}`)}</td>
                  <td>{a.note}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
