import type { Language } from '../language.js';
import type { AggregateResult } from '../metrics/aggregate-result.js';
import { aggregateHighlights, aggregateKpis } from './aggregate-findings.js';
import { aggregateCharts, aggregateTables } from './aggregate-visuals.js';
import { formatNumber } from './format.js';
import { labels } from './labels.js';
import type { ReportSpec } from './report-spec.js';

/** The standard report of an aggregate: findings, KPIs, charts and tables, in one language. */
export function reportFromAggregate(
  result: AggregateResult,
  options: { title?: string | undefined; subtitle?: string | undefined; language: Language },
): ReportSpec {
  const l = labels[options.language];
  const total = result.volume?.total;
  const sampled =
    !result.sample.complete && total !== undefined
      ? ` ${l.sampled(formatNumber(result.sample.read), formatNumber(total))}`
      : '';
  return {
    title: options.title ?? l.reportTitle,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    period: { since: result.period.since, until: result.period.until },
    highlights: aggregateHighlights(result, options.language),
    kpis: aggregateKpis(result, options.language),
    charts: aggregateCharts(result, options.language),
    tables: aggregateTables(result, options.language),
    footnote: `${l.footer(result.collection)}${sampled}`,
  };
}
