import type { Item } from '../api/contract';

/**
 * Sample input for manual runs: typed or pasted as JSON, or pinned from a previous run. Pinned
 * samples are kept in the browser per workflow, since they are a test aid, not part of the flow.
 */

const key = (workflowId: string) => `sbss.sample.${workflowId}`;

export type ParsedItems = { ok: true; items: Item[] } | { ok: false; reason: 'json' | 'shape' };

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One object is one item; an array must hold objects only. Empty text means no items. */
export function parseItems(text: string): ParsedItems {
  if (text.trim() === '') return { ok: true, items: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (isItem(value)) return { ok: true, items: [value] };
  if (Array.isArray(value) && value.every(isItem)) return { ok: true, items: value };
  return { ok: false, reason: 'shape' };
}

export function loadSample(workflowId: string): string {
  return globalThis.localStorage?.getItem(key(workflowId)) ?? '';
}

export function saveSample(workflowId: string, text: string): void {
  if (text.trim() === '') globalThis.localStorage?.removeItem(key(workflowId));
  else globalThis.localStorage?.setItem(key(workflowId), text);
}

export function pinnedItems(workflowId: string): Item[] | undefined {
  const parsed = parseItems(loadSample(workflowId));
  return parsed.ok && parsed.items.length ? parsed.items : undefined;
}
