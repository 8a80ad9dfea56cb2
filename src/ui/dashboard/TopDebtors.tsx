// Customers owing the most, each linking to the customer page.
import type { DebtorRow } from '../../api/contract';
import { DataTable } from '../common/DataTable';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';

export function TopDebtors(props: { rows: DebtorRow[]; currency: string }) {
  return (
    <DataTable
      testid="top-debtors"
      rows={props.rows}
      empty="dash.noDebtors"
      rowAttrs={(r) => ({ 'data-id': r.customerId })}
      columns={[
        { header: 'debtors.customer', cellClass: 'name', cell: (r) => <a href={hrefs.customer(r.customerId)}>{r.name}</a> },
        { header: 'debtors.open', num: true, cell: (r) => <Money amount={r.open} currency={props.currency} /> },
        { header: 'debtors.overdue', num: true, cell: (r) => <Money amount={r.overdue} currency={props.currency} /> },
        { header: 'debtors.oldest', num: true, cell: (r) => (r.oldestDaysOverdue > 0 ? r.oldestDaysOverdue : '') },
      ]}
    />
  );
}
