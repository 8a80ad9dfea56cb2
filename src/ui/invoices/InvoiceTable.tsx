// One page of invoices; each row links to the invoice (and its customer unless hidden).
import { For, Show } from 'solid-js';
import type { InvoiceRow } from '../../api/contract';
import { t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';
import { StatusBadge } from '../common/StatusBadge';
import { hrefs } from '../common/url';

export function InvoiceTable(props: { rows: InvoiceRow[]; currency: string; hideCustomer?: boolean }) {
  const cols = () => (props.hideCustomer ? 7 : 8);
  return (
    <div class="table-scroll">
      <table class="table" data-testid="invoice-table">
        <thead>
          <tr>
            <th scope="col">{t('col.number')}</th>
            <Show when={!props.hideCustomer}>
              <th scope="col">{t('col.customer')}</th>
            </Show>
            <th scope="col">{t('col.issueDate')}</th>
            <th scope="col">{t('col.dueDate')}</th>
            <th scope="col" class="num">{t('col.amount')}</th>
            <th scope="col" class="num">{t('col.balance')}</th>
            <th scope="col" class="num">{t('col.daysOverdue')}</th>
            <th scope="col">{t('col.status')}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colSpan={cols()} class="muted">
                  {t('invoices.empty')}
                </td>
              </tr>
            }
          >
            {(r) => (
              <tr data-testid="invoice-row" data-id={r.id} data-status={r.status}>
                <td class="nowrap">
                  <a href={hrefs.invoice(r.id)}>{r.number}</a>
                </td>
                <Show when={!props.hideCustomer}>
                  <td class="name">
                    <a href={hrefs.customer(r.customerId)}>{r.customerName}</a>
                  </td>
                </Show>
                <td>
                  <DateText date={r.issueDate} />
                </td>
                <td>
                  <DateText date={r.dueDate} />
                </td>
                <td class="num">
                  <Money amount={r.amount} currency={props.currency} />
                </td>
                <td class="num">
                  <Money amount={r.balance} currency={props.currency} />
                </td>
                <td class="num" classList={{ alert: r.daysOverdue > 0 }}>
                  {r.daysOverdue > 0 ? r.daysOverdue : ''}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
