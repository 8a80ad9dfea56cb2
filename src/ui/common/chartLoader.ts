// chart.js on demand (kept out of each page's first bundle: the worker starts and
// the figures appear before the chart library is even parsed), with only the
// pieces the app's charts use registered: bars, lines, the filled forecast band,
// both scales, tooltips and the legend. One loader for every chart, so the
// library is fetched and registered once per page.
import type { Chart } from 'chart.js';
import { lang } from '../../i18n';

let chartModule: Promise<typeof Chart> | undefined;

export function loadChart(): Promise<typeof Chart> {
  chartModule ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.BarController, m.BarElement, m.LineController, m.LineElement, m.PointElement,
      m.CategoryScale, m.LinearScale, m.Filler, m.Tooltip, m.Legend,
    );
    return m.Chart;
  });
  return chartModule;
}

/** Options every chart shares: fills its box (the CSS sets the height), no animation (redrawn on each change). */
export const CHART_BASE = { responsive: true, maintainAspectRatio: false, animation: false } as const;

/** Axis ticks in the language's compact notation (12K, 1.2万): amounts are drawn in major units. */
export function compactTick(value: number | string): string {
  return new Intl.NumberFormat(lang(), { notation: 'compact' }).format(Number(value));
}
