import type { Item, PortItems } from '@sbss/sdk';
import {
  type Derivation,
  derivationFrom,
  flatItems,
  identityDerivations,
  rebuildItems,
} from '../engine/item-derivation.js';
import { pairingOf } from '../engine/item-lineage.js';
import { itemsJson, portItemsJson } from '../engine/items-json.js';
import type { StepLineage, StepPort, StepRecord } from '../engine/ports.js';

/**
 * Steps pass most of their items on, so most of what an execution stores would be copies. An
 * item array of a step or of the execution's output is stored as:
 *
 * - `{ "trigger": true }` when it is the execution's trigger items (a trigger node hands them on);
 * - `{ "step": "<node id>", "port": "<port>" }` when an earlier step of the same execution
 *   returned that very array (the engine hands an output port's array on as is when one edge
 *   feeds the input port, and the execution's output is its last step's);
 * - `{ "from": [...], "changes": [...] }` for an output port a plugin answered as differences
 *   from the step's input items (`engine/item-derivation.ts`): per item, the index of its input
 *   item (over the input ports in key order, -1 for a whole item) and the fields it adds. A
 *   scoring node that adds one field to 2,000 mentions stores that field. A host node's output
 *   is compared with its input object by object for the same form: an `if` stores indexes.
 *
 * Anything else (concatenated ports, new items) is stored whole. Where the node said which
 * input item each output item came from (a Code node's n8n `pairedItem`), that goes beside:
 * `{ "items": [...], "paired": [...] }`, or `"paired"` added to the differences. `resolveSteps`
 * puts the items back on reading, and says how they relate (`StepLineage`).
 */
interface Source {
  executionId: string;
  /** The step that returned the array; unset for the trigger items. */
  nodeId?: string;
  /** The reference written in the array's place. */
  ref: string;
}

const sources = new WeakMap<readonly Item[], Source>();
const triggerRef = '{"trigger":true}';

export function rememberTrigger(executionId: string, items: readonly Item[]): void {
  if (items.length > 0 && !sources.has(items)) sources.set(items, { executionId, ref: triggerRef });
}

/** Notes where a finished step's output arrays came from, for the steps that read them next. */
export function rememberOutputs(executionId: string, step: StepRecord): void {
  for (const [port, items] of Object.entries(step.output ?? {})) {
    if (items.length > 0 && !sources.has(items))
      sources.set(items, {
        executionId,
        nodeId: step.nodeId,
        ref: JSON.stringify({ step: step.nodeId, port }),
      });
  }
}

/** The reference to `items` when met earlier in the execution, outside step `self`. */
function referenceTo(executionId: string, items: Item[], self?: string): string | undefined {
  const source = sources.get(items);
  const usable = source?.executionId === executionId && (self === undefined || source.nodeId !== self);
  return usable ? source?.ref : undefined;
}

/** Item ports as JSON, arrays met earlier in the same execution written as references. */
export function portsJson(executionId: string, ports: PortItems): string {
  return portItemsJson(ports, (items) => referenceTo(executionId, items) ?? itemsJson(items));
}

/** A step's output as JSON: differences from its input, references, or items. */
export function outputJson(executionId: string, step: StepRecord & { output: PortItems }): string {
  const byIdentity = identityDerivations(step.input);
  return portItemsJson(step.output, (items) => {
    const noted = derivationFrom(items, step.input);
    if (noted) return derivationJson(noted);
    const reference = referenceTo(executionId, items, step.nodeId);
    if (reference) return reference;
    const found = byIdentity(items);
    const paired = pairingOf(items);
    if (found) return derivationJson(found, paired);
    return paired ? `{"items":${itemsJson(items)},"paired":${JSON.stringify(paired)}}` : itemsJson(items);
  });
}

function derivationJson({ from, changes }: Derivation, paired?: readonly number[]): string {
  const said = paired ? `,"paired":${JSON.stringify(paired)}` : '';
  return `{"from":${JSON.stringify(from)},"changes":${JSON.stringify(changes)}${said}}`;
}

type Reference = { trigger: true } | StepPort;

type StoredPort =
  | Item[]
  | Reference
  | { items: Item[]; paired: unknown[] }
  | { from: unknown[]; changes: unknown[]; paired?: unknown[] };

