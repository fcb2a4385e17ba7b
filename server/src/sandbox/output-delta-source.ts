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
 * Which input item an output item was spread from is known, not guessed: every input item carries
 * itself under an enumerable symbol (\`origin\`), which object spread and \`Object.assign\` copy
 * and JSON, \`Object.keys\` and \`for...in\` leave out. Items made otherwise (fields copied one by
 * one) are matched by position, unless the node saw only the fields it reads: its output could
 * then look like any input item's.
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
  const protoOf = Object.getPrototypeOf;
  const objectPrototype = Object.prototype;
  const origin = Symbol('origin');

  function freezeDeep(value) {
    if (typeof value !== 'object' || value === null || isFrozen(value)) return;
    freeze(value);
    if (isArray(value)) for (let i = 0; i < value.length; i++) freezeDeep(value[i]);
    else for (const key of keysOf(value)) freezeDeep(value[key]);
  }

  /**
   * Marks every input item as its own origin, freezes it and lists them in the order the host
   * counts them. An item already frozen under another origin (one a node froze itself, kept in
   * the isolate since) is replaced by a copy, so a spread of it cannot be taken for another's.
   */
  function freezeInput(input) {
    const flat = [];
    for (const port of keysOf(input)) {
      const items = input[port];
      if (!isArray(items)) continue;
      for (let i = 0; i < items.length; i++) {
        let item = items[i];
        if (typeof item === 'object' && item !== null && item[origin] !== item) {
          if (isFrozen(item)) {
            const copy = {};
            for (const key of keysOf(item)) copy[key] = item[key];
            item = items[i] = copy;
          }
          item[origin] = item;
        }
        freezeDeep(item);
        flat.push(item);
      }
    }
    return flat;
  }

  /**
   * The fields of \`item\` that differ from \`base\`, or undefined when \`item\` is not a plain
   * object, drops a field of \`base\`, would serialize differently, or shares nothing with it.
   * For an item known to be spread from \`base\` (\`known\`) sharing none is enough: a node that
   * sees only the fields it reads may rewrite all of them.
   */
  function difference(item, base, known) {
    if (typeof item !== 'object' || item === null || isArray(item)) return undefined;
    const proto = protoOf(item);
    if ((proto !== objectPrototype && proto !== null) || typeof item.toJSON === 'function') return undefined;
    for (const key of keysOf(base)) if (!hasOwn(item, key)) return undefined;
    // A literal rather than Object.create(null): V8 keeps that one in dictionary mode, which
    // made writing the answer several times slower. So \`__proto__\` is defined, not assigned.
    const changed = {};
    let shared = 0;
    for (const key of keysOf(item)) {
      const value = item[key];
      if (value === base[key] && hasOwn(base, key)) {
        shared += 1;
      } else {
        if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
        if (key === '__proto__') defineProperty(changed, key, { value, enumerable: true, writable: true, configurable: true });
        else changed[key] = value;
      }
    }
    return shared > 0 || known ? changed : undefined;
  }

  /** The index of the input item \`item\` was spread from, if any. */
  function originOf(item, position) {
    if (typeof item !== 'object' || item === null) return undefined;
    const source = item[origin];
    return source === undefined ? undefined : position.get(source);
  }

  /**
   * \`{ ok, from }\` for the answer; \`from\` is undefined when every item goes whole. With \`cut\`
   * (the node saw only the fields it reads) items are matched by their origin alone.
   */
  function encodeOutput(output, flat, cut) {
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
        const source = entry === undefined ? originOf(item, position) : undefined;
        if (source !== undefined && !used.has(source) && comparisons < flat.length) {
          base = source;
          comparisons += 1;
          entry = difference(item, flat[base], true);
        } else if (entry === undefined && !cut && comparisons < flat.length) {
          // Not spread from an input item: most likely made from the one after the last used.
          base = next < flat.length && !used.has(next) ? next : i < flat.length && !used.has(i) ? i : -1;
          if (base !== -1) comparisons += 1;
          entry = base === -1 ? undefined : difference(item, flat[base], false);
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
