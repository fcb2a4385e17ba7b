import type { Item } from '@sbss/sdk';
import type { ExpressionContext } from '../engine/ports.js';

/** The scope as it crosses into an isolate: the names expressions and Code node bodies see. */
export interface CrossingScope {
  /** Without `items` for a node whose first item is all that is read. */
  nodes: Record<string, { json: Item; items?: Item[] }> | undefined;
  /** Keys of `nodes` that name the same output as another key: a name beside its node's id. */
  aliases?: Record<string, string>;
  /**
   * For the nodes read as `$("Name").item`: per item of the call, the index in that node's
   * items of the item it was made from, -1 where that cannot be traced.
   */
  paired?: Record<string, number[]>;
  vars: ExpressionContext['vars'] | undefined;
  execution: ExpressionContext['execution'];
  workflow: ExpressionContext['workflow'];
  now: string;
  today: string;
}

/**
 * `$node` and what follows it: `["Name"]`, `['Name']` or `.Name`, when it is one of those, and
 * then `.json` when it is that (groups 1 to 4); or `$` on its own and what follows it: `("Name")`
 * or `('Name')` when it is one of those, and then `.first()` when it is that (groups 5 to 7).
 */
const nodeReference =
  /\$node(?:\s*\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\]|\s*\.\s*([A-Za-z_$][\w$]*))?(\s*\??\.\s*json(?![\w$]))?|(?<![\w$])\$(?![\w${])(?:\s*\(\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\)(\s*\??\.\s*first\s*\(\s*\))?)?/g;

/**
 * Whether a source reaches upstream outputs at all: `$node`, or `$` on its own, which n8n's
 * `$("Name")` calls (a template literal's `${` is not it).
 */
const reachesNodes = /\$node|(?<![\w$])\$(?![\w${])/;

/**
 * The upstream nodes `sources` reach by a name written out (`$node["Webhook"]`, `$node.Webhook`,
 * `$("Webhook")`), each with whether they only ever read its first item
 * (`$node["Webhook"].json`, `$("Webhook").first()`), or undefined when one reaches them any
 * other way (`$node[name]`, `const all = $node`, `$(name)`, `const get = $`) and so may read any
 * of them.
 */
export function namedNodes(sources: readonly string[]): Map<string, 'json' | 'all'> | undefined {
  const names = new Map<string, 'json' | 'all'>();
  for (const source of sources) {
    for (const match of source.matchAll(nodeReference)) {
      const name = match[1] ?? match[2] ?? match[3] ?? match[5] ?? match[6];
      if (name === undefined) return undefined;
      const firstOnly = match[4] ?? match[7];
      names.set(name, firstOnly && names.get(name) !== 'all' ? 'json' : 'all');
    }
  }
  return names;
}

/** `$("Name").item`, with the name written out (group 1 or 2). */
const pairedReference = /(?<![\w$])\$\s*\(\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\)\s*\??\.\s*item(?![\w$])/g;

/**
 * Upstream outputs and variables can be large, and copying them into the isolate on every call
 * is the cost: variables cross only when the sources name `$vars`, and upstream outputs only
 * when they name `$node` or `$`, then only the nodes named (only their first item where `.json`
 * is all that is read), unless a source reaches `$node` otherwise. Nodes read as
 * `$("Name").item` also get where each of `items`, the call's items, came from.
 */
export function crossingScope(
  context: ExpressionContext,
  sources: readonly string[],
  items: readonly Item[] = [],
): CrossingScope {
  const time = new Date(context.now);
  const now = Number.isNaN(time.getTime()) ? context.now : time.toISOString();
  const paired = pairedFor(context, sources, items);
  return {
    ...nodesFor(context.nodes, sources),
    ...(paired ? { paired } : {}),
    vars: sources.some((source) => source.includes('$vars')) ? context.vars : undefined,
    execution: {
      id: context.execution.id,
      workflowId: context.execution.workflowId,
      mode: context.execution.mode,
    },
    workflow: { id: context.workflow.id, name: context.workflow.name, version: context.workflow.version },
    now,
    today: now.slice(0, 10),
  };
}

function pairedFor(
  context: ExpressionContext,
  sources: readonly string[],
  items: readonly Item[],
): Record<string, number[]> | undefined {
  const trace = context.pairedIndexes;
  if (!trace || items.length === 0) return undefined;
  const names = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(pairedReference)) names.add((match[1] ?? match[2]) as string);
  }
  if (names.size === 0) return undefined;
  return Object.fromEntries([...names].map((name) => [name, trace(name, items)]));
}

function nodesFor(
  nodes: ExpressionContext['nodes'],
  sources: readonly string[],
): Pick<CrossingScope, 'nodes' | 'aliases'> {
  if (!sources.some((source) => reachesNodes.test(source))) return { nodes: undefined };
  const named = namedNodes(sources);
  if (!named) return withoutRepeats(nodes);
  // fromEntries defines each name as its own property, `__proto__` included.
  return {
    nodes: Object.fromEntries(
      [...named].flatMap(([name, reads]) => {
        const entry = Object.hasOwn(nodes, name) ? nodes[name] : undefined;
        if (!entry) return [];
        // A node that emitted nothing keeps its empty items, so `.first()` can tell.
        const first = entry.items.length === 0 ? { json: entry.json, items: [] } : { json: entry.json };
        return [[name, reads === 'json' ? first : entry]];
      }),
    ),
  };
}

/**
 * Every output once: the engine keys each node's output by id and by name, and JSON would write
 * both copies. Later keys of an output already written become aliases of the first.
 */
function withoutRepeats(nodes: ExpressionContext['nodes']): Pick<CrossingScope, 'nodes' | 'aliases'> {
  const firstKey = new Map<object, string>();
  const entries: [string, ExpressionContext['nodes'][string]][] = [];
  const aliases: [string, string][] = [];
  for (const [key, entry] of Object.entries(nodes)) {
    const first = firstKey.get(entry);
    if (first === undefined) {
      firstKey.set(entry, key);
      entries.push([key, entry]);
    } else aliases.push([key, first]);
  }
  return aliases.length === 0
    ? { nodes }
    : { nodes: Object.fromEntries(entries), aliases: Object.fromEntries(aliases) };
}

/**
 * Source of `scopeNodes(scope)` for the isolates' runtimes: `$node` from a crossed scope, each
 * alias defined as its own property (a node may be named `__proto__`).
 */
export const scopeNodesSource = `
  function scopeNodes(scope) {
    const nodes = scope.nodes ?? {};
    const aliases = scope.aliases ?? {};
    for (const key of Object.keys(aliases)) {
      Object.defineProperty(nodes, key, { value: nodes[aliases[key]], enumerable: true, writable: true, configurable: true });
    }
    return nodes;
  }
`;
