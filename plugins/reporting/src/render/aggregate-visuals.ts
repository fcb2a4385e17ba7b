import type { Language } from '../language.js';
import type { AggregateResult } from '../metrics/aggregate-result.js';
import { palette, sentimentColors } from './chart-theme.js';
import { formatBucket, formatMinutes, formatNumber, formatPercent } from './format.js';
import { labels } from './labels.js';
import type { Chart, Table } from './report-spec.js';

type ChartInput = Omit<Chart, 'width' | 'valueFormat' | 'categories'> & Partial<Chart>;
const chart = (input: ChartInput): Chart => ({
  width: 'half',
  valueFormat: 'number',
  categories: [],
  ...input,
});

/** Charts of an aggregate: trend, sentiment mix, share of voice, sentiment by group, topics. */
export function aggregateCharts(result: AggregateResult, language: Language): Chart[] {
  const l = labels[language];
  const charts: Chart[] = [];
  if (result.trend && result.trend.length > 0) {
    charts.push(
      chart({
        title: l.mentionsOverTime,
        type: 'area',
        width: 'full',
        categories: result.trend.map((point) => formatBucket(point.bucket, result.period.bucket, language)),
        series: [
          { name: l.mentions, data: result.trend.map((point) => point.count), color: palette[0] },
          {
            name: l.negative,
            data: result.trend.map((point) => point.negative),
            color: sentimentColors.negative,
          },
        ],
      }),
    );
  }
  const mix = result.sentiment;
  if (mix && mix.positive + mix.neutral + mix.negative + mix.unscored > 0) {
    const keys = (['positive', 'neutral', 'negative', 'unscored'] as const).filter(
      (key) => key !== 'unscored' || mix.unscored > 0,
    );
    charts.push(
      chart({
        title: l.sentimentMix,
        type: 'donut',
        categories: keys.map((key) => l.sentiment[key]),
        colors: keys.map((key) => sentimentColors[key]),
        series: [{ name: l.mentions, data: keys.map((key) => mix[key]) }],
      }),
    );
  }
  const groups = (result.shareOfVoice?.groups ?? []).slice(0, 8);
  if (groups.some((group) => group.count > 0)) {
    charts.push(
      chart({
        title: l.shareOfVoice,
        type: 'donut',
        categories: groups.map((group) => group.group),
        series: [{ name: l.mentions, data: groups.map((group) => group.count) }],
      }),
      chart({
        title: l.sentimentByGroup,
        type: 'stacked-hbar',
        categories: groups.map((group) => group.group),
        series: (['positive', 'neutral', 'negative'] as const).map((key) => ({
          name: l.sentiment[key],
          data: groups.map((group) => group[key]),
          color: sentimentColors[key],
        })),
      }),
    );
  }
  const topics = (result.topTopics ?? []).slice(0, 8);
  if (topics.length > 0) {
    charts.push(
      chart({
        title: l.topTopics,
        type: 'stacked-hbar',
        categories: topics.map((topic) => topic.topic),
        series: [
          { name: l.negative, data: topics.map((topic) => topic.negative), color: sentimentColors.negative },
          {
            name: `${l.sentiment.neutral} / ${l.sentiment.positive}`,
            data: topics.map((topic) => topic.count - topic.negative),
            color: palette[0],
          },
        ],
      }),
    );
  }
  return charts;
}

/** Tables of an aggregate: share of voice, top authors, case SLA. */
export function aggregateTables(result: AggregateResult, language: Language): Table[] {
  const l = labels[language];
  const c = l.columns;
  const tables: Table[] = [];
  const groups = result.shareOfVoice?.groups ?? [];
  if (groups.length > 0) {
    tables.push({
      title: l.shareOfVoice,
      width: 'full',
      columns: [
        { label: c.group, align: 'left' },
        ...[c.mentions, c.share, c.negative, c.netSentiment].map((label) => ({
          label,
          align: 'right' as const,
        })),
      ],
      rows: groups.map((group) => [
        group.group,
        formatNumber(group.count),
        formatPercent(group.share),
        formatPercent(group.negativeShare),
        `${group.netSentiment > 0 ? '+' : ''}${formatNumber(group.netSentiment, 1)}`,
      ]),
    });
  }
  const authors = result.topAuthors ?? [];
  if (authors.length > 0) {
    tables.push({
      title: l.topAuthors,
      width: 'full',
      columns: [
        { label: c.author, align: 'left' },
        { label: c.source, align: 'left' },
        ...[c.followers, c.influence, c.mentions, c.negative].map((label) => ({
          label,
          align: 'right' as const,
        })),
      ],
      rows: authors.map((author) => [
        author.name,
        author.source,
        author.followers === null ? null : formatNumber(author.followers),
        author.influence === null ? null : formatNumber(author.influence, 1),
        formatNumber(author.mentions),
        formatNumber(author.negative),
      ]),
    });
  }
  if (result.cases) tables.push(caseTable(result.cases, language));
  return tables;
}

function caseTable(cases: NonNullable<AggregateResult['cases']>, language: Language): Table {
  const l = labels[language];
  const minutes = (value: number | null) => (value === null ? null : formatMinutes(value, language));
  const decided = cases.sla.met + cases.sla.breached;
  const ofDecided = (count: number) =>
    `${formatNumber(count)}${decided ? ` · ${formatPercent(count / decided)}` : ''}`;
  return {
    title: l.cases,
    width: 'full',
    columns: [
      { label: l.metric, align: 'left' },
      { label: l.value, align: 'right' },
    ],
    rows: [
      [l.caseRows.opened, formatNumber(cases.total)],
      [l.caseRows.met, ofDecided(cases.sla.met)],
      [l.caseRows.breached, ofDecided(cases.sla.breached)],
      [l.caseRows.pending, formatNumber(cases.sla.pending)],
      [`${l.caseRows.firstResponse} (${l.median})`, minutes(cases.firstResponse.medianMinutes)],
      [`${l.caseRows.firstResponse} (${l.p90})`, minutes(cases.firstResponse.p90Minutes)],
      [`${l.caseRows.resolution} (${l.median})`, minutes(cases.resolution.medianMinutes)],
    ],
  };
}