/**
 * Puts the items back into the steps' inputs and outputs, and into `output` (the execution's,
 * whose ports can only be references) when given. Everything is resolved in place.
 */
export function resolveSteps(
  steps: StepRecord[],
  readTrigger: () => Item[],
  output?: PortItems,
): StepRecord[] {
  let triggerItems: Item[] | undefined;
  const trigger = () => {
    triggerItems ??= readTrigger();
    return triggerItems;
  };
  const byNode = new Map(steps.map((step) => [step.nodeId, step]));
  const resolving = new Set<StepRecord>();
  const resolved = new Set<StepRecord>();

  const items = (value: StoredPort, input: PortItems): Item[] => {
    if (Array.isArray(value)) return value;
    if ('items' in value) return value.items;
    if ('trigger' in value) return trigger();
    if ('step' in value) {
      const source = byNode.get(value.step);
      if (source) resolve(source);
      return source?.output?.[value.port] ?? [];
    }
    return rebuildItems(flatItems(input), value.from, value.changes);
  };
  const resolvePorts = (ports: PortItems, input: PortItems) => {
    for (const [port, value] of Object.entries(ports)) ports[port] = items(value as StoredPort, input);
  };

  const triggerSource = triggerOutput(steps);

  function resolve(step: StepRecord): void {
    // A step met again while resolving its own sources means a stored loop: it reads as empty.
    if (resolved.has(step) || resolving.has(step)) return;
    resolving.add(step);
    const stored = { input: { ...step.input }, output: { ...step.output } } as Record<
      'input' | 'output',
      Record<string, StoredPort>
    >;
    resolvePorts(step.input, {});
    if (step.output) resolvePorts(step.output, step.input);
    step.lineage = lineageOf(step.nodeId, stored, step.input, triggerSource);
    resolving.delete(step);
    resolved.add(step);
  }

  for (const step of steps) resolve(step);
  if (output) resolvePorts(output, {});
  return steps;
}

/** The step output port stored as the trigger items: the trigger node's. */
function triggerOutput(steps: readonly StepRecord[]): StepPort | undefined {
  for (const step of steps) {
    for (const [port, value] of Object.entries(step.output ?? {}))
      if (isReference(value) && 'trigger' in value) return { step: step.nodeId, port };
  }
  return undefined;
}

function isReference(value: unknown): value is Reference {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    ('trigger' in value || 'step' in value)
  );
}

/**
 * How a step's items relate to other steps', from the forms they were stored in: a port stored as
 * a reference names its source, differences name their input items, and an output port that is
 * the very array of one of the step's input ports (a disabled node) pairs item by item.
 */
function lineageOf(
  nodeId: string,
  { input, output }: Record<'input' | 'output', Record<string, StoredPort>>,
  resolvedInput: PortItems,
  trigger: StepPort | undefined,
): StepLineage {
  // The trigger node is handed the trigger items it emits: they come from no step before it.
  const sourceOf = (value: StoredPort) => {
    if (!isReference(value)) return undefined;
    const source = 'trigger' in value ? trigger : { step: value.step, port: value.port };
    return source?.step === nodeId ? undefined : source;
  };
  const inputs: StepLineage['inputs'] = {};
  // Where each referenced array sits among the input items, for an output port that is one of them.
  const spans = new Map<string, { start: number; length: number }>();
  const key = (source: StepPort) => `${source.step}\u0000${source.port}`;
  let start = 0;
  for (const port of Object.keys(resolvedInput)) {
    const length = resolvedInput[port]?.length ?? 0;
    const source = sourceOf(input[port] as StoredPort);
    if (source) {
      inputs[port] = source;
      spans.set(key(source), { start, length });
    }
    start += length;
  }
  const paired: StepLineage['paired'] = {};
  for (const [port, value] of Object.entries(output)) {
    if (Array.isArray(value)) continue;
    if ('items' in value || 'from' in value) {
      const said = value.paired ?? ('from' in value ? value.from : undefined);
      if (said) paired[port] = said.map((index) => (typeof index === 'number' && index >= 0 ? index : -1));
      continue;
    }
    const source = sourceOf(value);
    const span = source && spans.get(key(source));
    if (span) paired[port] = Array.from({ length: span.length }, (_, index) => span.start + index);
  }
  return { inputs, paired };
}
