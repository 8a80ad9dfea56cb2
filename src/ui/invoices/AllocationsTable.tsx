// Payments applied to an invoice.
import type { InvoiceDetail } from '../../api/contract';
import { tDynamic } from '../../i18n';
import { DataTable } from '../common/DataTable';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';

export function AllocationsTable(props: { rows: InvoiceDetail['allocations']; currency: string }) {
  return (
    <DataTable
      testid="allocations"
      rows={props.rows}
      empty="invoice.noAllocations"
      rowAttrs={(a) => ({ 'data-id': a.id })}
      columns={[
        { header: 'col.date', cell: (a) => <DateText date={a.date} /> },
        { header: 'col.method', cell: (a) => tDynamic(`method.${a.paymentMethod}`, undefined, a.paymentMethod) },
        { header: 'col.reference', cell: (a) => a.paymentReference },
        { header: 'col.amount', num: true, cell: (a) => <Money amount={a.amount} currency={props.currency} /> },
      ]}
    />
  );
}
