/**
 * Source pasted into the plugin runtime's closure: how items come back from a plugin cheaply.
 *
 * Most plugin nodes return their input items, filtered (`dedupe`, `monitor`) or with a few fields
 * added (`{ ...item, sentiment }`). Writing those items out whole as JSON, and parsing them again
 * in the host, costs more than many nodes' own work. So the input items are frozen, deeply, before
 * the node runs, and an output item is sent as its differences from an input item: nothing at all
 * for an input item passed on, only the changed top-level fields for one spread into a new object.
 * As an input item and everything in it cannot change, a field holding the very same value as the
 * input item's field holds the same JSON, and the host rebuilds the item from its own copy of the
 * input item (`output-delta.ts`). The port arrays stay unfrozen: sorting them in place is fine.
 *
 * The answer's `from` names, per output port and item, the input item (by index over the input
 * ports in key order) that the entry in `ok` is the difference from, or -1 for a whole item.
 * Within one port an input item is used as a base once, so a small answer cannot expand into an
 * output larger than the input times the number of ports.
 */
export const outputDeltaSource = String.raw`
  const freeze = Object.freeze;
  const isFrozen = Object.isFrozen;
  const keysOf = Object.keys;
  const hasOwn = Object.hasOwn;
  const createObject = Object.create;
  const protoOf = Object.getPrototypeOf;
  const objectPrototype = Object.prototype;

  function freezeDeep(value) {
    if (typeof value !== 'object' || value === null || isFrozen(value)) return;
    freeze(value);
    if (isArray(value)) for (let i = 0; i < value.length; i++) freezeDeep(value[i]);
    else for (const key of keysOf(value)) freezeDeep(value[key]);
  }

  /** Freezes every input item and lists them in the order the host counts them. */
  function freezeInput(input) {
    const flat = [];
    for (const port of keysOf(input)) {
      const items = input[port];
      if (!isArray(items)) continue;
      for (let i = 0; i < items.length; i++) {
        freezeDeep(items[i]);
        flat.push(items[i]);
      }
    }
    return flat;
  }

  /**
   * The fields of \`item\` that differ from \`base\`, or undefined when \`item\` is not a plain
   * object, drops a field of \`base\`, would serialize differently, or shares nothing with it.
   */
  function difference(item, base) {
    if (typeof item !== 'object' || item === null || isArray(item)) return undefined;
    const proto = protoOf(item);
    if ((proto !== objectPrototype && proto !== null) || typeof item.toJSON === 'function') return undefined;
    for (const key of keysOf(base)) if (!hasOwn(item, key)) return undefined;
    const changed = createObject(null);
    let shared = 0;
    for (const key of keysOf(item)) {
      const value = item[key];
      if (value === base[key] && hasOwn(base, key)) {
        shared += 1;
      } else {
        if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
        changed[key] = value;
      }
    }
    return shared > 0 ? changed : undefined;
  }

  /** \`{ ok, from }\` for the answer; \`from\` is undefined when every item goes whole. */
  function encodeOutput(output, flat) {
    if (flat.length === 0 || typeof output !== 'object' || output === null) return { ok: output, from: undefined };
    const position = new Map();
    for (let i = 0; i < flat.length; i++) if (!position.has(flat[i])) position.set(flat[i], i);
    const ok = {};
    const from = {};
    let any = false;
    for (const port of keysOf(output)) {
      const items = output[port];
      if (!isArray(items)) {
        ok[port] = items;
        continue;
      }
      const entries = new Array(items.length);
      const bases = new Array(items.length);
      const used = new Set();
      let next = 0;
      // At most one comparison per input item and port: an output of many more new items than
      // the input had (a hostile one, say) costs no more here than the input did.
      let comparisons = 0;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        let base = position.get(item);
        let entry = base === undefined || used.has(base) ? undefined : {};
        if (entry === undefined && comparisons < flat.length) {
          // Not an input item: most likely made from the input item after the last one used.
          base = next < flat.length && !used.has(next) ? next : i < flat.length && !used.has(i) ? i : -1;
          if (base !== -1) comparisons += 1;
          entry = base === -1 ? undefined : difference(item, flat[base]);
        }
        if (entry === undefined) {
          entries[i] = item;
          bases[i] = -1;
          continue;
        }
        used.add(base);
        entries[i] = entry;
        bases[i] = base;
        next = base + 1;
        any = true;
      }
      ok[port] = entries;
      from[port] = bases;
    }
    return any ? { ok, from } : { ok: output, from: undefined };
  }
`;
