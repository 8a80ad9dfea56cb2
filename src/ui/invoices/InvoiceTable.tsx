// One page of invoices; each row links to the invoice (and its customer unless hidden).
import { SuspendedBadge } from '../queue/SuspendedBadge';
import type { InvoiceRow } from '../../api/contract';
import { type Column, DataTable } from '../common/DataTable';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';
import { StatusBadge } from '../common/StatusBadge';
import { hrefs } from '../common/url';

export function InvoiceTable(props: { rows: InvoiceRow[]; currency: string; hideCustomer?: boolean }) {
  const customer: Column<InvoiceRow> = {
    header: 'col.customer',
    cellClass: 'name',
    cell: (r) => <><a href={hrefs.customer(r.customerId)}>{r.customerName}</a><SuspendedBadge on={r.customerSuspended} /></>,
  };
  const columns = (): Column<InvoiceRow>[] => [
    { header: 'col.number', cellClass: 'nowrap', cell: (r) => <a href={hrefs.invoice(r.id)}>{r.number}</a> },
    ...(props.hideCustomer ? [] : [customer]),
    { header: 'col.issueDate', cell: (r) => <DateText date={r.issueDate} /> },
    { header: 'col.dueDate', cell: (r) => <DateText date={r.dueDate} /> },
    { header: 'col.amount', num: true, cell: (r) => <Money amount={r.amount} currency={props.currency} /> },
    { header: 'col.balance', num: true, cell: (r) => <Money amount={r.balance} currency={props.currency} /> },
    { header: 'col.daysOverdue', num: true, alert: (r) => r.daysOverdue > 0, cell: (r) => (r.daysOverdue > 0 ? r.daysOverdue : '') },
    { header: 'col.status', cell: (r) => <StatusBadge status={r.status} /> },
  ];
  return (
    <DataTable
      testid="invoice-table"
      rows={props.rows}
      empty="invoices.empty"
      rowTestid="invoice-row"
      rowAttrs={(r) => ({ 'data-id': r.id, 'data-status': r.status })}
      columns={columns()}
    />
  );
}
