// The 13-week cash-in forecast as a chart: expected receipts as bars, the low-high
// band as a shaded area between two lines. Amounts in major units on the axis; the
// tooltip shows the exact formatted amounts.
import type { ChartConfiguration } from 'chart.js';
import type { CashForecast } from '../../domain/cash-forecast';
import { currencyDigits } from '../../domain/money';
import { fmtMoney, t } from '../../i18n';
import { ChartCanvas } from '../common/ChartCanvas';
import { CHART_BASE, compactTick } from '../common/chartLoader';
import { weekLabel } from './weekLabel';

const EXPECTED = '#0f766e';
const BAND_LINE = 'rgba(15,118,110,0.45)';
const BAND_FILL = 'rgba(15,118,110,0.12)';

export function forecastChart(forecast: CashForecast, currency: string): ChartConfiguration<'bar' | 'line'> {
  const unit = 10 ** currencyDigits(currency);
  const weeks = forecast.weeks;
  return {
    type: 'bar',
    data: {
      labels: weeks.map((w, i) => weekLabel(i, w.start)),
      datasets: [
        { type: 'bar', label: t('risk.forecast.expected'), data: weeks.map((w) => w.expected / unit), backgroundColor: EXPECTED, borderRadius: 4, order: 2 },
        {
          type: 'line', label: t('risk.forecast.high'), data: weeks.map((w) => w.high / unit), borderColor: BAND_LINE,
          backgroundColor: BAND_FILL, fill: '+1', pointRadius: 0, borderDash: [4, 3], order: 1,
        },
        {
          type: 'line', label: t('risk.forecast.low'), data: weeks.map((w) => w.low / unit), borderColor: BAND_LINE,
          pointRadius: 0, borderDash: [4, 3], fill: false, order: 1,
        },
      ],
    },
    options: {
      ...CHART_BASE,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => {
              const w = weeks[item.dataIndex];
              if (!w) return '';
              const amount = item.datasetIndex === 0 ? w.expected : item.datasetIndex === 1 ? w.high : w.low;
              return `${item.dataset.label ?? ''}: ${fmtMoney(amount, currency)}`;
            },
          },
        },
      },
      scales: { y: { beginAtZero: true, ticks: { callback: compactTick } } },
    },
  };
}

export function ForecastChart(props: { forecast: CashForecast; currency: string }) {
  return (
    <ChartCanvas
      config={() => forecastChart(props.forecast, props.currency) as ChartConfiguration}
      label={t('risk.forecast.chartLabel')}
      testid="forecast-chart"
    />
  );
}
