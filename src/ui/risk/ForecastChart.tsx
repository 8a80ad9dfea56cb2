// The 13-week cash-in forecast as a chart: expected receipts as bars, the low-high
// band as a shaded area between two lines. Amounts in major units on the axis; the
// tooltip shows the exact formatted amounts.
import type { Chart } from 'chart.js';
import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { CashForecast } from '../../domain/cash-forecast';
import { currencyDigits } from '../../domain/money';
import { fmtMoney, lang, t } from '../../i18n';
import { loadChart } from './chartLoader';
import { weekLabel } from './weekLabel';

export function ForecastChart(props: { forecast: CashForecast; currency: string }) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart<'bar' | 'line', number[], string> | undefined;
  let disposed = false;
  const [ready, setReady] = createSignal(false);
  const scale = () => 10 ** currencyDigits(props.currency);

  const data = () => {
    const weeks = props.forecast.weeks;
    return {
      labels: weeks.map((w, i) => weekLabel(i, w.start)),
      expected: weeks.map((w) => w.expected / scale()),
      low: weeks.map((w) => w.low / scale()),
      high: weeks.map((w) => w.high / scale()),
    };
  };

  const datasets = () => {
    const d = data();
    return [
      { type: 'bar' as const, label: t('risk.forecast.expected'), data: d.expected, backgroundColor: '#0f766e', borderRadius: 4, order: 2 },
      {
        type: 'line' as const, label: t('risk.forecast.high'), data: d.high, borderColor: 'rgba(15,118,110,0.45)',
        backgroundColor: 'rgba(15,118,110,0.12)', fill: '+1', pointRadius: 0, borderDash: [4, 3], order: 1,
      },
      {
        type: 'line' as const, label: t('risk.forecast.low'), data: d.low, borderColor: 'rgba(15,118,110,0.45)',
        pointRadius: 0, borderDash: [4, 3], fill: false, order: 1,
      },
    ];
  };

  onMount(async () => {
    const ChartClass = await loadChart();
    if (disposed) return;
    chart = new ChartClass(canvas, {
      type: 'bar',
      data: { labels: data().labels, datasets: datasets() },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => {
                const w = props.forecast.weeks[item.dataIndex];
                if (!w) return '';
                const amount = item.datasetIndex === 0 ? w.expected : item.datasetIndex === 1 ? w.high : w.low;
                return `${item.dataset.label ?? ''}: ${fmtMoney(amount, props.currency)}`;
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
      },
    });
    setReady(true);
  });

  createEffect(() => {
    const labels = data().labels;
    const sets = datasets();
    if (!ready() || !chart) return;
    chart.data.labels = labels;
    sets.forEach((s, i) => {
      const ds = chart?.data.datasets[i];
      if (ds) {
        ds.data = s.data;
        ds.label = s.label;
      }
    });
    chart.update();
  });

  onCleanup(() => {
    disposed = true;
    chart?.destroy();
    chart = undefined;
  });

  return (
    <div class="chart-wrap" data-testid="forecast-chart">
      <canvas ref={canvas} role="img" aria-label={t('risk.forecast.chartLabel')} />
    </div>
  );
}
