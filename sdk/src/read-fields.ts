import type { Item, PortItems } from './json.js';

/** The fields of `item` a node declares it `reads`, those the item has; the node sees only these. */
export function readFields(item: Item, reads: readonly string[]): Item {
  const seen: Item = {};
  for (const field of reads) {
    if (Object.hasOwn(item, field)) seen[field] = item[field] as Item[string];
  }
  return seen;
}

/**
 * Every item a node sees carries itself under this enumerable symbol, which object spread and
 * `Object.assign` copy and JSON leaves out: an output item tells which input item it came from.
 */
const origin = Symbol('origin');

type Marked = Item & { [origin]?: Item };

/** `item` cut down to the fields a node reads, marked as its own origin and frozen. */
export function seenItem(item: Item, reads: readonly string[]): Item {
  const seen: Marked = readFields(item, reads);
  seen[origin] = seen;
  return Object.freeze(seen);
}

/**
 * Gives back the fields a node did not read to the items it made from the items it saw, by the
 * rule the sandbox follows: an output item that is an input item is that whole item; one spread
 * from an input item with every field the node saw of it is that whole item with the output's
 * fields over it. Each input item serves once per port; anything else is left as the node made it.
 */
export function withUnreadFields(output: PortItems, seen: Item[], whole: Item[]): PortItems {
  const position = new Map<Item, number>();
  seen.forEach((item, index) => {
    if (!position.has(item)) position.set(item, index);
  });
  const restored: PortItems = {};
  for (const [port, items] of Object.entries(output)) {
    const used = new Set<number>();
    restored[port] = items.map((item) => {
      const source = (item as Marked)[origin];
      const base = source === undefined ? undefined : position.get(source);
      if (base === undefined || used.has(base) || !keepsFields(item, seen[base] as Item)) {
        return fieldsOf(item);
      }
      used.add(base);
      return item === seen[base] ? (whole[base] as Item) : { ...whole[base], ...fieldsOf(item) };
    });
  }
  return restored;
}

function keepsFields(item: Item, base: Item): boolean {
  const proto = Object.getPrototypeOf(item);
  if (Array.isArray(item) || (proto !== Object.prototype && proto !== null)) return false;
  return Object.keys(base).every((field) => Object.hasOwn(item, field));
}

/** The item's own fields, without the origin mark, as JSON would carry them. */
function fieldsOf(item: Item): Item {
  if (!Object.hasOwn(item, origin)) return item;
  const fields: Item = {};
  for (const key of Object.keys(item)) fields[key] = item[key] as Item[string];
  return fields;
}
