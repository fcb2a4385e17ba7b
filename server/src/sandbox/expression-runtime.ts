import { crossingPiecesSource } from './crossing-pieces.js';
import { scopeNodesSource } from './expression-scope.js';
import { itemAccessorsSource } from './item-accessors-source.js';

/** What an expression sees, in the order the runtime passes it to each compiled expression. */
export const expressionScopeNames = [
  '$json',
  '$items',
  '$node',
  '$now',
  '$today',
  '$execution',
  '$vars',
  '$index',
  '$input',
  '$',
  '$workflow',
  '$itemIndex',
];

/**
 * Source of the evaluation loop that lives inside the expression isolate. The host hands it one
 * JSON payload per `resolve` call (`{ t: templates, c: scope, i: items }`) and gets one JSON string
 * back, each in pieces (`crossing-pieces.ts`), so a call crosses the isolate boundary once however
 * many items and expressions it holds. Each distinct expression source is compiled once into a
 * strict-mode function of the scope names and kept in a bounded LRU map. The returned
 * `{ run, where }` is reachable only through the host's Reference, never from the global object, so
 * expressions cannot touch the cache. `setClock` (`luxon-source.ts`) sets the clock of Luxon's
 * `DateTime.now()` to the call's `$now`.
 */
export const runtimeSource = String.raw`
(function (limits, setClock) {
  'use strict';
${crossingPiecesSource}
${scopeNodesSource}
${itemAccessorsSource}
  const NAMES = ${JSON.stringify(expressionScopeNames)};
  const compiled = new Map();
  const position = { expression: null, itemIndex: null };

  function compile(source) {
    let entry = compiled.get(source);
    if (entry !== undefined) compiled.delete(source);
    else {
      try {
        // The line breaks keep a trailing line comment in the source from swallowing the ')'.
        entry = Object.freeze(new Function(...NAMES, '"use strict"; return (\n' + source + '\n);'));
      } catch (error) {
        entry = Object.freeze({ syntaxError: describe(error) });
      }
    }
    compiled.set(source, entry);
    if (compiled.size > limits.cacheSize) compiled.delete(compiled.keys().next().value);
    return entry;
  }

  /** Describes a thrown value without trusting it: its getters may throw or lie about types. */
  function describe(error) {
    let message;
    try {
      if (error instanceof Error) message = String(error.name) + ': ' + String(error.message);
      else if (typeof error === 'string') message = error;
      else message = 'threw ' + String(JSON.stringify(error) ?? error);
    } catch {
      message = 'threw a value that cannot be described';
    }
    return message.length > 500 ? message.slice(0, 500) + '…' : message;
  }

  /** Values JSON cannot hold become null instead of vanishing from objects; bigints become text. */
  function replacer(key, value) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return null;
    if (typeof value === 'bigint') return String(value);
    return value;
  }

  function checked(json) {
    if (json.length > limits.maxResultLength) {
      throw new RangeError('the result is longer than ' + limits.maxResultLength + ' characters of JSON');
    }
    return json;
  }

  function noPromise(value) {
    if (value instanceof Promise) throw new TypeError('the result is a Promise; expressions are synchronous');
  }

  function toJson(value) {
    if (value === null) return 'null';
    switch (typeof value) {
      case 'string':
        return checked(JSON.stringify(value));
      case 'number':
      case 'boolean':
        return JSON.stringify(value);
      case 'object':
        noPromise(value);
        return checked(JSON.stringify(value, replacer));
      default:
        return JSON.stringify(replacer('', value));
    }
  }

  function toText(value) {
    if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') return '';
    if (typeof value === 'string') return value;
    if (typeof value !== 'object') return String(value);
    noPromise(value);
    if (value instanceof Date) return value.toISOString();
    // Luxon's DateTime, Duration and Interval write themselves as ISO text, as in n8n.
    if (typeof value.toJSON === 'function') {
      const own = value.toJSON();
      if (typeof own === 'string') return own;
    }
    return JSON.stringify(value, replacer);
  }

  function evaluate(template, plan, scope) {
    if (template.exact) {
      position.expression = template.parts[1];
      return toJson(Reflect.apply(plan[1], undefined, scope));
    }
    let text = '';
    for (let k = 0; k < plan.length; k++) {
      if (k % 2 === 0) text += plan[k];
      else {
        position.expression = template.parts[k];
        text += toText(Reflect.apply(plan[k], undefined, scope));
      }
    }
    return checked(JSON.stringify(text));
  }

  function fail(kind, expression, itemIndex, message) {
    return JSON.stringify({ error: { kind, expression, itemIndex, message } });
  }

  function run(...pieces) {
    position.expression = null;
    position.itemIndex = null;
    const { t: templates, c: context, i: items } = JSON.parse(joinPieces(pieces, 0, pieces.length));
    setClock(context.now);
    const plans = [];
    for (const template of templates) {
      const plan = template.parts.map((part, k) => (k % 2 === 1 ? compile(template.code?.[k] ?? part) : part));
      for (let k = 1; k < plan.length; k += 2) {
        if (typeof plan[k] !== 'function') return fail('syntax', template.parts[k], null, plan[k].syntaxError);
      }
      plans.push(plan);
    }
    const execution = Object.freeze(context.execution);
    const workflow = Object.freeze(context.workflow);
    const nodes = scopeNodes(context);
    const vars = context.vars ?? {};
    const count = Math.max(items.length, 1);
    const input = inputAccessor(items, () => position.itemIndex);
    const dollar = nodeAccessor(nodes, context.paired ?? {}, () => position.itemIndex);
    let out = '{"ok":[';
    for (let index = 0; index < count; index++) {
      position.itemIndex = index;
      const json = items.length === 0 ? {} : items[index];
      const scope = [json, items, nodes, context.now, context.today, execution, vars, index, input, dollar, workflow, index];
      out += index === 0 ? '[' : ',[';
      for (let t = 0; t < templates.length; t++) {
        try {
          out += (t === 0 ? '' : ',') + evaluate(templates[t], plans[t], scope);
        } catch (error) {
          return fail('runtime', position.expression, index, describe(error));
        }
      }
      out += ']';
      if (out.length > limits.maxBatchLength) {
        return fail('runtime', position.expression, index, 'the results of this call are longer than ' + limits.maxBatchLength + ' characters of JSON');
      }
    }
    return crossingPieces(out + ']}');
  }

  function where() {
    return JSON.stringify(position);
  }

  return Object.freeze({ run, where });
})
`;
