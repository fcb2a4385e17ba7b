import type { Item, PortItems } from '@sbss/sdk';
import { derivationFrom, flatItems, rebuildItems } from '../engine/item-derivation.js';
import { itemsJson, portItemsJson } from '../engine/items-json.js';
import type { StepRecord } from '../engine/ports.js';

/**
 * Steps pass most of their items on, so most of what an execution stores would be copies:
 *
 * - A step's input that is the very array an earlier step of the same execution returned (the
 *   engine hands an output port's array on as is when one edge feeds the input port) is stored as
 *   `{ "step": "<node id>", "port": "<port>" }` where the items would be.
 * - A step's output port that a plugin answered as differences from the step's input items
 *   (`engine/item-derivation.ts`) is stored as `{ "from": [...], "changes": [...] }`: per item,
 *   the index of its input item (over the input ports in key order, -1 for a whole item) and the
 *   fields it adds. A scoring node that adds one field to 2,000 mentions stores that field.
 *
 * Anything else (concatenated ports, trigger items, host nodes' outputs) is stored whole.
 * `resolveItems` puts the items back on reading.
 */
interface Source {
  executionId: string;
  nodeId: string;
  port: string;
}

const sources = new WeakMap<readonly Item[], Source>();

/** Notes where a finished step's output arrays came from, for the steps that read them next. */
export function rememberOutputs(executionId: string, step: StepRecord): void {
  for (const [port, items] of Object.entries(step.output ?? {})) {
    if (items.length > 0 && !sources.has(items))
      sources.set(items, { executionId, nodeId: step.nodeId, port });
  }
}

export function inputJson(executionId: string, input: PortItems): string {
  return portItemsJson(input, (items) => {
    const source = sources.get(items);
    return source?.executionId === executionId
      ? JSON.stringify({ step: source.nodeId, port: source.port })
      : itemsJson(items);
  });
}

export function outputJson(output: PortItems, input: PortItems): string {
  return portItemsJson(output, (items) => {
    const derivation = derivationFrom(items, input);
    return derivation
      ? `{"from":${JSON.stringify(derivation.from)},"changes":${JSON.stringify(derivation.changes)}}`
      : itemsJson(items);
  });
}

/** Replaces the references and differences in the steps' inputs and outputs with their items. */
export function resolveItems(steps: StepRecord[]): StepRecord[] {
  const byNode = new Map(steps.map((step) => [step.nodeId, step]));
  const resolving = new Set<StepRecord>();
  const resolved = new Set<StepRecord>();

  function resolve(step: StepRecord): void {
    // A step met again while resolving its own sources means a stored loop: its refs read as empty.
    if (resolved.has(step) || resolving.has(step)) return;
    resolving.add(step);
    for (const [port, value] of Object.entries(step.input)) {
      if (Array.isArray(value)) continue;
      const { step: nodeId, port: from } = value as unknown as { step: string; port: string };
      const source = byNode.get(nodeId);
      if (source) resolve(source);
      step.input[port] = source?.output?.[from] ?? [];
    }
    const output = step.output ?? {};
    let flat: Item[] | undefined;
    for (const [port, value] of Object.entries(output)) {
      if (Array.isArray(value)) continue;
      const { from, changes } = value as unknown as { from: unknown[]; changes: unknown[] };
      flat ??= flatItems(step.input);
      output[port] = rebuildItems(flat, from, changes);
    }
    resolving.delete(step);
    resolved.add(step);
  }

  for (const step of steps) resolve(step);
  return steps;
}
