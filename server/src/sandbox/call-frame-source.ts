/**
 * Source shared by the runtimes that live inside sandbox isolates (`plugin-runtime-source.ts`,
 * `code-runtime-source.ts`). It is pasted into their closure, so it runs before any untrusted
 * code and keeps its own references to `JSON` and friends: code that later replaces
 * `JSON.stringify` in its realm changes what it sees, not what the runtime sends to the host.
 * Nothing here is trusted by the host either; `call-outcome.ts` validates every answer.
 */
export const callFrameSource = String.raw`
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const defineProperty = Object.defineProperty;
  const isArray = Array.isArray;
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

  /**
   * \`from\`, when given, says which items of \`output\` are differences from input items;
   * \`kept\` names the output arrays that stay in the isolate for the next call.
   */
  function answerOk(output, log, from, kept) {
    const answer = { ok: output, logs: log.lines(), dropped: log.dropped() };
    if (from !== undefined) answer.from = from;
    if (kept !== undefined) answer.kept = kept;
    const json = stringify(answer);
    if (typeof json !== 'string') throw new TypeError('the output cannot be copied as JSON');
    if (json.length > limits.maxOutputLength) {
      return stringify({
        error: { name: 'OutputTooLarge', message: 'the output is longer than ' + limits.maxOutputLength + ' characters of JSON', code: 'PLUGIN_OUTPUT_INVALID' },
        logs: log.lines(),
        dropped: log.dropped(),
      });
    }
    return json;
  }

  function answerError(error, log) {
    return stringify({ error: describeError(error), logs: log.lines(), dropped: log.dropped() });
  }
`;
