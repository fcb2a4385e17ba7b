import type { JsonObject, NodeDefinition } from '@sbss/sdk';
import { type RunNodeOptions, type RunNodeResult, runNode } from '@sbss/sdk/testing';

export type Collections = RunNodeResult['data'];
export type Seed = Collections | Record<string, Record<string, JsonObject>>;

function entries(seed: Seed): [string, [string, JsonObject][]][] {
  if (seed instanceof Map) {
    return [...seed].map(([name, records]) => [
      name,
      [...records].map(([key, record]) => [key, record.data]),
    ]);
  }
  return Object.entries(seed).map(([name, records]) => [name, Object.entries(records)]);
}

/** Runs a node with `runNode` on a workspace that already holds `seed` (records of an earlier run). */
export async function runWith(node: NodeDefinition, seed: Seed, options: RunNodeOptions = {}) {
  return runNode(node, {
    ...options,
    data: Object.fromEntries(entries(seed).map(([name, records]) => [name, Object.fromEntries(records)])),
  });
}

export function recordsOf(result: RunNodeResult, collection: string): Map<string, JsonObject> {
  return new Map([...(result.data.get(collection) ?? [])].map(([key, record]) => [key, record.data]));
}
