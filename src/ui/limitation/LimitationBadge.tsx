// The limitation warning as a badge: ended and within 30 days in the alert colour,
// within 90 days in the warning colour.
import type { LimitationWarning } from '../../domain/limitation';
import { t } from '../../i18n';

export function LimitationBadge(props: { warning: LimitationWarning }) {
  return (
    <span class="badge" classList={{ 'badge-overdue': props.warning !== 'days90', 'badge-disputed': props.warning === 'days90' }}>
      {t(`limitation.warning.${props.warning}`)}
    </span>
  );
}
