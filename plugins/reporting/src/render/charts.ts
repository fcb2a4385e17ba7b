import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { chartOptions } from './chart-options.js';
import { chartSize } from './chart-theme.js';
import type { Chart } from './report-spec.js';

// Only what reports draw, so the sandbox bundle stays a fraction of full ECharts.
echarts.use([LineChart, BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/**
 * zrender schedules animation frames with `setTimeout` even in SSR mode, and the sandbox has no
 * timers. SSR paints synchronously in `renderToSVGString`, so those frames are never needed: a
 * no-op stands in. It is installed when the bundle loads, because the sandbox freezes the global
 * object once the plugin is loaded (server/src/sandbox/sandbox-globals-source.ts).
 */
const host = globalThis as { setTimeout?: unknown };
if (typeof host.setTimeout !== 'function') host.setTimeout = () => 0;

/** One chart as an SVG string, drawn server-side by ECharts' SSR mode: no DOM, no canvas. */
export function renderChartSvg(chart: Chart): string {
  const { width, height } = chartSize[chart.width];
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(chartOptions(chart));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
