// The invoice's key facts: customer, dates, amount, balance, status, days overdue.
import { Show } from 'solid-js';
import type { InvoiceDetail } from '../../api/contract';
import { daysText, t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';
import { StatusBadge } from '../common/StatusBadge';
import { hrefs } from '../common/url';

export function InvoiceSummary(props: { detail: InvoiceDetail }) {
  const inv = () => props.detail.invoice;
  return (
    <dl class="facts">
      <div class="fact fact-big">
        <dt>{t('invoice.balance')}</dt>
        <dd>
          <Money amount={props.detail.balance} currency={inv().currency} testid="invoice-balance" />
        </dd>
      </div>
      <div class="fact">
        <dt>{t('invoice.status')}</dt>
        <dd data-testid="invoice-status" data-status={props.detail.status}>
          <StatusBadge status={props.detail.status} />
        </dd>
      </div>
      <div class="fact">
        <dt>{t('invoice.daysOverdue')}</dt>
        <dd data-testid="invoice-days-overdue" classList={{ alert: props.detail.daysOverdue > 0 }}>
          {props.detail.daysOverdue > 0 ? daysText(props.detail.daysOverdue) : t('common.none')}
        </dd>
      </div>
      <div class="fact">
        <dt>{t('invoice.customer')}</dt>
        <dd>
          <a href={hrefs.customer(inv().customerId)}>{props.detail.customerName}</a>
        </dd>
      </div>
      <div class="fact">
        <dt>{t('invoice.amount')}</dt>
        <dd>
          <Money amount={inv().amount} currency={inv().currency} testid="invoice-amount" />
        </dd>
      </div>
      <div class="fact">
        <dt>{t('invoice.issueDate')}</dt>
        <dd>
          <DateText date={inv().issueDate} />
        </dd>
      </div>
      <div class="fact">
        <dt>{t('invoice.dueDate')}</dt>
        <dd>
          <DateText date={inv().dueDate} />
        </dd>
      </div>
      <Show when={inv().description}>
        <div class="fact fact-wide">
          <dt>{t('invoice.description')}</dt>
          <dd>{inv().description}</dd>
        </div>
      </Show>
    </dl>
  );
}
