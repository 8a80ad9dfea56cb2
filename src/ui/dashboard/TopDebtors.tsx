// Customers owing the most, each linking to the customer page.
import { For } from 'solid-js';
import type { DebtorRow } from '../../api/contract';
import { t } from '../../i18n';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';

export function TopDebtors(props: { rows: DebtorRow[]; currency: string }) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="top-debtors">
        <thead>
          <tr>
            <th scope="col">{t('debtors.customer')}</th>
            <th scope="col" class="num">{t('debtors.open')}</th>
            <th scope="col" class="num">{t('debtors.overdue')}</th>
            <th scope="col" class="num">{t('debtors.oldest')}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colSpan={4} class="muted">
                  {t('dash.noDebtors')}
                </td>
              </tr>
            }
          >
            {(r) => (
              <tr data-id={r.customerId}>
                <td class="name">
                  <a href={hrefs.customer(r.customerId)}>{r.name}</a>
                </td>
                <td class="num">
                  <Money amount={r.open} currency={props.currency} />
                </td>
                <td class="num">
                  <Money amount={r.overdue} currency={props.currency} />
                </td>
                <td class="num">{r.oldestDaysOverdue > 0 ? r.oldestDaysOverdue : ''}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
