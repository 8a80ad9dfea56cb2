// "/analytics/" (回款分析): collection performance of a chosen period. The worker
// answers one small report; the page shows its metrics as cards and four charts, each
// with a table view and a CSV. Refetches after every write (changed()).
import { createMemo, createResource, createSignal, Show } from 'solid-js';
import type { Book } from '../../domain/types';
import { fmtDate, fmtPercent, t } from '../../i18n';
import { api } from '../client';
import { Loading } from '../common/Loading';
import { RequireBook } from '../common/RequireBook';
import { getParam, replaceParams } from '../common/url';
import { PageHeader } from '../shell/PageHeader';
import { Shell } from '../shell/Shell';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { AnalyticsKpis } from './AnalyticsKpis';
import { ChartPanel } from './ChartPanel';
import { agingChart, debtorsChart, dsoChart, flowChart } from './charts';
import { checkPeriod, isPeriodChoice, presetPeriod, type Period, type PeriodChoice } from './period';
import { PeriodChooser } from './PeriodChooser';
import { agingTable, debtorsTable, dsoTable, flowTable } from './tables';

/** The period in the address (?period=, and ?from=&to= for a custom one), else the last 12 months. */
function initialChoice(): { choice: PeriodChoice; custom: Period | null } {
  const p = getParam('period');
  if (p === 'custom') {
    const custom = { from: getParam('from'), to: getParam('to') };
    const errors = checkPeriod(custom.from, custom.to, today());
    if (!errors.from && !errors.to) return { choice: 'custom', custom };
  }
  return { choice: isPeriodChoice(p) && p !== 'custom' ? p : 'last12', custom: null };
}

function AnalyticsView(props: { book: Book }) {
  const initial = initialChoice();
  const [choice, setChoice] = createSignal<PeriodChoice>(initial.choice);
  const [custom, setCustom] = createSignal<Period | null>(initial.custom);
  const period = createMemo<Period>(() => {
    const c = choice();
    if (c !== 'custom') return presetPeriod(c, today());
    return custom() ?? presetPeriod('last12', today());
  });

  const [report] = createResource(
    () => ({ bookId: props.book.id, ...period(), asOf: today(), v: changed() }),
    (q) => api().analytics(q.bookId, { from: q.from, to: q.to, asOf: q.asOf }),
  );

  const pick = (c: PeriodChoice) => {
    if (c === 'custom' && !custom()) setCustom(period());
    setChoice(c);
    const p = c === 'custom' ? period() : null;
    replaceParams({ period: c, from: p?.from, to: p?.to });
  };
  const showCustom = (p: Period) => {
    setCustom(p);
    setChoice('custom');
    replaceParams({ period: 'custom', from: p.from, to: p.to });
  };

  return (
    <>
      <PageHeader title={t('analytics.title')} subtitle={<span class="muted">{props.book.name}</span>} />
      <p class="muted">{t('analytics.intro')}</p>
      <PeriodChooser choice={choice()} period={period()} today={today()} onPreset={pick} onCustom={showCustom} />
      <Show when={report.error}>
        {(e) => <p class="field-error" role="alert" data-testid="analytics-error">{t('analytics.failed', { detail: String((e() as Error)?.message ?? e()) })}</p>}
      </Show>
      <Show when={report.latest} fallback={<Loading />}>
        {(r) => (
          <div data-testid="analytics" data-from={r().from} data-to={r().to} aria-busy={report.loading}>
            <p data-testid="analytics-range">
              {t('analytics.range', { from: fmtDate(r().from), to: fmtDate(r().to), days: r().inputs.days })}
            </p>
            <Show when={r().to < period().to}>
              <p class="muted small">{t('analytics.cutAtToday')}</p>
            </Show>
            <Show when={r().monthsCut}>
              <p class="muted small">{t('analytics.monthsCut')}</p>
            </Show>
            <AnalyticsKpis report={r()} />
            <div class="grid-even">
              <ChartPanel id="flow" title={t('analytics.chart.flow')} config={() => flowChart(r())} table={() => flowTable(r())}
                currency={r().currency} bookName={props.book.name} from={r().from} to={r().to} />
              <ChartPanel id="dso" title={t('analytics.chart.dso')} config={() => dsoChart(r())} table={() => dsoTable(r())}
                currency={r().currency} bookName={props.book.name} from={r().from} to={r().to} />
            </div>
            <ChartPanel id="aging" title={t('analytics.chart.aging')} config={() => agingChart(r())} table={() => agingTable(r())}
              currency={r().currency} bookName={props.book.name} from={r().from} to={r().to} />
            <ChartPanel id="debtors" title={t('analytics.chart.debtors')} config={() => debtorsChart(r())} table={() => debtorsTable(r())}
              currency={r().currency} bookName={props.book.name} from={r().from} to={r().to}
              footer={
                <p data-testid="concentration">
                  <Show when={r().concentration.debtors > 0} fallback={t('analytics.noDebtors')}>
                    {t('analytics.concentration', {
                      top1: fmtPercent(r().concentration.top1 ?? 0),
                      top5: fmtPercent(r().concentration.top5 ?? 0),
                      debtors: r().concentration.debtors,
                    })}
                  </Show>
                </p>
              } />
            <p class="muted small footer-hint">{t('analytics.computeMs', { ms: Math.round(r().computeMs) })}</p>
          </div>
        )}
      </Show>
    </>
  );
}

export default function AnalyticsPage() {
  return (
    <Shell active="analytics" title={t('analytics.title')}>
      <RequireBook>{(b) => <AnalyticsView book={b()} />}</RequireBook>
    </Shell>
  );
}
