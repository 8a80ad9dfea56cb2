// The graded customer list, riskiest first: grade in use (marked when set by
// hand), score, open and overdue balances, the chance the next invoice is paid
// late. Each row links to the customer.
import { For, Show } from 'solid-js';
import type { GradeRow } from '../../api/risk';
import { fmtNumber, fmtPercent, t } from '../../i18n';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';
import { SuspendedBadge } from '../queue/SuspendedBadge';
import { GradeBadge } from './GradeBadge';

export function GradeTable(props: { rows: GradeRow[]; currency: string }) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="grade-table">
        <thead>
          <tr>
            <th scope="col">{t('risk.list.customer')}</th>
            <th scope="col">{t('risk.list.grade')}</th>
            <th scope="col" class="num">{t('risk.list.score')}</th>
            <th scope="col" class="num">{t('risk.list.open')}</th>
            <th scope="col" class="num">{t('risk.list.overdue')}</th>
            <th scope="col" class="num">{t('risk.list.late')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(r) => (
              <tr data-testid="grade-row" data-id={r.customerId} data-customer={r.name} data-grade={r.effectiveGrade} data-score={r.score}
                data-open={r.open} data-overridden={r.overridden ? '1' : undefined}>
                <td class="name">
                  <a href={hrefs.customer(r.customerId)}>{r.name}</a>
                  <SuspendedBadge on={r.suspended} />
                </td>
                <td>
                  <GradeBadge grade={r.effectiveGrade} overridden={r.overridden} computed={r.grade} />
                  <Show when={r.overridden}>
                    <span class="muted small">{t('risk.list.computed', { grade: r.grade })}</span>
                  </Show>
                </td>
                <td class="num" data-testid="grade-score">{fmtNumber(r.score)}</td>
                <td class="num"><Money amount={r.open} currency={props.currency} /></td>
                <td class="num"><Money amount={r.overdue} currency={props.currency} /></td>
                <td class="num">{fmtPercent(r.lateProbability)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
