import type { EChartsCoreOption } from 'echarts/core';
import { fontStack, ink, palette, paletteAt } from './chart-theme.js';
import { formatNumber, formatPercent } from './format.js';
import type { Chart } from './report-spec.js';

// Axis labels inside the chart's box (what `containLabel` did before ECharts 6).
const labelsInside = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;
const axisLabel = { color: ink.muted, fontSize: 11 };
const splitLine = { lineStyle: { color: ink.rule, type: 'dashed' as const } };
const valueLabel = (format: Chart['valueFormat']) => (value: number) =>
  format === 'percent' ? formatPercent(value, 0) : formatNumber(value);

/** ECharts options for one chart of a report: no animation, no interaction, print-ready. */
export function chartOptions(chart: Chart): EChartsCoreOption {
  const base = {
    animation: false,
    color: chart.series.map((series, index) => series.color ?? paletteAt(index)),
    textStyle: { fontFamily: fontStack, color: ink.body },
    legend:
      chart.series.length > 1
        ? {
            top: 0,
            right: 0,
            icon: 'roundRect',
            itemWidth: 12,
            itemHeight: 8,
            textStyle: { color: ink.muted, fontSize: 11 },
          }
        : { show: false },
  };
  if (chart.type === 'donut') return { ...base, ...donut(chart) };
  if (chart.type === 'hbar' || chart.type === 'stacked-hbar') return { ...base, ...horizontalBars(chart) };
  return { ...base, ...timeSeries(chart) };
}

function timeSeries(chart: Chart): EChartsCoreOption {
  const dense = chart.categories.length > 16;
  return {
    grid: { left: 8, right: 12, top: chart.series.length > 1 ? 32 : 16, bottom: 4, ...labelsInside },
    xAxis: {
      type: 'category',
      data: chart.categories,
      boundaryGap: chart.type === 'bar',
      axisLine: { lineStyle: { color: ink.rule } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      axisLabel: { ...axisLabel, formatter: valueLabel(chart.valueFormat) },
      splitLine,
    },
    series: chart.series.map((series, index) => ({
      name: series.name,
      type: chart.type === 'bar' ? 'bar' : 'line',
      data: series.data,
      barMaxWidth: 28,
      symbol: dense ? 'none' : 'circle',
      symbolSize: 5,
      lineStyle: { width: index === 0 ? 2.5 : 2 },
      ...(chart.type === 'area' && index === 0 ? { areaStyle: { opacity: 0.12 } } : {}),
      ...(chart.colors && chart.type === 'bar'
        ? { itemStyle: { color: (p: { dataIndex: number }) => chart.colors?.[p.dataIndex] ?? paletteAt(0) } }
        : {}),
    })),
  };
}

function horizontalBars(chart: Chart): EChartsCoreOption {
  const stacked = chart.type === 'stacked-hbar';
  return {
    grid: {
      left: 8,
      right: stacked ? 12 : 48,
      top: chart.series.length > 1 ? 32 : 8,
      bottom: 4,
      ...labelsInside,
    },
    xAxis: {
      type: 'value',
      axisLabel: { ...axisLabel, formatter: valueLabel(chart.valueFormat) },
      splitLine,
    },
    yAxis: {
      type: 'category',
      data: chart.categories,
      inverse: true,
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, color: ink.body, fontSize: 12, width: 120, overflow: 'truncate' },
    },
    series: chart.series.map((series) => ({
      name: series.name,
      type: 'bar',
      data: series.data,
      barMaxWidth: 18,
      ...(stacked ? { stack: 'total' } : {}),
      itemStyle: { borderRadius: stacked ? 0 : [0, 3, 3, 0] },
      label: stacked
        ? { show: false }
        : {
            show: true,
            position: 'right',
            color: ink.muted,
            fontSize: 11,
            formatter: (p: { value: number }) => valueLabel(chart.valueFormat)(p.value),
          },
      ...(chart.colors && !stacked
        ? {
            colorBy: 'data',
            itemStyle: {
              color: (p: { dataIndex: number }) => chart.colors?.[p.dataIndex] ?? paletteAt(0),
              borderRadius: [0, 3, 3, 0],
            },
          }
        : {}),
    })),
  };
}

function donut(chart: Chart): EChartsCoreOption {
  const values = chart.series[0]?.data ?? [];
  const total = values.reduce((sum, value) => sum + value, 0);
  const colors = chart.colors ?? palette;
  const share = (value: number) => (total === 0 ? '0%' : formatPercent(value / total, 0));
  return {
    color: colors,
    legend: {
      orient: 'vertical',
      right: 8,
      top: 'middle',
      icon: 'circle',
      itemWidth: 9,
      itemHeight: 9,
      itemGap: 12,
      // Rich-text cells of fixed width line the numbers up in columns.
      textStyle: {
        color: ink.body,
        fontSize: 12,
        rich: {
          name: { width: 78, fontSize: 12, color: ink.body },
          value: { width: 40, align: 'right', fontSize: 12, color: ink.strong, fontWeight: 600 },
          share: { width: 40, align: 'right', fontSize: 12, color: ink.muted },
        },
      },
      formatter: (name: string) => {
        const value = values[chart.categories.indexOf(name)] ?? 0;
        return `{name|${name}}{value|${formatNumber(value)}}{share|${share(value)}}`;
      },
    },
    title: {
      text: formatNumber(total),
      subtext: chart.series[0]?.name ?? '',
      left: '29%',
      top: '39%',
      textAlign: 'center',
      textStyle: { fontSize: 22, fontWeight: 700, color: ink.strong, fontFamily: fontStack },
      subtextStyle: { fontSize: 11, color: ink.muted, fontFamily: fontStack },
    },
    series: [
      {
        type: 'pie',
        radius: ['48%', '74%'],
        center: ['30%', '52%'],
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: chart.categories.map((name, index) => ({ name, value: values[index] ?? 0 })),
      },
    ],
  };
}
