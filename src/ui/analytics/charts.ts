// chart.js configurations of the analytics charts. Amounts are drawn in major units
// (the scale only); tooltips show the exact formatted amount or metric.
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { AnalyticsReport } from '../../api/analytics';
import { currencyDigits } from '../../domain/money';
import { formatMetric } from '../../domain/metrics';
import { bucketLabel, fmtMoney, fmtNumber, fmtPercent, t } from '../../i18n';
import { bucketColor } from '../dashboard/bucketColors';
import { CHART_BASE, compactTick } from '../common/chartLoader';
import { monthLabel } from './tables';

const INVOICED = '#7a8ea0';
const COLLECTED = '#1f7a4d';
const DSO = '#134e4a';
const CEI = '#b7791f';
const DEBTOR = '#c05621';

const majorUnits = (r: AnalyticsReport) => 10 ** currencyDigits(r.currency);

/** A tooltip line: the dataset's name and the exact amount of the point. */
function moneyLabel(r: AnalyticsReport, amountOf: (item: TooltipItem<'bar'>) => number) {
  return (item: TooltipItem<'bar'>) => `${item.dataset.label ?? ''}: ${fmtMoney(amountOf(item), r.currency)}`;
}

export function flowChart(r: AnalyticsReport): ChartConfiguration<'bar'> {
  const unit = majorUnits(r);
  const invoiced = r.months.map((m) => m.invoiced);
  const collected = r.months.map((m) => m.collected);
  return {
    type: 'bar',
    data: {
      labels: r.months.map((m) => monthLabel(m.month)),
      datasets: [
        { label: t('analytics.col.invoiced'), data: invoiced.map((a) => a / unit), backgroundColor: INVOICED, borderRadius: 3 },
        { label: t('analytics.col.collected'), data: collected.map((a) => a / unit), backgroundColor: COLLECTED, borderRadius: 3 },
      ],
    },
    options: {
      ...CHART_BASE,
      plugins: {
        tooltip: { callbacks: { label: moneyLabel(r, (item) => (item.datasetIndex === 0 ? invoiced : collected)[item.dataIndex] ?? 0) } },
      },
      scales: { y: { beginAtZero: true, ticks: { callback: compactTick } } },
    },
  };
}

export function dsoChart(r: AnalyticsReport): ChartConfiguration<'line'> {
  const metric = (v: number | null) => (v === null ? null : Number(formatMetric(v)));
  return {
    type: 'line',
    data: {
      labels: r.months.map((m) => monthLabel(m.month)),
      datasets: [
        { label: t('analytics.col.dso'), data: r.months.map((m) => metric(m.simpleDso)), borderColor: DSO, backgroundColor: DSO, yAxisID: 'days', spanGaps: true },
        { label: t('analytics.col.cei'), data: r.months.map((m) => metric(m.cei)), borderColor: CEI, backgroundColor: CEI, yAxisID: 'percent', spanGaps: true },
      ],
    },
    options: {
      ...CHART_BASE,
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => {
              const value = Number(item.raw);
              return `${item.dataset.label ?? ''}: ${item.datasetIndex === 0 ? t('analytics.days', { value: fmtNumber(value) }) : fmtPercent(value / 100)}`;
            },
          },
        },
      },
      scales: {
        days: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: t('analytics.col.dso') } },
        percent: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: t('analytics.col.cei') } },
      },
    },
  };
}

export function agingChart(r: AnalyticsReport): ChartConfiguration<'bar'> {
  const unit = majorUnits(r);
  const dueBasis = r.basis === 'due';
  return {
    type: 'bar',
    data: {
      labels: r.months.map((m) => monthLabel(m.month)),
      datasets: r.buckets.map((b, i) => ({
        label: bucketLabel(b),
        data: r.months.map((m) => (m.aging[i] ?? 0) / unit),
        backgroundColor: bucketColor(i, r.buckets.length, dueBasis),
      })),
    },
    options: {
      ...CHART_BASE,
      plugins: {
        tooltip: { callbacks: { label: moneyLabel(r, (item) => r.months[item.dataIndex]?.aging[item.datasetIndex] ?? 0) } },
      },
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { callback: compactTick } } },
    },
  };
}

export function debtorsChart(r: AnalyticsReport): ChartConfiguration<'bar'> {
  const unit = majorUnits(r);
  return {
    type: 'bar',
    data: {
      labels: r.topDebtors.map((d) => d.name),
      datasets: [{ label: t('analytics.col.open'), data: r.topDebtors.map((d) => d.open / unit), backgroundColor: DEBTOR, borderRadius: 3 }],
    },
    options: {
      indexAxis: 'y',
      ...CHART_BASE,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const d = r.topDebtors[item.dataIndex];
              return d ? `${fmtMoney(d.open, r.currency)} (${fmtPercent(d.share)})` : '';
            },
          },
        },
      },
      scales: { x: { beginAtZero: true, ticks: { callback: compactTick } } },
    },
  };
}
