// The invoice page's limitation period (诉讼时效): the day it ends, the event that
// last restarted it, and the warning when the end is near or past.
import { createResource, Show } from 'solid-js';
import type { Id } from '../../domain/types';
import { daysBetween } from '../../domain/calendar';
import { fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { DateText } from '../common/DateText';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { LimitationBadge } from './LimitationBadge';
import { RestartEventText } from './RestartEventText';

export function LimitationBlock(props: { bookId: Id; invoiceId: Id; balance: number }) {
  const [period] = createResource(
    () => ({ bookId: props.bookId, id: props.invoiceId, asOf: today(), v: changed() }),
    (q) => api().invoiceLimitation(q.bookId, q.id, q.asOf),
  );
  return (
    <Show when={period.latest}>
      {(p) => {
        const left = () => daysBetween(today(), p().endsOn);
        return (
          <section class="panel" data-testid="limitation" data-ends-on={p().endsOn} data-warning={p().warning ?? 'none'}>
            <h2>
              {t('limitation.title')}{' '}
              <Show when={p().warning}>{(w) => <LimitationBadge warning={w()} />}</Show>
            </h2>
            <dl class="facts">
              <div class="fact">
                <dt>{t('limitation.endsOn')}</dt>
                <dd>
                  <DateText date={p().endsOn} />
                  <Show when={props.balance > 0}>
                    {' '}<span class="muted">
                      {left() >= 0 ? t('limitation.daysLeft', { days: fmtNumber(left()) }) : t('limitation.endedAgo', { days: fmtNumber(-left()) })}
                    </span>
                  </Show>
                </dd>
              </div>
              <div class="fact">
                <dt>{t('limitation.lastEvent')}</dt>
                <dd data-testid="limitation-event"><RestartEventText event={p().lastEvent} none={t('limitation.noEvent')} /></dd>
              </div>
              <div class="fact">
                <dt>{t('limitation.start')}</dt>
                <dd><DateText date={p().start} /> <span class="muted">{t('limitation.years', { years: fmtNumber(p().years) })}</span></dd>
              </div>
            </dl>
            <p class="muted">{props.balance > 0 ? t('limitation.hint') : t('limitation.settled')}</p>
          </section>
        );
      }}
    </Show>
  );
}
