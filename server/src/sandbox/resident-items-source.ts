/** What the plugin runtime answers when an array the host named as resident is no longer there. */
export const residentMissingAnswer = '{"missing":true}';

/**
 * Source pasted into the plugin runtime's closure: output arrays that stay in the isolate for the
 * next node of the same plugin (`sentiment → influence → rules`), so the items are not written
 * out, parsed back and copied in again. The host asks for it per port (`keep`) when one node of
 * the same plugin reads that port and nothing else does, and later names the array by its token
 * (`resident`) instead of sending it. An array is kept only when its items are what JSON would
 * make of them, so the next node sees exactly the items the host stored. Each kept array is used
 * once; the oldest go when more than a few wait, and a call whose array is gone answers
 * `missing`, after which the host sends the items. It uses the helpers of
 * `output-delta-source.ts`, pasted before it.
 */
export const residentItemsSource = String.raw`
  const residentLimit = 8;
  const resident = new Map();
  const finiteNumber = Number.isFinite;
  const arrayPrototype = Array.prototype;

  function plainJson(value, depth) {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
    if (typeof value === 'number') return finiteNumber(value);
    if (typeof value !== 'object' || depth > 100) return false;
    if (isArray(value)) {
      if (protoOf(value) !== arrayPrototype) return false;
      for (let i = 0; i < value.length; i++) if (!plainJson(value[i], depth + 1)) return false;
      return true;
    }
    const proto = protoOf(value);
    if ((proto !== objectPrototype && proto !== null) || typeof value.toJSON === 'function') return false;
    for (const key of keysOf(value)) if (!plainJson(value[key], depth + 1)) return false;
    return true;
  }

  /** Puts the arrays named in \`payload.resident\` into its input; false when one is gone. */
  function takeResident(payload) {
    const tokens = payload.resident;
    if (typeof tokens !== 'object' || tokens === null) return true;
    for (const port of keysOf(tokens)) {
      const items = resident.get(tokens[port]);
      if (items === undefined) return false;
      resident.delete(tokens[port]);
      payload.input[port] = items;
    }
    return true;
  }

  /**
   * Keeps the output arrays of the ports in \`keep\` whose items are plain JSON and returns their
   * tokens, or undefined when it kept none. What \`encodeOutput\` sent tells what to check:
   * nothing for an input item passed on, the changed fields of one spread, all of a new item.
   */
  function keepResident(callId, output, encoded, keep) {
    let kept;
    for (const port of keep) {
      const items = output[port];
      if (!isArray(items) || items.length === 0) continue;
      const entries = encoded.ok[port];
      const bases = encoded.from === undefined ? undefined : encoded.from[port];
      let plain = true;
      for (let i = 0; plain && i < items.length; i++) {
        const base = bases === undefined ? -1 : bases[i];
        plain = plainJson(base === -1 ? items[i] : entries[i], 0);
      }
      if (!plain) continue;
      const token = callId + '#' + port;
      resident.set(token, items);
      if (resident.size > residentLimit) resident.delete(resident.keys().next().value);
      kept = kept || {};
      kept[port] = token;
    }
    return kept;
  }
`;
