// Today's queue as a table: who, which stage, how late, how much; and the
// row's actions (done, snooze, skip), each opening the contact form in place.
import { For, Show, createSignal } from 'solid-js';
import type { ContactResult, QueueRow } from '../../api/collections';
import type { Book } from '../../domain/types';
import { fmtNumber, t } from '../../i18n';
import { DateText } from '../common/DateText';
import { Money } from '../common/Money';
import { hrefs } from '../common/url';
import { ContactForm, type ContactMode } from './ContactForm';
import { stageName } from './stageName';
import { SuspendedBadge } from './SuspendedBadge';
import { GradeBadge } from '../risk/GradeBadge';

export function QueueTable(props: { book: Book; rows: QueueRow[]; onLogged: (row: QueueRow, r: ContactResult) => void }) {
  const [open, setOpen] = createSignal<{ customerId: string; mode: ContactMode } | null>(null);
  const isOpen = (row: QueueRow) => open()?.customerId === row.customerId;
  return (
    <table class="table" data-testid="queue-table">
      <thead>
        <tr>
          <th>{t('queue.customer')}</th>
          <th>{t('queue.stage')}</th>
          <th>{t('queue.dueOn')}</th>
          <th class="num">{t('queue.overdue')}</th>
          <th class="num">{t('queue.oldest')}</th>
          <th>{t('queue.actions')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <>
              <tr data-testid="queue-row" data-customer={row.customerName} data-stage={row.stage.id}>
                <td>
                  <a href={hrefs.customer(row.customerId)}>{row.customerName}</a>{' '}
                  <Show when={row.grade}>{(g) => <GradeBadge grade={g()} />}</Show>
                  <SuspendedBadge on={row.suspended} />
                </td>
                <td>
                  <span data-testid="queue-stage">{stageName(row.stage)}</span>
                  <div class="muted">
                    {t(`channel.${row.stage.channel}`)} · {t('queue.stageOf', { number: fmtNumber(row.stageNumber), count: fmtNumber(row.stageCount) })}
                  </div>
                </td>
                <td>
                  <DateText date={row.dueOn} />
                  <div class="muted" data-testid="queue-late">
                    {row.daysLate > 0 ? t('queue.daysLate', { days: fmtNumber(row.daysLate) }) : t('queue.dueToday')}
                  </div>
                </td>
                <td class="num"><Money amount={row.overdueTotal} currency={props.book.currency} /></td>
                <td class="num">{t('queue.days', { days: fmtNumber(Math.max(0, row.oldestDaysOverdue)) })}</td>
                <td class="actions">
                  <Show when={row.stage.kind === 'notice' && row.stage.template}>
                    {(template) => (
                      <a class="btn btn-primary" data-testid="queue-notice" href={hrefs.noticeDraft(row.customerId, template(), row.stage.id)}>
                        {t('notice.title')}
                      </a>
                    )}
                  </Show>
                  <button type="button" class="btn" classList={{ 'btn-primary': row.stage.kind !== 'notice' }} data-testid="queue-done" onClick={() => setOpen({ customerId: row.customerId, mode: 'done' })}>
                    {t('queue.done')}
                  </button>
                  <button type="button" class="btn" data-testid="queue-snooze" onClick={() => setOpen({ customerId: row.customerId, mode: 'snooze' })}>
                    {t('queue.snooze')}
                  </button>
                  <button type="button" class="btn" data-testid="queue-skip" onClick={() => setOpen({ customerId: row.customerId, mode: 'skip' })}>
                    {t('queue.skip')}
                  </button>
                </td>
              </tr>
              <Show when={isOpen(row) && open()}>
                {(o) => (
                  <tr>
                    <td colSpan={6}>
                      <ContactForm
                        book={props.book}
                        mode={o().mode}
                        target={{
                          customerId: row.customerId, invoiceId: row.driverInvoiceId, stage: row.stage.id,
                          channel: row.stage.channel, invoiceIds: row.invoiceIds,
                        }}
                        onCancel={() => setOpen(null)}
                        onSaved={(r) => {
                          setOpen(null);
                          props.onLogged(row, r);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Show>
            </>
          )}
        </For>
      </tbody>
    </table>
  );
}
