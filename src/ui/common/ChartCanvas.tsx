// One chart.js canvas: created once the library is loaded, updated in place when its
// configuration (data or language) changes, destroyed on cleanup.
import type { Chart, ChartConfiguration } from 'chart.js';
import { createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import { loadChart } from './chartLoader';

export function ChartCanvas(props: { config: () => ChartConfiguration; label: string; testid: string }) {
  let canvas!: HTMLCanvasElement;
  let chart: Chart | undefined;
  let disposed = false;
  const [ready, setReady] = createSignal(false);

  onMount(async () => {
    const ChartClass = await loadChart();
    if (disposed) return;
    chart = new ChartClass(canvas, props.config());
    setReady(true);
  });

  createEffect(() => {
    const config = props.config();
    if (!ready() || !chart) return;
    chart.data = config.data;
    chart.options = config.options ?? {};
    chart.update();
  });

  onCleanup(() => {
    disposed = true;
    chart?.destroy();
    chart = undefined;
  });

  return (
    <div class="chart-wrap" data-testid={props.testid}>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
