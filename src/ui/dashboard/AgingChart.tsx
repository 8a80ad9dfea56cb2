// Aging as a bar chart (chart.js), one bar per bucket in the bucket colours; a
// click on a bar opens the invoices of that bucket.
import type { ChartConfiguration } from 'chart.js';
import type { AgingSummary } from '../../api/contract';
import { currencyDigits } from '../../domain/money';
import { bucketLabel, fmtMoney, t } from '../../i18n';
import { ChartCanvas } from '../common/ChartCanvas';
import { CHART_BASE, compactTick } from '../common/chartLoader';
import { bucketColor } from './bucketColors';

export function agingChart(aging: AgingSummary, currency: string, onBucket?: (index: number) => void): ChartConfiguration<'bar'> {
  const unit = 10 ** currencyDigits(currency);
  const buckets = aging.buckets;
  const dueBasis = aging.basis === 'due';
  return {
    type: 'bar',
    data: {
      labels: buckets.map((b) => bucketLabel(b)),
      datasets: [{
        label: t('aging.amount'),
        data: buckets.map((b) => b.amount / unit),
        backgroundColor: buckets.map((_, i) => bucketColor(i, buckets.length, dueBasis)),
        borderRadius: 4,
      }],
    },
    options: {
      ...CHART_BASE,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const b = buckets[item.dataIndex];
              return b ? fmtMoney(b.amount, currency) : '';
            },
          },
        },
      },
      scales: { y: { beginAtZero: true, ticks: { callback: compactTick } } },
      onClick: (_event, elements) => {
        const first = elements[0];
        if (first && onBucket) onBucket(first.index);
      },
    },
  };
}

export function AgingChart(props: { aging: AgingSummary; currency: string; onBucket?: (index: number) => void }) {
  return (
    <ChartCanvas
      config={() => agingChart(props.aging, props.currency, props.onBucket) as ChartConfiguration}
      label={t('aging.chartLabel')}
      testid="aging-chart"
    />
  );
}
