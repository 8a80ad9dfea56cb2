// Collection activity recorded against an invoice (calls, notices, promises).
import { For, Show } from 'solid-js';
import type { AttachmentInfo } from '../../api/collections';
import type { Activity } from '../../domain/types';
import { t } from '../../i18n';
import { DateText } from '../common/DateText';
import { stageName } from '../queue/stageName';

export function ActivitiesTable(props: {
  rows: Activity[];
  showStage?: boolean;
  /** Files attached to contacts, shown on their contact's row. */
  attachments?: AttachmentInfo[];
  onOpenAttachment?: (a: AttachmentInfo) => void;
}) {
  const filesOf = (activityId: string) => (props.attachments ?? []).filter((a) => a.activityId === activityId);
  return (
    <Show when={props.rows.length > 0}>
      <div class="table-scroll">
        <table class="table" data-testid="activities">
          <thead>
            <tr>
              <th scope="col">{t('col.date')}</th>
              <Show when={props.showStage}>
                <th scope="col">{t('queue.stage')}</th>
              </Show>
              <th scope="col">{t('col.channel')}</th>
              <th scope="col">{t('col.outcome')}</th>
              <th scope="col">{t('col.note')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(a) => (
                <tr data-id={a.id} data-testid="activity-row" data-outcome={a.outcome}>
                  <td>
                    <DateText date={a.date} />
                  </td>
                  <Show when={props.showStage}>
                    <td>{a.stage ? stageName(a.stage) : ''}</td>
                  </Show>
                  <td>{t(`channel.${a.channel}`)}</td>
                  <td>{t(`outcome.${a.outcome}`)}</td>
                  <td>
                    {a.note}
                    <For each={filesOf(a.id)}>
                      {(f) => (
                        <button type="button" class="btn btn-link" data-testid="attachment-link" onClick={() => props.onOpenAttachment?.(f)}>
                          📎 {f.name}
                        </button>
                      )}
                    </For>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
