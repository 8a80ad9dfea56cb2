// Credit notes, write-offs and charges on an invoice.
import type { Adjustment } from '../../domain/types';
import { t } from '../../i18n';
import { DataTable } from '../common/DataTable';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';

export function AdjustmentsTable(props: { rows: Adjustment[]; currency: string }) {
  return (
    <DataTable
      testid="adjustments"
      rows={props.rows}
      empty="invoice.noAdjustments"
      rowAttrs={(a) => ({ 'data-id': a.id, 'data-kind': a.kind })}
      columns={[
        { header: 'col.date', cell: (a) => <DateText date={a.date} /> },
        { header: 'col.kind', cell: (a) => t(`kind.${a.kind}`) },
        {
          header: 'col.reason',
          cell: (a) => (
            <>
              {a.reason}
              {a.basis && <div class="muted small">{a.basis}</div>}
            </>
          ),
        },
        // Credit notes and write-offs lower the balance; charges raise it.
        { header: 'col.amount', num: true, cell: (a) => <Money amount={a.kind === 'charge' ? a.amount : -a.amount} currency={props.currency} /> },
      ]}
    />
  );
}
