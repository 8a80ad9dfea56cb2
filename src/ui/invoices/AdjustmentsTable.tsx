// Credit notes, write-offs and charges on an invoice.
import { For } from 'solid-js';
import type { Adjustment } from '../../domain/types';
import { t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';

export function AdjustmentsTable(props: { rows: Adjustment[]; currency: string }) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="adjustments">
        <thead>
          <tr>
            <th scope="col">{t('col.date')}</th>
            <th scope="col">{t('col.kind')}</th>
            <th scope="col">{t('col.reason')}</th>
            <th scope="col" class="num">{t('col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colSpan={4} class="muted">
                  {t('invoice.noAdjustments')}
                </td>
              </tr>
            }
          >
            {(a) => (
              <tr data-id={a.id} data-kind={a.kind}>
                <td>
                  <DateText date={a.date} />
                </td>
                <td>{t(`kind.${a.kind}`)}</td>
                <td>
                  {a.reason}
                  {a.basis && <div class="muted small">{a.basis}</div>}
                </td>
                <td class="num">
                  {/* Credit notes and write-offs lower the balance; charges raise it. */}
                  <Money amount={a.kind === 'charge' ? a.amount : -a.amount} currency={props.currency} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
