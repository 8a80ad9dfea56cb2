// Payments applied to an invoice.
import { For } from 'solid-js';
import type { InvoiceDetail } from '../../api/contract';
import { t, tDynamic } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';

export function AllocationsTable(props: { rows: InvoiceDetail['allocations']; currency: string }) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="allocations">
        <thead>
          <tr>
            <th scope="col">{t('col.date')}</th>
            <th scope="col">{t('col.method')}</th>
            <th scope="col">{t('col.reference')}</th>
            <th scope="col" class="num">{t('col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colSpan={4} class="muted">
                  {t('invoice.noAllocations')}
                </td>
              </tr>
            }
          >
            {(a) => (
              <tr data-id={a.id}>
                <td>
                  <DateText date={a.date} />
                </td>
                <td>{tDynamic(`method.${a.paymentMethod}`, undefined, a.paymentMethod)}</td>
                <td>{a.paymentReference}</td>
                <td class="num">
                  <Money amount={a.amount} currency={props.currency} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
