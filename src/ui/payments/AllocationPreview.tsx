// Automatic allocation, previewed: which invoices the payment will settle
// (oldest due first, computed here with the same rule the worker applies).
import { For, Show } from 'solid-js';
import type { OpenInvoiceOption } from '../../api/contract';
import { allocateOldestFirst } from '../../domain/allocation';
import type { Minor } from '../../domain/types';
import { t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';
import { toOpenItems } from './openItems';

export function AllocationPreview(props: { amount: Minor | null; open: OpenInvoiceOption[]; currency: string }) {
  const plan = () => (props.amount !== null && props.amount > 0 ? allocateOldestFirst(props.amount, toOpenItems(props.open)) : null);
  const byId = () => new Map(props.open.map((o) => [o.id, o]));
  return (
    <div class="allocation-preview" data-testid="allocation-preview">
      <Show when={props.open.length > 0} fallback={<p class="muted">{t('payment.noOpen')}</p>}>
        <Show when={plan()} fallback={<p class="muted">{t('payment.enterAmount')}</p>}>
          {(p) => (
            <>
              <h3>{t('payment.preview')}</h3>
              <div class="table-scroll">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('col.number')}</th>
                      <th scope="col">{t('col.dueDate')}</th>
                      <th scope="col" class="num">{t('col.openBalance')}</th>
                      <th scope="col" class="num">{t('col.apply')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={p().lines}>
                      {(line) => (
                        <tr data-testid="preview-row" data-id={line.invoiceId}>
                          <td>{byId().get(line.invoiceId)?.number}</td>
                          <td>
                            <DateText date={byId().get(line.invoiceId)?.dueDate} />
                          </td>
                          <td class="num">
                            <Money amount={byId().get(line.invoiceId)?.balance ?? 0} currency={props.currency} />
                          </td>
                          <td class="num">
                            <Money amount={line.amount} currency={props.currency} />
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}
