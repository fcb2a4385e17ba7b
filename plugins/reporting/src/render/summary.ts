import type { Language } from '../language.js';
import { formatChange, formatDate, formatValue, lastDay } from './format.js';
import type { ReportSpec } from './report-spec.js';

export interface ReportSummary {
  text: string;
  /** For robot messages (DingTalk, Feishu, WeCom and Slack all take a Markdown subset). */
  markdown: string;
}

/** The report in a few lines, for the notification that links to it. */
export function summarize(spec: ReportSpec, language: Language, link?: string): ReportSummary {
  const period = spec.period
    ? `${formatDate(spec.period.since, language)} – ${formatDate(lastDay(spec.period.until), language)}`
    : '';
  const kpis = spec.kpis.map((kpi) => {
    const change = kpi.change === undefined || kpi.change === null ? '' : ` (${formatChange(kpi.change)})`;
    return { label: kpi.label, value: `${formatValue(kpi.value, kpi.format, language)}${change}` };
  });
  const text = [
    spec.title,
    period,
    '',
    ...kpis.map((kpi) => `${kpi.label}: ${kpi.value}`),
    '',
    ...spec.highlights.map((line) => `• ${line}`),
    ...(link ? ['', link] : []),
  ];
  const markdown = [
    `**${spec.title}**`,
    period,
    '',
    kpis.map((kpi) => `**${kpi.label}** ${kpi.value}`).join(' · '),
    '',
    ...spec.highlights.map((line) => `- ${line}`),
  ];
  return { text: text.join('\n').trim(), markdown: markdown.join('\n').trim() };
}
