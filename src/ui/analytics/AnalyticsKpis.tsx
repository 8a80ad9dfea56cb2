// The period's headline metrics as cards. An undefined metric shows "–" with a
// tooltip (and an accessible label) saying why it has no value.
import { For, Show } from 'solid-js';
import type { AnalyticsReport } from '../../api/analytics';
import { formatMetric } from '../../domain/metrics';
import { fmtMoney, fmtNumber, fmtPercent, t, type MessageKey } from '../../i18n';

interface Kpi {
  key: string;
  label: MessageKey;
  /** The formatted value, or null with the reason it is undefined. */
  value: string | null;
  why: MessageKey;
  sub?: string;
}

const days = (v: number | null) => (v === null ? null : t('analytics.days', { value: fmtNumber(Number(formatMetric(v))) }));
const percent = (v: number | null) => (v === null ? null : fmtPercent(Number(formatMetric(v)) / 100));
const ratio = (v: number | null) => (v === null ? null : percent(v * 100));

function kpis(r: AnalyticsReport): Kpi[] {
  const m = r.metrics;
  const money = (a: number) => fmtMoney(a, r.currency);
  const decided = r.promises.kept + r.promises.broken;
  return [
    { key: 'simpleDso', label: 'analytics.kpi.simpleDso', value: days(m.simpleDso), why: 'analytics.why.noSales', sub: t('analytics.kpi.invoiced', { amount: money(r.inputs.invoiced) }) },
    { key: 'countbackDso', label: 'analytics.kpi.countbackDso', value: days(m.countbackDso), why: 'analytics.why.countback' },
    { key: 'bestDso', label: 'analytics.kpi.bestDso', value: days(m.bestDso), why: 'analytics.why.noSales' },
    { key: 'add', label: 'analytics.kpi.add', value: days(m.add), why: 'analytics.why.noSales' },
    { key: 'cei', label: 'analytics.kpi.cei', value: percent(m.cei), why: 'analytics.why.noCollectible' },
    { key: 'badDebt', label: 'analytics.kpi.badDebt', value: percent(m.badDebtRatio), why: 'analytics.why.noSales', sub: t('analytics.kpi.writeoffs', { amount: money(r.inputs.writeoffs) }) },
    { key: 'collected', label: 'analytics.kpi.collected', value: money(r.collected), why: 'analytics.why.noSales' },
    { key: 'over90', label: 'analytics.kpi.over90', value: ratio(r.over90Share), why: 'analytics.why.noAr', sub: t('analytics.kpi.arEnd', { amount: money(r.inputs.arEnd) }) },
    {
      key: 'promiseKept', label: 'analytics.kpi.promiseKept', value: ratio(r.promises.rate), why: 'analytics.why.noPromises',
      sub: decided > 0 ? t('analytics.kpi.promiseCount', { kept: r.promises.kept, total: decided }) : undefined,
    },
    {
      key: 'daysLate', label: 'analytics.kpi.daysLate', value: days(r.daysLate.average), why: 'analytics.why.noPaid',
      sub: r.daysLate.invoices > 0 ? t('analytics.kpi.paidCount', { count: r.daysLate.invoices }) : undefined,
    },
  ];
}

export function AnalyticsKpis(props: { report: AnalyticsReport }) {
  return (
    <div class="kpis" data-testid="analytics-kpis">
      <For each={kpis(props.report)}>
        {(k) => (
          <div class="kpi" data-testid={`kpi-${k.key}`}>
            <div class="kpi-label">{t(k.label)}</div>
            <Show
              when={k.value !== null}
              fallback={
                <span class="kpi-value muted" data-testid={`kpi-${k.key}-value`} title={t(k.why)} aria-label={t(k.why)} tabindex="0">
                  {t('analytics.none')}
                </span>
              }
            >
              <span class="kpi-value" data-testid={`kpi-${k.key}-value`}>{k.value}</span>
            </Show>
            <Show when={k.sub}>
              <div class="kpi-sub">{k.sub}</div>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
