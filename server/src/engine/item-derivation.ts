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
