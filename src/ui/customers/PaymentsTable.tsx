// A customer's payments with the part still unapplied, and the unapply and apply-credit actions.
import { Show } from 'solid-js';
import type { CustomerDetail } from '../../api/contract';
import type { Id } from '../../domain/types';
import { t, tDynamic } from '../../i18n';
import { DataTable } from '../common/DataTable';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';

export function PaymentsTable(props: {
  rows: CustomerDetail['payments'];
  currency: string;
  busyId: Id | null;
  onUnapply: (id: Id) => void;
  onApplyCredit: (id: Id) => void;
}) {
  return (
    <DataTable
      testid="payments"
      rows={props.rows}
      empty="customer.noPayments"
      rowTestid="payment-row"
      rowAttrs={(p) => ({ 'data-id': p.id })}
      columns={[
        { header: 'col.date', cell: (p) => <DateText date={p.date} /> },
        { header: 'col.method', cell: (p) => tDynamic(`method.${p.method}`, undefined, p.method) },
        { header: 'col.reference', cell: (p) => p.reference },
        { header: 'col.amount', num: true, cell: (p) => <Money amount={p.amount} currency={props.currency} /> },
        { header: 'col.unapplied', num: true, cell: (p) => (p.unapplied !== 0 ? <Money amount={p.unapplied} currency={props.currency} /> : '') },
        {
          header: 'col.actions',
          srOnlyHeader: true,
          cellClass: 'actions',
          cell: (p) => (
            <>
              {/* Only a payment with something applied can be unapplied. */}
              <Show when={p.unapplied < p.amount}>
                <button type="button" class="btn btn-small" data-testid="unapply" disabled={props.busyId === p.id} onClick={() => props.onUnapply(p.id)}>
                  {t('customer.unapply')}
                </button>
              </Show>
              {/* What is still unapplied can go to open invoices, oldest due first. */}
              <Show when={p.unapplied > 0}>
                <button type="button" class="btn btn-small" data-testid="apply-credit" disabled={props.busyId === p.id} onClick={() => props.onApplyCredit(p.id)}>
                  {t('customer.applyCredit')}
                </button>
              </Show>
            </>
          ),
        },
      ]}
    />
  );
}
