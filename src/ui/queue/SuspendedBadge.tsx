// "Service suspended" next to a customer's name, wherever the customer appears.
import { Show } from 'solid-js';
import { t } from '../../i18n';

export function SuspendedBadge(props: { on: boolean }) {
  return (
    <Show when={props.on}>
      {' '}
      <span class="badge badge-warn" data-testid="suspended-badge">{t('queue.suspendedBadge')}</span>
    </Show>
  );
}
