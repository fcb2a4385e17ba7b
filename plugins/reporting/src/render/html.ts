import type { Language } from '../language.js';
import { renderChartSvg } from './charts.js';
import { escapeHtml } from './escape.js';
import { formatChange, formatDate, formatDateTime, formatValue, lastDay } from './format.js';
import { labels } from './labels.js';
import type { Chart, Kpi, ReportSpec, Table } from './report-spec.js';
import { reportCss } from './styles.js';

export interface HtmlOptions {
  language: Language;
  accent: string;
  generatedAt: string;
}

/** A self-contained HTML document: inline CSS, inline SVG charts, no scripts, no external URLs. */
export function renderReportHtml(spec: ReportSpec, options: HtmlOptions): string {
  const l = labels[options.language];
  const period = spec.period
    ? `${formatDate(spec.period.since, options.language)} – ${formatDate(lastDay(spec.period.until), options.language)}`
    : undefined;
  const meta = [
    ...(period ? [[l.period, period]] : []),
    [l.generated, formatDateTime(options.generatedAt, options.language)],
  ];
  const body = [
    `<header class="masthead"><div class="brandline">${escapeHtml(l.brandLine)}</div>`,
    `<h1>${escapeHtml(spec.title)}</h1>`,
    spec.subtitle ? `<p class="subtitle">${escapeHtml(spec.subtitle)}</p>` : '',
    `<dl class="meta">${meta.map(([term, value]) => `<div><dt>${escapeHtml(term ?? '')}</dt><dd>${escapeHtml(value ?? '')}</dd></div>`).join('')}</dl></header>`,
    spec.kpis.length
      ? `<section class="kpis" style="grid-template-columns:repeat(${kpiColumns(spec.kpis.length)},1fr)">${spec.kpis.map((kpi) => kpiCard(kpi, options.language)).join('')}</section>`
      : '',
    spec.highlights.length
      ? `<section class="findings"><h2>${escapeHtml(l.keyFindings)}</h2><ul>${spec.highlights.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>`
      : '',
    spec.charts.length ? `<section class="grid">${spec.charts.map(chartCard).join('')}</section>` : '',
    spec.tables.length ? `<section class="grid">${spec.tables.map(tableCard).join('')}</section>` : '',
    `<footer><span>${escapeHtml(spec.footnote ?? '')}</span><span>SBSS</span></footer>`,
  ];
  return [
    '<!doctype html>',
    `<html lang="${options.language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="SBSS reporting/render@1">',
    `<title>${escapeHtml(spec.title)}${period ? ` · ${escapeHtml(period)}` : ''}</title>`,
    `<style>${reportCss(options.accent)}</style></head>`,
    `<body><main class="report">${body.join('')}</main></body></html>`,
  ].join('\n');
}

/** Rows of equal cards: 5 or 6 KPIs sit in rows of 3, 7 or 8 in rows of 4, never 5 + 1. */
function kpiColumns(count: number): number {
  if (count <= 4) return count;
  return count <= 6 ? 3 : 4;
}

function kpiCard(kpi: Kpi, language: Language): string {
  const foot: string[] = [];
  if (kpi.change !== undefined && kpi.change !== null) {
    const tone =
      !kpi.goodWhen || kpi.change === 0
        ? 'flat'
        : kpi.change > 0 === (kpi.goodWhen === 'up')
          ? 'good'
          : 'bad';
    const arrow = kpi.change > 0 ? '▲' : kpi.change < 0 ? '▼' : '';
    foot.push(`<span class="change ${tone}">${arrow} ${escapeHtml(formatChange(kpi.change))}</span>`);
  }
  if (kpi.hint) foot.push(`<span>${escapeHtml(kpi.hint)}</span>`);
  return [
    '<div class="kpi">',
    `<div class="label">${escapeHtml(kpi.label)}</div>`,
    `<div class="value">${escapeHtml(formatValue(kpi.value, kpi.format, language))}</div>`,
    `<div class="foot">${foot.join('')}</div></div>`,
  ].join('');
}

function chartCard(chart: Chart): string {
  const note = chart.note ? `<p class="note">${escapeHtml(chart.note)}</p>` : '';
  return `<figure class="card ${chart.width}"><h3>${escapeHtml(chart.title)}</h3>${renderChartSvg(chart)}${note}</figure>`;
}

function tableCard(table: Table): string {
  const align = (index: number) => (table.columns[index]?.align === 'right' ? ' class="num"' : '');
  const head = table.columns
    .map((column, index) => `<th${align(index)}>${escapeHtml(column.label)}</th>`)
    .join('');
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, index) =>
            cell === null
              ? '<td class="empty">–</td>'
              : `<td${align(index)}>${escapeHtml(String(cell))}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  const note = table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : '';
  return `<section class="card ${table.width}"><h3>${escapeHtml(table.title)}</h3><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${note}</section>`;
}
