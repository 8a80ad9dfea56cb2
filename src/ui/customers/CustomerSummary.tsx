// A customer's position: balance, overdue, credit, limit and its use, terms, code.
import { Show } from 'solid-js';
import type { CustomerDetail } from '../../api/contract';
import { fmtPercent, t } from '../../i18n';
import { Money } from '../common/Money';

export function CustomerSummary(props: { detail: CustomerDetail; currency: string }) {
  const c = () => props.detail.customer;
  const limitUse = () => {
    const limit = c().creditLimit;
    return limit !== null && limit > 0 ? props.detail.open / limit : null;
  };
  return (
    <dl class="facts">
      <div class="fact fact-big">
        <dt>{t('customer.balance')}</dt>
        <dd>
          <Money amount={props.detail.open} currency={props.currency} testid="customer-balance" />
        </dd>
      </div>
      <div class="fact">
        <dt>{t('customer.overdue')}</dt>
        <dd classList={{ alert: props.detail.overdue > 0 }}>
          <Money amount={props.detail.overdue} currency={props.currency} testid="customer-overdue" />
        </dd>
      </div>
      <div class="fact">
        <dt>{t('customer.credit')}</dt>
        <dd>
          <Money amount={props.detail.credit} currency={props.currency} testid="customer-credit" />
        </dd>
      </div>
      <div class="fact">
        <dt>{t('customer.creditLimit')}</dt>
        <dd data-testid="customer-limit">
          <Show when={c().creditLimit !== null} fallback={t('customer.noLimit')}>
            <Money amount={c().creditLimit ?? 0} currency={props.currency} />
            <Show when={limitUse() !== null}>
              <div class="limit-bar" classList={{ over: (limitUse() ?? 0) > 1 }}>
                <span style={{ width: `${Math.min(100, (limitUse() ?? 0) * 100)}%` }} />
              </div>
              <div class="muted small">{t('customer.limitUse', { percent: fmtPercent(limitUse() ?? 0) })}</div>
            </Show>
          </Show>
        </dd>
      </div>
      <div class="fact">
        <dt>{t('customer.terms')}</dt>
        <dd>{t('customer.termsValue', { days: c().termsDays })}</dd>
      </div>
      <Show when={c().uscc}>
        <div class="fact">
          <dt>{t('customer.uscc')}</dt>
          <dd class="mono">{c().uscc}</dd>
        </div>
      </Show>
      <Show when={c().tags.length > 0}>
        <div class="fact">
          <dt>{t('customer.tags')}</dt>
          <dd>
            {c().tags.map((tag) => (
              <span class="badge badge-muted">{tag}</span>
            ))}
          </dd>
        </div>
      </Show>
      <Show when={c().notes}>
        <div class="fact fact-wide">
          <dt>{t('customer.notes')}</dt>
          <dd class="pre">{c().notes}</dd>
        </div>
      </Show>
    </dl>
  );
}
