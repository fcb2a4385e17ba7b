import { callEntriesSource } from './call-entries-source.js';
import { callFrameSource } from './call-frame-source.js';
import { scopeNodesSource } from './expression-scope.js';
import { itemAccessorsSource } from './item-accessors-source.js';

/** What expressions see, which the Code node's function sees too, as parameters after its own. */
export const codeScopeNames = [
  '$json',
  '$items',
  '$index',
  '$node',
  '$vars',
  '$execution',
  '$now',
  '$today',
  '$input',
  '$',
  '$workflow',
  '$itemIndex',
];

/** The Code node function's own parameters, before the scope's. */
export const codeArgumentNames = ['items', 'item', 'index', 'console'];

/**
 * Source of the runtime inside a fresh Code node context. `run(callId, payload)`, behind the
 * `start` and `take` entry points of `call-entries-source.ts`, compiles the user's
 * code as the body of an async function and runs it over the items, once (`mode: "all"`, the
 * function sees `items`) or per item (`mode: "each"`, it sees `item` and `index` too). It also
 * sees what expressions see (`$json`, `$items`, `$index`, `$node`, `$vars`, `$execution`, `$now`,
 * `$today`, `$input`, `$("Name")`, and the helpers as globals). What it returns becomes the `main`
 * output: an array of objects, or one object; in "each" mode `null` or `undefined` drops the
 * item. An object that only holds `json` (and n8n's `binary`, `pairedItem`) stands for its `json`.
 * `console.*` lines go to the step log. Luxon's `DateTime`, `Duration` and `Interval` are globals
 * (`luxon-source.ts`), built only if the code reaches them; `setClock` gives `DateTime.now()` the
 * call's `$now`.
 */
export const codeRuntimeSource = String.raw`
(function (limits, setClock) {
  'use strict';
${callFrameSource}
${callEntriesSource}
${scopeNodesSource}
${itemAccessorsSource}
  const AsyncFunction = (async function () {}).constructor;
  // In the order that names() below gives their values.
  const SCOPE_NAMES = ${JSON.stringify(codeScopeNames)};

  function consoleFor(log) {
    const at = (level) => (...args) =>
      log.add(level, args.map((arg) => (typeof arg === 'string' ? arg : jsonOrUndefined(arg, 10000) ?? text(arg, 10000))).join(' '));
    return { log: at('info'), info: at('info'), debug: at('debug'), warn: at('warn'), error: at('error') };
  }

  const isObject = (value) => typeof value === 'object' && value !== null && !isArray(value);
  const WRAPPER_KEYS = ['json', 'binary', 'pairedItem'];

  const isWrapper = (item) => isObject(item.json) && Object.keys(item).every((key) => WRAPPER_KEYS.includes(key));

  /** n8n's pairedItem: an input item's index, { item: index }, or a list of them (the first counts). */
  function pairedIndex(paired) {
    const first = isArray(paired) ? paired[0] : paired;
    const index = isObject(first) ? first.item : first;
    return Number.isInteger(index) && index >= 0 ? index : -1;
  }

  /**
   * Adds what the code returned to into.items. n8n's { json } items, as $input.all() gives them,
   * stand for their json, and their pairedItem goes to into.paired; in "each" mode an item
   * without one came from the item the code ran for (self).
   */
  function collect(value, into, where, self) {
    if (value === null || value === undefined) return;
    const list = isArray(value) ? value : [value];
    for (let k = 0; k < list.length; k++) {
      const item = list[k];
      if (!isObject(item)) {
        throw new TypeError(where + ' returned ' + (item === null ? 'null' : isArray(item) ? 'an array' : typeof item) + ' at position ' + k + '; items are objects');
      }
      const wrapper = isWrapper(item);
      const paired = wrapper && item.pairedItem !== undefined ? pairedIndex(item.pairedItem) : self;
      if (paired !== -1) into.saidPaired = true;
      into.paired.push(paired);
      into.items.push(wrapper ? item.json : item);
    }
  }

  async function run(callId, payloadJson) {
    const log = createLog(limits.maxLogLines);
    try {
      const { code, mode, items, scope = {} } = parse(payloadJson);
      setClock(scope.now ?? new Date().toISOString());
      let run;
      try {
        run = new AsyncFunction(...${JSON.stringify(codeArgumentNames)}, ...SCOPE_NAMES, code);
      } catch (error) {
        return answerError({ name: 'SyntaxError', message: 'The code does not compile: ' + describeError(error).message }, log);
      }
      const console = consoleFor(log);
      const nodes = scopeNodes(scope);
      let current = 0;
      const input = inputAccessor(items, () => current);
      const dollar = nodeAccessor(nodes, scope.paired ?? {}, () => current);
      const names = (item, index) => [item, items, index, nodes, scope.vars ?? {}, scope.execution, scope.now, scope.today, input, dollar, scope.workflow, index];
      const output = { items: [], paired: [], saidPaired: false };
      if (mode === 'each') {
        for (let index = 0; index < items.length; index++) {
          const item = items[index];
          current = index;
          collect(await run(items, item, index, console, ...names(item, index)), output, 'The code for item ' + index, index);
        }
      } else {
        const result = await run(items, undefined, undefined, console, ...names(items[0] ?? {}, undefined));
        if (result === null || result === undefined) throw new TypeError('The code returned nothing; return the items');
        collect(result, output, 'The code', -1);
      }
      return answerOk({ main: output.items }, log, undefined, undefined, output.saidPaired ? { main: output.paired } : undefined);
    } catch (error) {
      return answerError(error, log);
    }
  }

  // A fresh context per call: nothing a call changes outlives it, so there is nothing to check.
  const { start, take, deliver } = callEntries(run, () => true, () => {});
  return { start, take, deliver };
})
`;
