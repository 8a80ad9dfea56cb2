// A customer's payments with the part still unapplied, and the unapply and apply-credit actions.
import { For, Show } from 'solid-js';
import type { CustomerDetail } from '../../api/contract';
import type { Id } from '../../domain/types';
import { t, tDynamic } from '../../i18n';
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
    <div class="table-scroll">
      <table class="table" data-testid="payments">
        <thead>
          <tr>
            <th scope="col">{t('col.date')}</th>
            <th scope="col">{t('col.method')}</th>
            <th scope="col">{t('col.reference')}</th>
            <th scope="col" class="num">{t('col.amount')}</th>
            <th scope="col" class="num">{t('col.unapplied')}</th>
            <th scope="col">
              <span class="sr-only">{t('col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colSpan={6} class="muted">
                  {t('customer.noPayments')}
                </td>
              </tr>
            }
          >
            {(p) => (
              <tr data-testid="payment-row" data-id={p.id}>
                <td>
                  <DateText date={p.date} />
                </td>
                <td>{tDynamic(`method.${p.method}`, undefined, p.method)}</td>
                <td>{p.reference}</td>
                <td class="num">
                  <Money amount={p.amount} currency={props.currency} />
                </td>
                <td class="num">{p.unapplied !== 0 ? <Money amount={p.unapplied} currency={props.currency} /> : ''}</td>
                <td class="actions">
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
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
