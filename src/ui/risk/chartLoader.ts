// chart.js on demand (kept out of the page's first bundle), with only the pieces
// the risk charts use: bars, lines, the filled band, tooltips and the legend.
import type { Chart } from 'chart.js';

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
