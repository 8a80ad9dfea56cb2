// The latest changes in words ("Payment of ¥1,200.00 from ACME"); undone ones struck through.
import { For } from 'solid-js';
import type { ChangeRow } from '../../api/contract';
import { changeText, t } from '../../i18n';

export function RecentActivity(props: { rows: ChangeRow[] }) {
  return (
    <ol class="activity" data-testid="recent-activity">
      <For each={props.rows} fallback={<li class="muted">{t('dash.noActivity')}</li>}>
        {(r) => (
          <li data-seq={r.seq} data-action={r.action} classList={{ undone: r.undone }}>
            <span class="activity-text">{changeText(r.action, r.params)}</span>
            {r.undone && <span class="badge badge-muted">{t('dash.undone')}</span>}
          </li>
        )}
      </For>
    </ol>
  );
}
