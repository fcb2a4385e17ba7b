import { crossingPiecesSource } from './crossing-pieces.js';

/**
 * Source shared by the runtimes that live inside sandbox isolates (`plugin-runtime-source.ts`,
 * `code-runtime-source.ts`). It is pasted into their closure, so it runs before any untrusted
 * code and keeps its own references to `JSON` and friends: code that later replaces
 * `JSON.stringify` in its realm changes what it sees, not what the runtime sends to the host.
 * Nothing here is trusted by the host either; `call-outcome.ts` validates every answer.
 */
export const callFrameSource = String.raw`
${crossingPiecesSource}
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const defineProperty = Object.defineProperty;
  const isArray = Array.isArray;
  const objectKeys = Object.keys;
  const nodeErrorMark = Symbol.for('sbss.NodeError');

  /** Text of an untrusted value; its getters, toString or Symbol.toPrimitive may throw or lie. */
  function text(value, max) {
    let result;
    try {
      result = typeof value === 'string' ? value : String(value);
    } catch {
      result = '(a value that cannot be shown as text)';
    }
    if (typeof result !== 'string') result = '(a value that cannot be shown as text)';
    return result.length > max ? result.slice(0, max) + '…' : result;
  }

  function jsonOrUndefined(value, max) {
    try {
      const json = stringify(value);
      return typeof json === 'string' && json.length <= max ? json : undefined;
    } catch {
      return undefined;
    }
  }

  /** What a thrown value says about itself, read defensively (Proxies, throwing getters). */
  function describeError(error) {
    const out = { name: 'Error', message: 'threw a value that cannot be described' };
    try {
      if (typeof error !== 'object' || error === null) {
        out.name = 'Thrown';
        out.message = 'threw ' + text(typeof error === 'string' ? error : jsonOrUndefined(error, 1000) ?? error, 2000);
        return out;
      }
      out.name = typeof error.name === 'string' ? text(error.name, 100) : 'Error';
      out.message = text(error.message, 2000);
      if (nodeErrorMark in error && typeof error.code === 'string') {
        out.code = text(error.code, 100);
        const details = jsonOrUndefined(error.details, 100000);
        if (details !== undefined) out.details = details;
      }
    } catch {}
    return out;
  }

  /** An error as a capability raises it inside the isolate: \`instanceof NodeError\` holds. */
  function capabilityError(record) {
    const error = new Error(record.message);
    error.name = 'NodeError';
    error.code = record.code;
    if (record.details !== undefined) error.details = record.details;
    defineProperty(error, nodeErrorMark, { value: true });
    return error;
  }

  function createLog(maxLines) {
    const lines = [];
    let dropped = 0;
    function add(level, message, data) {
      if (lines.length >= maxLines) {
        dropped += 1;
        return;
      }
      const line = { level, message: text(message, 10000) };
      if (data !== undefined) {
        const json = jsonOrUndefined(data, 100000);
        line.data = json === undefined ? '(data that cannot be copied as JSON)' : parse(json);
      }
      lines.push(line);
    }
    return { add, lines: () => lines, dropped: () => dropped };
  }

  const tooLarge = () => ({
    name: 'OutputTooLarge',
    message: 'the output is longer than ' + limits.maxOutputLength + ' characters of JSON',
    code: 'PLUGIN_OUTPUT_INVALID',
  });

  /**
   * JSON of the output ports, each port's items written a thousand at a time, so that an output
   * far over the limit (400,000 items, say) is refused as soon as it passes the limit rather than
   * after all of it was written: null then. Otherwise what \`stringify(output)\` gives.
   */
  function portsJson(output, max) {
    // Anything JSON.stringify would write otherwise (a toJSON, say) is written by it.
    const plain = (value) => typeof value === 'object' && value !== null && typeof value.toJSON !== 'function';
    if (!plain(output) || isArray(output)) return stringify(output);
    const parts = [];
    let length = 2;
    for (const port of objectKeys(output)) {
      const items = output[port];
      let json;
      if (isArray(items) && plain(items)) {
        const chunks = [];
        for (let at = 0; at < items.length; at += 1000) {
          const chunk = stringify(items.slice(at, at + 1000));
          length += chunk.length;
          if (length > max) return null;
          chunks.push(chunk.slice(1, -1));
        }
        json = '[' + chunks.join(',') + ']';
      } else {
        json = stringify(items);
        if (json === undefined) continue;
        length += json.length;
        if (length > max) return null;
      }
      parts.push(stringify(port) + ':' + json);
    }
    return '{' + parts.join(',') + '}';
  }

  /**
   * \`from\`, when given, says which items of \`output\` are differences from input items;
   * \`kept\` names the output arrays that stay in the isolate for the next call; \`paired\`, per
   * port, the input item each output item came from (-1: none said).
   */
  function answerOk(output, log, from, kept, paired) {
    const tail = { logs: log.lines(), dropped: log.dropped() };
    if (from !== undefined) tail.from = from;
    if (kept !== undefined) tail.kept = kept;
    if (paired !== undefined) tail.paired = paired;
    const ok = portsJson(output, limits.maxOutputLength);
    const rest = stringify(tail);
    if (ok === null || (ok !== undefined && ok.length + rest.length > limits.maxOutputLength)) {
      return stringify({ error: tooLarge(), logs: log.lines(), dropped: log.dropped() });
    }
    return ok === undefined ? rest : '{"ok":' + ok + ',' + rest.slice(1);
  }

  function answerError(error, log) {
    return stringify({ error: describeError(error), logs: log.lines(), dropped: log.dropped() });
  }
`;
