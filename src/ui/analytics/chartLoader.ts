// chart.js for the analytics charts, loaded on demand (kept out of the page's first
// bundle) with only the pieces these charts use registered: bars, lines, both scales,
// tooltips and the legend.
import type { Chart } from 'chart.js';

let chartModule: Promise<typeof Chart> | undefined;

export function loadChart(): Promise<typeof Chart> {
  chartModule ??= import('chart.js').then((m) => {
    m.Chart.register(
      m.BarController, m.BarElement, m.LineController, m.LineElement, m.PointElement,
      m.CategoryScale, m.LinearScale, m.Tooltip, m.Legend,
    );
    return m.Chart;
  });
  return chartModule;
}
