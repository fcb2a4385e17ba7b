import type { Item, PortItems } from '@sbss/sdk';
import { SbssError } from '../engine/errors.js';
import { flatItems, noteDerivation, rebuildItems } from '../engine/item-derivation.js';

/**
 * The host's half of `output-delta-source.ts`: items a plugin sent as differences from its input
 * items, rebuilt from the host's own copies of those items. Nothing in `from` is trusted. Each
 * rebuilt array keeps its derivation, so the store can write the differences rather than the items.
 */
export function expandOutput(
  ok: Record<string, unknown[]>,
  from: Record<string, unknown[]>,
  input: PortItems,
): Record<string, Item[]> {
  const flat = flatItems(input);
  const output: Record<string, Item[]> = {};
  for (const port of Object.keys(ok)) {
    const entries = ok[port] as Item[];
    const bases = from[port];
    if (bases === undefined) {
      output[port] = entries;
      continue;
    }
    if (!Array.isArray(bases) || bases.length !== entries.length) throw invalid(`from.${port}`);
    checkBases(bases, flat.length, port);
    const items = rebuildItems(flat, bases, entries);
    noteDerivation(items, { input, from: bases as number[], changes: entries });
    output[port] = items;
  }
  for (const port of Object.keys(from)) if (!Object.hasOwn(ok, port)) throw invalid(`from.${port}`);
  return output;
}

/** Each base is -1 or an input item's index, and an input item is the base of one item at most. */
function checkBases(bases: unknown[], inputCount: number, port: string): void {
  const used = new Uint8Array(inputCount);
  bases.forEach((base, index) => {
    if (base === -1) return;
    if (typeof base !== 'number' || !Number.isInteger(base) || base < 0 || base >= inputCount || used[base])
      throw invalid(`from.${port}.${index}`);
    used[base] = 1;
  });
}

function invalid(where: string): SbssError {
  return new SbssError(
    'PLUGIN_OUTPUT_INVALID',
    `The output refers to input items it cannot (at ${where}): each item of a port may be based on a different input item only once`,
  );
}
