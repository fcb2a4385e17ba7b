import { callEntriesSource } from './call-entries-source.js';
import { callFrameSource } from './call-frame-source.js';
import { outputDeltaSource } from './output-delta-source.js';
import { prototypeGuardSource } from './prototype-guard-source.js';
import { residentItemsSource, residentMissingAnswer } from './resident-items-source.js';

/**
 * Source of the runtime inside a plugin's isolate, evaluated before the plugin's bundle. It takes
 * the host's `send` and `done` functions off the global object (so the bundle never sees them)
 * and returns `{ attach, start, take, deliver }`, reachable only through the host's References:
 *
 * - `attach()` picks up the definition the bundle left in `globalThis.__sbssPlugin` and records
 *   the built-in prototypes left open to it (`prototype-guard-source.ts`);
 * - `start` and `take(callId)` run one node with a context built from the JSON payload and
 *   the input items of each port it names, one text per port, its answer
 *   one JSON text (`{ ok, from?, logs }` or `{ error, logs }`,
 *   `call-entries-source.ts`), items coming back as differences from the frozen input items
 *   (`output-delta-source.ts`); a payload that says `check` runs the node's `check` on its
 *   params instead, answering the issues found as the items of an `issues` port;
 * - `deliver(id, ...reply)` settles a capability request: capabilities are asked for with
 *   `send(id, request)` and answered later, both as JSON text in pieces, so only copies cross.
 */
export const pluginRuntimeSource = String.raw`
(function (limits) {
  'use strict';
  const send = globalThis.__sbssSend;
  delete globalThis.__sbssSend;
${callFrameSource}
${callEntriesSource}
${outputDeltaSource}
${residentItemsSource}
${prototypeGuardSource}
  const nodes = new Map();
  const pending = new Map();
  let nextRequest = 0;

  function attach() {
    const plugin = globalThis.__sbssPlugin;
    delete globalThis.__sbssPlugin;
    if (typeof plugin !== 'object' || plugin === null || !isArray(plugin.nodes)) {
      throw new TypeError('the bundle did not define a plugin (export default definePlugin(...))');
    }
    for (const node of plugin.nodes) nodes.set(node.id + '@' + node.version, node);
    recordPrototypes();
    return nodes.size;
  }

  function request(callId, op, args) {
    nextRequest += 1;
    const id = nextRequest;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      send(id, crossingPieces(stringify({ call: callId, op, args })));
    });
  }

  function deliverReply(id, reply) {
    const waiting = pending.get(id);
    if (waiting === undefined) return;
    pending.delete(id);
    const answer = parse(reply);
    if ('ok' in answer) waiting.resolve(answer.ok);
    else if ('none' in answer) waiting.resolve(undefined);
    else waiting.reject(capabilityError(answer.error));
  }

  function parsed(node, value) {
    const result = node.params.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue && issue.path.length ? issue.path.join('.') + ': ' : '';
    throw capabilityError({ code: 'NODE_PARAMS_INVALID', message: 'Params do not match the node schema: ' + where + (issue ? issue.message : 'invalid') });
  }

  /** The issues the node's \`check\` finds in params its schema accepts. */
  async function checked(id, value) {
    const node = nodes.get(id);
    if (node === undefined) throw new TypeError('the plugin has no node ' + id);
    if (typeof node.check !== 'function') return [];
    const result = node.params.safeParse(value);
    if (!result.success) return [];
    const issues = await node.check(result.data);
    return isArray(issues) ? issues : [];
  }

  function context(node, callId, payload, log) {
    const { ids } = payload;
    const ask = (op) => (...args) => request(callId, op, args);
    const distinct = new Map();
    const params = parsed(node, payload.params);
    const at = (level) => (message, data) => log.add(level, message, data);
    return {
      params,
      paramsFor(index, port = 'main') {
        const items = payload.input[port];
        if (!items || index < 0 || index >= items.length) throw new RangeError('No item ' + index + ' on port "' + port + '"');
        const indexes = payload.itemParams[port];
        const entry = indexes ? indexes[index] : -1;
        if (entry === -1) return params;
        if (!distinct.has(entry)) distinct.set(entry, parsed(node, payload.paramsTable[entry]));
        return distinct.get(entry);
      },
      input: payload.input,
      executionId: ids.executionId,
      workflowId: ids.workflowId,
      workspaceId: ids.workspaceId,
      nodeId: ids.nodeId,
      idempotencyKey: (index, port = 'main') =>
        ids.executionId + ':' + ids.nodeId + ':' + (port === 'main' ? index : port + '.' + index),
      now: () => new Date(payload.now),
      http: { fetch: ask('http.fetch') },
      credentials: { get: ask('credentials.get') },
      state: { get: ask('state.get'), set: ask('state.set'), delete: ask('state.delete') },
      data: {
        insert: ask('data.insert'),
        upsert: ask('data.upsert'),
        get: ask('data.get'),
        getMany: ask('data.getMany'),
        upsertMany: ask('data.upsertMany'),
        query: ask('data.query'),
        aggregate: ask('data.aggregate'),
        removeBefore: ask('data.removeBefore'),
      },
      mail: { send: ask('mail.send') },
      log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
    };
  }

  /** The input items by port, each port's items parsed from a text of their own. */
  function inputOf(ports, portTexts) {
    if (!isArray(ports) || ports.length !== portTexts.length) throw new TypeError('the call named its input ports wrongly');
    const input = {};
    for (let i = 0; i < ports.length; i++) {
      defineProperty(input, ports[i], { value: parse(portTexts[i]), enumerable: true, writable: true, configurable: true });
    }
    return input;
  }

  async function run(callId, payloadJson, portTexts) {
    const log = createLog(limits.maxLogLines);
    try {
      const payload = parse(payloadJson);
      if (payload.check === true) return answerOk({ issues: await checked(payload.node, payload.params) }, log);
      payload.input = inputOf(payload.ports, portTexts);
      if (!takeResident(payload)) return ${JSON.stringify(residentMissingAnswer)};
      const node = nodes.get(payload.node);
      if (node === undefined) throw new TypeError('the plugin has no node ' + payload.node);
      const flat = freezeInput(payload.input);
      clearRegExpStatics();
      const result = await node.run(context(node, callId, payload, log));
      const output = isArray(result) ? { main: result } : result;
      const encoded = encodeOutput(output, flat, payload.reads === true);
      const kept =
        isArray(payload.keep) && typeof output === 'object' && output !== null
          ? keepResident(callId, output, encoded, payload.keep)
          : undefined;
      return answerOk(encoded.ok, log, encoded.from, kept);
    } catch (error) {
      return answerError(error, log);
    } finally {
      clearRegExpStatics();
    }
  }

  const { start, take, deliver } = callEntries(run, () => !prototypesChanged(), deliverReply);
  return { attach, start, take, deliver };
})
`;
