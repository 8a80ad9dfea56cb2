// "/": the book at a glance as of today (or the overridden date).
import { createResource, Show } from 'solid-js';
import { t } from '../../i18n';
import { api } from '../client';
import { Loading } from '../common/Loading';
import { hrefs } from '../common/url';
import { PageHeader } from '../shell/PageHeader';
import { ExportButtons } from '../export/ExportButtons';
import { Shell } from '../shell/Shell';
import { book } from '../state/book';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { AgingChart } from './AgingChart';
import { AgingTable } from './AgingTable';
import { KpiCards } from './KpiCards';
import { RecentActivity } from './RecentActivity';
import { TopDebtors } from './TopDebtors';
import { Welcome } from './Welcome';

function DashboardView(props: { bookId: string }) {
  const [data] = createResource(
    () => ({ bookId: props.bookId, asOf: today(), v: changed() }),
    (q) => api().dashboard(q.bookId, q.asOf),
  );
  return (
    <Show when={data.latest} fallback={<Loading />}>
      {(d) => (
        <>
          <PageHeader title={t('dash.title')} subtitle={<span class="muted">{book()?.name}</span>} />
          <ExportButtons bookId={props.bookId} reports={['agingSummary', 'agingDetail']} />
          <KpiCards data={d()} />
          <section class="panel">
            <h2>
              {t('dash.aging')} <small class="muted">{t(d().aging.basis === 'issue' ? 'dash.basis.issue' : 'dash.basis.due')}</small>
            </h2>
            <div class="aging-layout">
              <AgingChart aging={d().aging} currency={d().currency} onBucket={(i) => location.assign(hrefs.invoices({ bucket: i, status: 'open' }))} />
              <AgingTable aging={d().aging} currency={d().currency} />
            </div>
          </section>
          <div class="grid-even">
            <section class="panel">
              <h2>{t('dash.topDebtors')}</h2>
              <TopDebtors rows={d().topDebtors} currency={d().currency} />
            </section>
            <section class="panel">
              <h2>{t('dash.recent')}</h2>
              <RecentActivity rows={d().recent} />
            </section>
          </div>
          <p class="muted small footer-hint">{t('dash.computeMs', { ms: Math.round(d().computeMs) })}</p>
        </>
      )}
    </Show>
  );
}

export default function DashboardPage() {
  return (
    <Shell active="dashboard" title={t('dash.title')}>
      <Show when={book()} fallback={<Welcome />}>
        {(b) => <DashboardView bookId={b().id} />}
      </Show>
    </Shell>
  );
}
