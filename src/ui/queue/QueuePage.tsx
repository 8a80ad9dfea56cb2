// "/queue/" (今日待办): every customer who needs an action today or is late on one,
// most important first, with done / snooze / skip in place.
import { createResource, Show } from 'solid-js';
import type { Book } from '../../domain/types';
import { fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { createFlash, Flash } from '../common/Flash';
import { RequireBook } from '../common/RequireBook';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { LimitationWarnings } from '../limitation/LimitationWarnings';
import { QueueTable } from './QueueTable';
import { stageName } from './stageName';

function QueueView(props: { book: Book }) {
  const flash = createFlash();
  const [queue] = createResource(
    () => ({ bookId: props.book.id, asOf: today(), v: changed() }),
    (q) => api().collectionQueue(q.bookId, q.asOf),
  );
  return (
    <>
      <PageHeader title={t('queue.title')} />
      <p>{t('queue.intro')}</p>
      <Flash flash={flash} />
      <Show when={queue.latest}>
        {(q) => (
          <section class="panel" data-testid="queue" data-as-of={q().asOf}>
            <Show when={q().rows.length > 0} fallback={<p data-testid="queue-empty">{t('queue.empty')}</p>}>
              <QueueTable
                book={props.book}
                rows={q().rows}
                onLogged={(row) => flash.show({ text: t('queue.logged', { customer: row.customerName, stage: stageName(row.stage) }) })}
              />
            </Show>
            <Show when={q().paused > 0}>
              <p class="muted" data-testid="queue-paused">{t('queue.paused', { count: fmtNumber(q().paused) })}</p>
            </Show>
          </section>
        )}
      </Show>
      <LimitationWarnings book={props.book} />
    </>
  );
}

export default function QueuePage() {
  return (
    <Shell active="queue" title={t('queue.title')}>
      <RequireBook>{(b) => <QueueView book={b()} />}</RequireBook>
    </Shell>
  );
}
