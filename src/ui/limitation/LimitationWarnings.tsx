// The queue's limitation warnings: open invoices whose period ends within 90 days
// or has ended, those still running soonest first, each linked to its invoice.
import { createResource, For, Show } from 'solid-js';
import type { Book } from '../../domain/types';
import { fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { LimitationBadge } from './LimitationBadge';
import { RestartEventText } from './RestartEventText';

export function LimitationWarnings(props: { book: Book }) {
  const [list] = createResource(
    () => ({ bookId: props.book.id, asOf: today(), v: changed() }),
    (q) => api().limitationWarnings(q.bookId, q.asOf),
  );
  return (
    <Show when={list.latest}>
      {(l) => (
        <section class="panel" data-testid="limitation-warnings" data-as-of={l().asOf} data-total={l().total}>
          <h2>
            {t('limitation.warnings')}{' '}
            <Show when={l().total > 0}>
              <span class="badge badge-overdue" data-testid="limitation-count">{fmtNumber(l().total)}</span>
            </Show>
          </h2>
          <Show when={l().total > 0} fallback={<p class="muted" data-testid="limitation-empty">{t('limitation.warningsEmpty')}</p>}>
            <p>{t('limitation.warningsIntro')}</p>
            <p class="muted">
              {t('limitation.counts', { expired: fmtNumber(l().counts.expired), days30: fmtNumber(l().counts.days30), days90: fmtNumber(l().counts.days90) })}
            </p>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('limitation.invoice')}</th>
                  <th scope="col">{t('limitation.customer')}</th>
                  <th scope="col">{t('limitation.dueDate')}</th>
                  <th scope="col" class="num">{t('limitation.balance')}</th>
                  <th scope="col">{t('limitation.lastRestart')}</th>
                  <th scope="col">{t('limitation.endsOn')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={l().rows}>
                  {(row) => (
                    <tr data-testid="limitation-row" data-id={row.invoiceId} data-ends-on={row.endsOn} data-warning={row.warning}>
                      <td><a href={hrefs.invoice(row.invoiceId)}>{row.number}</a></td>
                      <td><a href={hrefs.customer(row.customerId)}>{row.customerName}</a></td>
                      <td><DateText date={row.dueDate} /></td>
                      <td class="num"><Money amount={row.balance} currency={props.book.currency} /></td>
                      <td><RestartEventText event={row.lastEvent} none={t('limitation.none')} /></td>
                      <td class="nowrap"><DateText date={row.endsOn} /> <LimitationBadge warning={row.warning} /></td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={l().rows.length < l().total}>
              <p class="muted">{t('limitation.shown', { shown: fmtNumber(l().rows.length), total: fmtNumber(l().total) })}</p>
            </Show>
          </Show>
        </section>
      )}
    </Show>
  );
}
