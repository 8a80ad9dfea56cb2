// One page of customers: name (link), terms, limit, open, overdue, credit, invoice count.
import { For } from 'solid-js';
import type { CustomerRow } from '../../api/contract';
import { daysText, fmtNumber, t } from '../../i18n';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';

export function CustomerTable(props: { rows: CustomerRow[]; currency: string }) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="customer-table">
        <thead>
          <tr>
            <th scope="col">{t('col.name')}</th>
            <th scope="col" class="num">{t('col.terms')}</th>
            <th scope="col" class="num">{t('col.limit')}</th>
            <th scope="col" class="num">{t('col.open')}</th>
            <th scope="col" class="num">{t('col.overdue')}</th>
            <th scope="col" class="num">{t('col.credit')}</th>
            <th scope="col" class="num">{t('col.invoices')}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colSpan={7} class="muted">
                  {t('customers.empty')}
                </td>
              </tr>
            }
          >
            {(r) => (
              <tr data-testid="customer-row" data-id={r.id}>
                <td class="name">
                  <a href={hrefs.customer(r.id)}>{r.name}</a>
                </td>
                <td class="num">{daysText(r.termsDays)}</td>
                <td class="num">{r.creditLimit === null ? t('common.none') : <Money amount={r.creditLimit} currency={props.currency} />}</td>
                <td class="num">
                  <Money amount={r.open} currency={props.currency} />
                </td>
                <td class="num" classList={{ alert: r.overdue > 0 }}>
                  <Money amount={r.overdue} currency={props.currency} />
                </td>
                <td class="num">{r.credit !== 0 ? <Money amount={r.credit} currency={props.currency} /> : ''}</td>
                <td class="num">{fmtNumber(r.invoiceCount)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
