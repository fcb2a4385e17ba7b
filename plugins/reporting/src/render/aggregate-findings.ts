import type { Language } from '../language.js';
import type { AggregateResult } from '../metrics/aggregate-result.js';
import { formatBucket, formatChange, formatMinutes, formatNumber, formatPercent } from './format.js';
import { labels } from './labels.js';
import type { Kpi } from './report-spec.js';

/** The headline numbers of an aggregate, as KPI cards. */
export function aggregateKpis(result: AggregateResult, language: Language): Kpi[] {
  const l = labels[language];
  const kpis: Kpi[] = [];
  if (result.volume) {
    const { total, change } = result.volume;
    kpis.push({
      label: l.mentions,
      value: total,
      format: 'number',
      change,
      ...(change === null ? {} : { hint: l.vsPrevious }),
    });
  }
  if (result.sentiment) {
    kpis.push({
      label: l.netSentiment,
      value: result.sentiment.netSentiment,
      format: 'signed',
      hint: '−100 … +100',
    });
    const { positive, neutral, negative, negativeShare } = result.sentiment;
    const scored = positive + neutral + negative;
    kpis.push({
      label: l.negativeShare,
      value: negativeShare,
      format: 'percent',
      hint: `${formatNumber(negative)} / ${formatNumber(scored)}`,
    });
  }
  const leader = result.shareOfVoice?.groups.reduce<(typeof result.shareOfVoice.groups)[number] | undefined>(
    (best, group) => (!best || group.count > best.count ? group : best),
    undefined,
  );
  if (leader && leader.count > 0) {
    kpis.push({
      label: l.leader,
      value: leader.group,
      format: 'text',
      hint: `${formatPercent(leader.share)} · ${l.shareOfVoice}`,
    });
  }
  if (result.cases) {
    kpis.push({
      label: l.slaAttainment,
      value: result.cases.sla.attainment,
      format: 'percent',
      goodWhen: 'up',
    });
    kpis.push({
      label: l.medianFirstResponse,
      value: result.cases.firstResponse.medianMinutes,
      format: 'minutes',
    });
  }
  return kpis;
}

/** A few sentences a reader skimming the first page should take away. */
export function aggregateHighlights(result: AggregateResult, language: Language): string[] {
  const f = labels[language].findings;
  const lines: string[] = [];
  if (result.volume) {
    const change = result.volume.change === null ? null : formatChange(result.volume.change);
    lines.push(f.volume(formatNumber(result.volume.total), change));
  }
  const sentiment = result.sentiment;
  if (sentiment && sentiment.positive + sentiment.neutral + sentiment.negative > 0) {
    const net = `${sentiment.netSentiment > 0 ? '+' : ''}${formatNumber(sentiment.netSentiment, 1)}`;
    lines.push(f.sentiment(formatPercent(sentiment.negativeShare), net));
  }
  const leader = [...(result.shareOfVoice?.groups ?? [])].sort((a, b) => b.count - a.count)[0];
  if (leader && leader.count > 0) lines.push(f.leader(leader.group, formatPercent(leader.share)));
  const topic = result.topTopics?.[0];
  if (topic) {
    const negative = formatPercent(topic.count === 0 ? 0 : topic.negative / topic.count, 0);
    lines.push(f.topic(topic.topic, formatNumber(topic.count), negative));
  }
  const peak = [...(result.trend ?? [])].sort((a, b) => b.count - a.count)[0];
  if (peak && peak.count > 0) {
    lines.push(f.peak(formatBucket(peak.bucket, result.period.bucket, language), formatNumber(peak.count)));
  }
  const cases = result.cases;
  if (cases && cases.sla.attainment !== null) {
    const median = cases.firstResponse.medianMinutes;
    lines.push(
      f.sla(
        formatPercent(cases.sla.attainment),
        formatNumber(cases.sla.met + cases.sla.breached),
        median === null ? null : formatMinutes(median, language),
      ),
    );
  }
  return lines;
}
