// An invoice status as a coloured, translated badge.
import type { InvoiceStatus } from '../../api/contract';
import { t } from '../../i18n';

export function StatusBadge(props: { status: InvoiceStatus }) {
  return (
    <span class={`badge badge-${props.status}`} data-status={props.status}>
      {t(`status.${props.status}`)}
    </span>
  );
}
