// One page of customers: name (link), terms, limit, open, overdue, credit, invoice count.
import { SuspendedBadge } from '../queue/SuspendedBadge';
import type { CustomerRow } from '../../api/contract';
import { daysText, fmtNumber, t } from '../../i18n';
import { DataTable } from '../common/DataTable';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';

export function CustomerTable(props: { rows: CustomerRow[]; currency: string }) {
  const money = (amount: number) => <Money amount={amount} currency={props.currency} />;
  return (
    <DataTable
      testid="customer-table"
      rows={props.rows}
      empty="customers.empty"
      rowTestid="customer-row"
      rowAttrs={(r) => ({ 'data-id': r.id, 'data-open': String(r.open) })}
      columns={[
        { header: 'col.name', cellClass: 'name', cell: (r) => <><a href={hrefs.customer(r.id)}>{r.name}</a><SuspendedBadge on={r.suspended} /></> },
        { header: 'col.terms', num: true, cell: (r) => daysText(r.termsDays) },
        { header: 'col.limit', num: true, cell: (r) => (r.creditLimit === null ? t('common.none') : money(r.creditLimit)) },
        { header: 'col.open', num: true, cell: (r) => money(r.open) },
        { header: 'col.overdue', num: true, alert: (r) => r.overdue > 0, cell: (r) => money(r.overdue) },
        { header: 'col.credit', num: true, cell: (r) => (r.credit !== 0 ? money(r.credit) : '') },
        { header: 'col.invoices', num: true, cell: (r) => fmtNumber(r.invoiceCount) },
      ]}
    />
  );
}
