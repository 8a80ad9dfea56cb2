// One customer's aging in a single row of bucket cells (links to the invoices in each).
import { For } from 'solid-js';
import type { AgingSummary } from '../../api/contract';
import { bucketLabel } from '../../i18n';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';

export function AgingLine(props: { aging: AgingSummary; currency: string; customerId: string }) {
  return (
    <div class="table-scroll">
      <table class="table aging-line" data-testid="customer-aging">
        <thead>
          <tr>
            <For each={props.aging.buckets}>{(b) => <th scope="col" class="num">{bucketLabel(b)}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <tr>
            <For each={props.aging.buckets}>
              {(b, i) => (
                <td class="num" data-bucket={i()}>
                  {b.amount !== 0 ? (
                    <a href={hrefs.invoices({ customer: props.customerId, bucket: i(), status: 'open' })}>
                      <Money amount={b.amount} currency={props.currency} />
                    </a>
                  ) : (
                    <Money amount={0} currency={props.currency} class="muted" />
                  )}
                </td>
              )}
            </For>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
