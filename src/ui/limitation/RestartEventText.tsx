// The event that last restarted a limitation period: what it was and when, or "none".
import { Show } from 'solid-js';
import type { RestartEvent } from '../../domain/limitation';
import { t } from '../../i18n';
import { DateText } from '../common/DateText';

export function RestartEventText(props: { event: RestartEvent | null; none: string }) {
  return (
    <Show when={props.event} fallback={<span class="muted">{props.none}</span>}>
      {(e) => (
        <span data-kind={e().kind} data-date={e().date}>
          {t(`limitation.kind.${e().kind}`)} · <DateText date={e().date} />
        </span>
      )}
    </Show>
  );
}
