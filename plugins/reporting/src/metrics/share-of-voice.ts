import type { JsonObject } from '@sbss/sdk';
import { fieldAt, groupsOf, sentimentOf } from './mention-fields.js';
import { emptyCounts, mixOf, round, type SentimentMix } from './sentiment-mix.js';

export interface VoiceShare extends SentimentMix {
  group: string;
  count: number;
  /** Share of all group mentions, 0..1; a mention naming two brands counts for each. */
  share: number;
}

/**
 * Share of voice by the groups a field names: a brand string, a list of brands, or the monitor
 * node's `matches` object (one key per keyword group). With `groups` given, exactly those are
 * listed, in that order, and other values are left out.
 */
export function shareOfVoice(records: JsonObject[], field: string, groups?: string[]): VoiceShare[] {
  const counts = new Map<string, ReturnType<typeof emptyCounts>>();
  for (const group of groups ?? []) counts.set(group, emptyCounts());
  for (const record of records) {
    const label = sentimentOf(record);
    for (const group of groupsOf(fieldAt(record, field))) {
      if (groups && !counts.has(group)) continue;
      const tally = counts.get(group) ?? emptyCounts();
      tally[label] += 1;
      counts.set(group, tally);
    }
  }
  const rows = [...counts].map(([group, tally]) => ({
    group,
    count: tally.positive + tally.neutral + tally.negative + tally.unscored,
    ...mixOf(tally),
  }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const shares = rows.map((row) => ({ ...row, share: total === 0 ? 0 : round(row.count / total, 4) }));
  return groups ? shares : shares.sort((a, b) => b.count - a.count || a.group.localeCompare(b.group));
}
