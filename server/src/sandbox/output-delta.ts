import type { Item, PortItems } from '@sbss/sdk';
import { SbssError } from '../engine/errors.js';

/**
 * The host's half of `output-delta-source.ts`: items a plugin sent as differences from its input
 * items, rebuilt from the host's own copies of those items. Nothing in `from` is trusted.
 */
export function expandOutput(
  ok: Record<string, unknown[]>,
  from: Record<string, unknown[]>,
  input: PortItems,
): Record<string, Item[]> {
  const flat: Item[] = [];
  for (const port of Object.keys(input)) for (const item of input[port] ?? []) flat.push(item);
  const output: Record<string, Item[]> = {};
  for (const port of Object.keys(ok)) {
    const entries = ok[port] as Item[];
    const bases = from[port];
    if (bases === undefined) {
      output[port] = entries;
      continue;
    }
    if (!Array.isArray(bases) || bases.length !== entries.length) throw invalid(`from.${port}`);
    const used = new Uint8Array(flat.length);
    output[port] = entries.map((entry, index) => {
      const base = bases[index];
      if (base === -1) return entry;
      if (
        typeof base !== 'number' ||
        !Number.isInteger(base) ||
        base < 0 ||
        base >= flat.length ||
        used[base]
      )
        throw invalid(`from.${port}.${index}`);
      used[base] = 1;
      const item = flat[base] as Item;
      // A bare input item passed on is shared, not copied: items are not changed once made.
      // Object.assign, as object spread of two sources is many times slower on this V8.
      return Object.keys(entry).length === 0 ? item : Object.assign({}, item, entry);
    });
  }
  for (const port of Object.keys(from)) if (!Object.hasOwn(ok, port)) throw invalid(`from.${port}`);
  return output;
}

function invalid(where: string): SbssError {
  return new SbssError(
    'PLUGIN_OUTPUT_INVALID',
    `The output refers to input items it cannot (at ${where}): each item of a port may be based on a different input item only once`,
  );
}
