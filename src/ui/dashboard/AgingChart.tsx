// Aging as a bar chart (chart.js). Only the pieces used are registered, the
// chart is updated in place when data or language change and destroyed on cleanup.
// chart.js is loaded on demand: kept out of the page's first bundle, the worker
// starts (and the figures appear) before the chart library has even been parsed.
import type { Chart } from 'chart.js';
import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { AgingSummary } from '../../api/contract';
import { currencyDigits } from '../../domain/money';
import { bucketLabel, fmtMoney, lang, t } from '../../i18n';
import { bucketColor } from './bucketColors';

let chartModule: Promise<typeof Chart> | undefined;
function loadChart(): Promise<typeof Chart> {
  chartModule ??= import('chart.js').then((m) => {
    m.Chart.register(m.BarController, m.BarElement, m.CategoryScale, m.LinearScale, m.Tooltip);
    return m.Chart;
  });
  return chartModule;
}

export function AgingChart(props: { aging: AgingSummary; currency: string; onBucket?: (index: number) => void }) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'bar', number[], string> | undefined;
  let disposed = false;
  // Bumped once the chart exists, so the update effect runs against it.
  const [ready, setReady] = createSignal(false);

  // Chart scale only: display in major units; the tooltip shows the exact minor amount.
  const scale = () => 10 ** currencyDigits(props.currency);

  const config = () => {
    const buckets = props.aging.buckets;
    const dueBasis = props.aging.basis === 'due';
    return {
      labels: buckets.map((b) => bucketLabel(b)),
      data: buckets.map((b) => b.amount / scale()),
      colors: buckets.map((_, i) => bucketColor(i, buckets.length, dueBasis)),
    };
  };

  onMount(async () => {
    const ChartClass = await loadChart();
    if (disposed) return;
    const c = config();
    chart = new ChartClass(canvas, {
      type: 'bar',
      data: { labels: c.labels, datasets: [{ label: t('aging.amount'), data: c.data, backgroundColor: c.colors, borderRadius: 4 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => {
                const b = props.aging.buckets[item.dataIndex];
                return b ? fmtMoney(b.amount, props.currency) : '';
              },
            },
          },
        },
        scales: {
          y: {
            beginAtZero: true,
            ticks: { callback: (value) => new Intl.NumberFormat(lang(), { notation: 'compact' }).format(Number(value)) },
          },
        },
        onClick: (_event, elements) => {
          const first = elements[0];
          if (first && props.onBucket) props.onBucket(first.index);
        },
      },
    });
    setReady(true);
  });

  createEffect(() => {
    const c = config();
    if (!ready() || !chart) return;
    chart.data.labels = c.labels;
    const ds = chart.data.datasets[0];
    if (ds) {
      ds.data = c.data;
      ds.backgroundColor = c.colors;
      ds.label = t('aging.amount');
    }
    chart.update();
  });

  onCleanup(() => {
    disposed = true;
    chart?.destroy();
    chart = undefined;
  });

  return (
    <div class="chart-wrap" data-testid="aging-chart">
      <canvas ref={canvas} role="img" aria-label={t('aging.chartLabel')} />
    </div>
  );
}
