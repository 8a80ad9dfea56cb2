// A customer's open invoices with the chance each is paid late and the day it is
// expected to be paid, soonest first.
import { For } from 'solid-js';
import type { InvoiceOutlook } from '../../api/risk';
import { fmtPercent, t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';

export function InvoiceOutlookTable(props: { invoices: InvoiceOutlook[]; currency: string }) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="invoice-outlook">
        <thead>
          <tr>
            <th scope="col">{t('risk.outlook.invoice')}</th>
            <th scope="col" class="num">{t('risk.outlook.balance')}</th>
            <th scope="col">{t('risk.outlook.due')}</th>
            <th scope="col" class="num">{t('risk.outlook.late')}</th>
            <th scope="col">{t('risk.outlook.expected')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.invoices}>
            {(i) => (
              <tr data-testid="outlook-row" data-id={i.invoiceId} data-late={i.lateProbability}>
                <td><a href={hrefs.invoice(i.invoiceId)}>{i.number}</a></td>
                <td class="num"><Money amount={i.balance} currency={props.currency} /></td>
                <td><DateText date={i.dueDate} /></td>
                <td class="num">{fmtPercent(i.lateProbability)}</td>
                <td><DateText date={i.expectedPayDate} /></td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
