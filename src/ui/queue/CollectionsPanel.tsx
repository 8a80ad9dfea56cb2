// The customer page's collections: the next action (or why there is none) with
// done / snooze / skip, the service-suspension flag, promises and plans, and the
// contact log.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { Book, Id } from '../../domain/types';
import { errorText, fmtMoney, fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { DateText } from '../common/DateText';
import { hrefs } from '../common/url';
import { ActivitiesTable } from '../invoices/ActivitiesTable';
import { bumpChanged, changed } from '../state/changed';
import { today } from '../state/today';
import { ContactForm, type ContactMode } from './ContactForm';
import { PlanForm } from './PlanForm';
import { PromiseList } from './PromiseList';
import { stageName } from './stageName';

export function CollectionsPanel(props: { book: Book; customerId: Id; onMessage: (text: string) => void }) {
  const [mode, setMode] = createSignal<ContactMode | null>(null);
  const [planning, setPlanning] = createSignal(false);
  const [data] = createResource(
    () => ({ bookId: props.book.id, id: props.customerId, asOf: today(), v: changed() }),
    (q) => api().customerCollections(q.bookId, q.id, q.asOf),
  );

  const toggleSuspension = async (suspend: boolean) => {
    const reason = suspend ? (window.prompt(t('collections.suspendReason')) ?? '') : '';
    if (suspend && reason.trim() === '') return;
    const r = await api().setSuspended(props.book.id, props.customerId, suspend, reason);
    if (r.ok) bumpChanged();
    else if (r.errors[0]) props.onMessage(errorText(r.errors[0]));
  };

  const openAttachment = async (id: Id) => {
    const file = await api().attachmentFile(props.book.id, id);
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.bytes], { type: file.type }));
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const postCharges = async () => {
    const r = await api().postCharges(props.book.id, props.customerId, today());
    if (!r.ok) {
      if (r.errors[0]) props.onMessage(errorText(r.errors[0]));
      return;
    }
    bumpChanged();
    props.onMessage(r.value.charges.length === 0
      ? t('charges.nothing')
      : t('charges.posted', { total: fmtMoney(r.value.total, props.book.currency), count: fmtNumber(r.value.charges.length) }));
  };

  return (
    <Show when={data.latest}>
      {(c) => (
        <section class="panel" data-testid="collections">
          <h2>{t('collections.title')}</h2>
          <Show when={c().suspended}>
            <p class="notice notice-warn" data-testid="suspended">
              {t('queue.suspendedBadge')}{c().suspendReason ? ` · ${c().suspendReason.startsWith('stage:') ? stageName(c().suspendReason.slice(6)) : c().suspendReason}` : ''}
            </p>
          </Show>
          <Show
            when={c().next}
            fallback={<p data-testid="next-action" data-paused={c().pausedBy ?? ''}>{t(`collections.paused.${c().pausedBy ?? 'nothingDue'}`)}</p>}
          >
            {(n) => (
              <div class="next-action" data-testid="next-action" data-stage={n().stage.id}>
                <p>
                  <strong>{stageName(n().stage)}</strong> · {t(`channel.${n().stage.channel}`)} · <DateText date={n().dueOn} />
                  {n().daysLate > 0 ? ` · ${t('queue.daysLate', { days: fmtNumber(n().daysLate) })}` : ''}
                </p>
                <div class="actions">
                  <Show when={n().stage.kind === 'notice' && n().stage.template}>
                    {(template) => (
                      <a class="btn btn-primary" data-testid="collections-notice" href={hrefs.noticeDraft(props.customerId, template(), n().stage.id)}>
                        {t('notice.title')}
                      </a>
                    )}
                  </Show>
                  <button type="button" class="btn" data-testid="collections-done" onClick={() => setMode('done')}>{t('queue.done')}</button>
                  <button type="button" class="btn" data-testid="collections-snooze" onClick={() => setMode('snooze')}>{t('queue.snooze')}</button>
                  <button type="button" class="btn" data-testid="collections-skip" onClick={() => setMode('skip')}>{t('queue.skip')}</button>
                </div>
                <Show when={mode()}>
                  {(m) => (
                    <ContactForm
                      book={props.book}
                      mode={m()}
                      target={{ customerId: props.customerId, invoiceId: n().driverInvoiceId, stage: n().stage.id, channel: n().stage.channel, invoiceIds: n().invoiceIds }}
                      onCancel={() => setMode(null)}
                      onSaved={() => {
                        setMode(null);
                        props.onMessage(t('queue.logged', { customer: n().customerName, stage: stageName(n().stage) }));
                      }}
                    />
                  )}
                </Show>
              </div>
            )}
          </Show>
          <div class="actions">
            <button type="button" class="btn" data-testid="new-plan" onClick={() => setPlanning(!planning())}>
              {t('collections.newPlan')}
            </button>
            <button type="button" class="btn" data-testid="post-charges" onClick={() => void postCharges()}>
              {t('charges.post')}
            </button>
            <button type="button" class="btn" data-testid="toggle-suspension" onClick={() => void toggleSuspension(!c().suspended)}>
              {c().suspended ? t('collections.resume') : t('collections.suspend')}
            </button>
          </div>
          <Show when={planning()}>
            <PlanForm book={props.book} customerId={props.customerId} onCancel={() => setPlanning(false)}
              onSaved={() => {
                setPlanning(false);
                props.onMessage(t('plan.saved'));
              }} />
          </Show>
          <PromiseList promises={c().promises} plans={c().plans} currency={props.book.currency} />
          <Show when={c().notices.length > 0}>
            <h3>{t('notice.list')}</h3>
            <ul class="notice-list" data-testid="notices">
              <For each={c().notices}>
                {(n) => (
                  <li>
                    <a href={hrefs.notice(n.id)}>{n.number}</a> · <DateText date={n.date} /> · {n.subject}
                    {' · '}{n.deliveredOn ? t('notice.delivered', { date: '' }) : t('notice.notDelivered')}
                    <Show when={n.deliveredOn}>{(d) => <DateText date={d()} />}</Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <h3>{t('collections.log')}</h3>
          <Show when={c().activities.length > 0} fallback={<p class="muted">{t('collections.noContacts')}</p>}>
            <ActivitiesTable rows={c().activities} showStage attachments={c().attachments} onOpenAttachment={(a) => void openAttachment(a.id)} />
          </Show>
        </section>
      )}
    </Show>
  );
}
