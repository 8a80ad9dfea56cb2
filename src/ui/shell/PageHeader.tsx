// Page title with the as-of date and room for the page's main buttons.
import { Show, type JSX } from 'solid-js';
import { fmtDate, t } from '../../i18n';
import { today } from '../state/today';

export function PageHeader(props: { title: string; subtitle?: JSX.Element; children?: JSX.Element }) {
  return (
    <div class="page-header">
      <div>
        <h1>{props.title}</h1>
        <p class="muted as-of" data-testid="as-of">
          {t('common.asOf', { date: fmtDate(today()) })}
          <Show when={props.subtitle}>
            {' · '}
            {props.subtitle}
          </Show>
        </p>
      </div>
      <div class="page-actions no-print">{props.children}</div>
    </div>
  );
}
