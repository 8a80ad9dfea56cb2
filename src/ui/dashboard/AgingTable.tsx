// Aging buckets as a table (one <tr data-bucket="i"> per bucket), with the
// unapplied credit as a negative line and the net; each bucket links to its invoices.
import { For, Show } from 'solid-js';
import type { AgingSummary } from '../../api/contract';
import { bucketLabel, fmtNumber, fmtPercent, t } from '../../i18n';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';

export function AgingTable(props: { aging: AgingSummary; currency: string; customerId?: string; testid?: string }) {
  const total = () => props.aging.invoiceTotal;
  const link = (i: number) => hrefs.invoices({ bucket: i, status: 'open', ...(props.customerId ? { customer: props.customerId } : {}) });
  return (
    <div class="table-scroll">
      <table class="table aging-table" data-testid={props.testid ?? 'aging-table'}>
        <thead>
          <tr>
            <th scope="col">{t('aging.bucket')}</th>
            <th scope="col" class="num">{t('aging.amount')}</th>
            <th scope="col" class="num">{t('aging.count')}</th>
            <th scope="col" class="num">{t('aging.share')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.aging.buckets}>
            {(b, i) => (
              <tr data-bucket={i()}>
                <th scope="row">
                  <a href={link(i())}>{bucketLabel(b)}</a>
                </th>
                <td class="num">
                  <Money amount={b.amount} currency={props.currency} />
                </td>
                <td class="num">{fmtNumber(b.count)}</td>
                <td class="num">{total() > 0 ? fmtPercent(b.amount / total()) : ''}</td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr class="total">
            <th scope="row">{t('aging.total')}</th>
            <td class="num">
              <Money amount={total()} currency={props.currency} />
            </td>
            <td class="num">{fmtNumber(props.aging.buckets.reduce((n, b) => n + b.count, 0))}</td>
            <td />
          </tr>
          <Show when={props.aging.unappliedCredit !== 0}>
            <tr>
              <th scope="row">{t('aging.credit')}</th>
              <td class="num">
                <Money amount={props.aging.unappliedCredit} currency={props.currency} />
              </td>
              <td />
              <td />
            </tr>
            <tr class="total">
              <th scope="row">{t('aging.net')}</th>
              <td class="num">
                <Money amount={props.aging.net} currency={props.currency} />
              </td>
              <td />
              <td />
            </tr>
          </Show>
          <Show when={props.aging.disputed > 0}>
            <tr class="muted">
              <th scope="row">{t('dash.disputed')}</th>
              <td class="num">
                <Money amount={props.aging.disputed} currency={props.currency} />
              </td>
              <td />
              <td />
            </tr>
          </Show>
        </tfoot>
      </table>
    </div>
  );
}
