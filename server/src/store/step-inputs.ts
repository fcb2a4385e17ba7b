import type { Item, PortItems } from '@sbss/sdk';
import { itemsJson, portItemsJson } from '../engine/items-json.js';
import type { StepRecord } from '../engine/ports.js';

/**
 * A step's input is most often the very array a step before it in the same execution returned
 * (the engine hands an output port's array on as is when one edge feeds the input port). It is
 * then stored as a reference to that step's port, `{ "step": "<node id>", "port": "<port>" }`
 * where the items would be, rather than as a second copy of them, and `resolveInputs` puts the
 * items back on reading. Anything else (concatenated ports, trigger items) is stored whole.
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

/** Replaces the references in the steps' inputs with the items they name. */
export function resolveInputs(steps: StepRecord[]): StepRecord[] {
  const outputs = new Map(steps.map((step) => [step.nodeId, step.output ?? {}]));
  for (const step of steps) {
    for (const [port, value] of Object.entries(step.input)) {
      if (Array.isArray(value)) continue;
      const { step: nodeId, port: from } = value as unknown as { step: string; port: string };
      step.input[port] = outputs.get(nodeId)?.[from] ?? [];
    }
  }
  return steps;
}
