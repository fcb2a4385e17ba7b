import type { JsonValue, StateCapability } from '@sbss/sdk';
import { z } from 'zod';

/**
 * Keys a dedupe node has let through, grouped by the execution that first saw them, oldest
 * first. Grouping lets a replayed step (steps are at-least-once) recognise its own keys and
 * let the same items through again instead of dropping them as duplicates of themselves.
 */
const historySchema = z.object({
  runs: z.array(z.object({ execution: z.string(), keys: z.array(z.string()) })),
});

export type DedupeHistory = z.output<typeof historySchema>;

const stateKey = 'dedupe.history';

/** The history without `execution`'s own earlier record; `readable` is false when stored data was not a history. */
export async function loadHistory(
  state: StateCapability,
  execution: string,
): Promise<{ history: DedupeHistory; readable: boolean }> {
  const stored = await state.get(stateKey);
  if (stored === undefined) return { history: { runs: [] }, readable: true };
  const parsed = historySchema.safeParse(stored);
  if (!parsed.success) return { history: { runs: [] }, readable: false };
  return { history: { runs: parsed.data.runs.filter((run) => run.execution !== execution) }, readable: true };
}

export async function saveHistory(
  state: StateCapability,
  history: DedupeHistory,
  execution: string,
  keys: string[],
  limit: number,
): Promise<void> {
  const runs = keys.length > 0 ? [...history.runs, { execution, keys }] : history.runs;
  await state.set(stateKey, { runs: trimOldest(runs, limit) } satisfies DedupeHistory as JsonValue);
}

/** Drops the oldest keys until at most `limit` remain. */
export function trimOldest(runs: DedupeHistory['runs'], limit: number): DedupeHistory['runs'] {
  let excess = runs.reduce((total, run) => total + run.keys.length, 0) - limit;
  const kept: DedupeHistory['runs'] = [];
  for (const run of runs) {
    if (excess >= run.keys.length) {
      excess -= run.keys.length;
      continue;
    }
    kept.push(excess > 0 ? { ...run, keys: run.keys.slice(excess) } : run);
    excess = 0;
  }
  return kept;
}
