// Credit notes, write-offs and charges on an invoice.
import type { Adjustment } from '../../domain/types';
import { t } from '../../i18n';
import { adjustmentBasis, adjustmentReason } from './adjustmentReason';
import { DataTable } from '../common/DataTable';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';

export function AdjustmentsTable(props: { rows: Adjustment[]; currency: string; onWaive?: (charge: Adjustment) => void }) {
  // A charge can be waived once: its waiver is a credit whose reason names it.
  const waived = () => new Set(props.rows.filter((a) => a.reason.startsWith('waive:')).map((a) => a.reason.slice(6)));
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
              {adjustmentReason(a)}
              {adjustmentBasis(a) && <div class="muted small" data-testid="adjustment-basis">{adjustmentBasis(a)}</div>}
              {props.onWaive && a.kind === 'charge' && !waived().has(a.id) && (
                <button type="button" class="btn btn-link" data-testid="waive-charge" onClick={() => props.onWaive?.(a)}>
                  {t('charges.waive')}
                </button>
              )}
            </>
          ),
        },
        // Credit notes and write-offs lower the balance; charges raise it.
        { header: 'col.amount', num: true, cell: (a) => <Money amount={a.kind === 'charge' ? a.amount : -a.amount} currency={props.currency} /> },
      ]}
    />
  );
}
