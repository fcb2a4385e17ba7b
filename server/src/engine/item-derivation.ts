import type { Item, PortItems } from '@sbss/sdk';

/**
 * How an output array was made from the input its step was given: per item, the index of the
 * input item it was built from (over the input ports in key order), or -1 when it came whole,
 * and what it adds to that item (its changed fields; the whole item for -1). The sandbox notes it
 * when a plugin answers with differences (`sandbox/output-delta.ts`); the store then keeps the
 * step's output as those differences instead of a second copy of every item.
 */
export interface Derivation {
  input: PortItems;
  from: readonly number[];
  changes: readonly unknown[];
}

const derivations = new WeakMap<readonly Item[], Derivation>();

export function noteDerivation(items: readonly Item[], derivation: Derivation): void {
  derivations.set(items, derivation);
}

/** The derivation of `items` from `input`; undefined when they were not made from that input. */
export function derivationFrom(items: readonly Item[], input: PortItems): Derivation | undefined {
  const derivation = derivations.get(items);
  return derivation?.input === input ? derivation : undefined;
}

/** Input items in the order derivations count them. */
export function flatItems(input: PortItems): Item[] {
  const flat: Item[] = [];
  for (const port of Object.keys(input)) {
    const items = input[port];
    if (Array.isArray(items)) for (const item of items) flat.push(item);
  }
  return flat;
}

/** `items` again, each made from the input item it names as the sandbox made it. */
export function rebuildItems(
  flat: readonly Item[],
  from: readonly unknown[],
  changes: readonly unknown[],
): Item[] {
  return changes.map((change, index) => {
    const base = from[index];
    const item = typeof base === 'number' && base >= 0 ? flat[base] : undefined;
    if (item === undefined) return change as Item;
    // A bare input item passed on is shared, not copied: items are not changed once made.
    // Object.assign, as object spread of two sources is many times slower on this V8.
    return Object.keys(change as object).length === 0 ? item : Object.assign({}, item, change as Item);
  });
}

/**
 * How a host node's output arrays were made from its `input`, found by comparing objects, as host
 * nodes note nothing: an item that is an input item is that item passed on (`if`, `filter`); one
 * that starts with the fields of the input item at its own position, in their order, and keeps
 * at least one of their very values is that item with its other fields changed (`{ ...item, x }`).
 * Either rebuilds to the same JSON. The returned function gives an output array's derivation, or
 * undefined when none of its items shares anything with the input; the input is indexed once, on
 * first use, for all of a step's output ports.
 */
export function identityDerivations(input: PortItems): (items: readonly Item[]) => Derivation | undefined {
  let indexed: { flat: Item[]; position: Map<Item, number> } | undefined;
  return (items) => {
    indexed ??= indexByItem(input);
    const { flat, position } = indexed;
    if (flat.length === 0 || items.length === 0) return undefined;
    const from: number[] = new Array(items.length);
    const changes: unknown[] = new Array(items.length);
    let shared = 0;
    items.forEach((item, index) => {
      const same = position.get(item);
      const base = items.length === flat.length ? flat[index] : undefined;
      const changed = same === undefined && base !== undefined ? changedFields(item, base) : undefined;
      if (same !== undefined) {
        from[index] = same;
        changes[index] = {};
      } else if (changed) {
        from[index] = index;
        changes[index] = changed;
      } else {
        from[index] = -1;
        changes[index] = item;
        return;
      }
      shared++;
    });
    return shared > 0 ? { input, from, changes } : undefined;
  };
}

/** The input items in derivation order, and the first index of each. */
function indexByItem(input: PortItems): { flat: Item[]; position: Map<Item, number> } {
  const flat = flatItems(input);
  const position = new Map<Item, number>();
  for (let index = flat.length - 1; index >= 0; index--) position.set(flat[index] as Item, index);
  return { flat, position };
}

/** The fields of `item` other than `base`'s own values, when `item` extends `base` as above. */
function changedFields(item: Item, base: Item): Item | undefined {
  if (Object.getPrototypeOf(item) !== Object.prototype || typeof item.toJSON === 'function') return undefined;
  const keys = Object.keys(item);
  const baseKeys = Object.keys(base);
  if (keys.length < baseKeys.length) return undefined;
  const changed: Item = {};
  let kept = 0;
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at] as string;
    // Assigning it would set the prototype of `changed` rather than a field.
    if (key === '__proto__') return undefined;
    if (at < baseKeys.length) {
      if (key !== baseKeys[at]) return undefined;
      if (item[key] === base[key]) {
        kept++;
        continue;
      }
    }
    changed[key] = item[key] as Item[string];
  }
  return kept > 0 ? changed : undefined;
}
