import type { ExecutionStep, Item, PortItems } from '../api/contract';

/** Where an item sits in a stored run: a step's input or output port, at an index. */
export interface ItemPlace {
  step: string;
  side: 'input' | 'output';
  port: string;
  index: number;
}

/**
 * The item of step `target`'s output that the item at `place` was made from, as the server's
 * `$("Name").item` finds it at run time (`engine/item-lineage.ts`): back through each step's
 * lineage, and, for a step that said nothing, by position when it emitted as many items as it
 * was given. Undefined where the trail breaks or leads to another node.
 */
export function pairedItem(
  steps: ReadonlyMap<string, ExecutionStep>,
  place: ItemPlace,
  target: string,
): Item | undefined {
  let at = place;
  // Each step is passed once on the way back; a longer trail is a stored loop.
  for (let hops = 0; hops <= 2 * steps.size; hops++) {
    const step = steps.get(at.step);
    if (!step) return undefined;
    if (at.side === 'input') {
      const source = step.lineage?.inputs[at.port];
      if (!source) return undefined;
      at = { step: source.step, side: 'output', port: source.port, index: at.index };
      continue;
    }
    const items = step.output?.[at.port];
    if (at.step === target) return items?.[at.index];
    const said = step.lineage?.paired[at.port]?.[at.index];
    const from = said ?? (items?.length === inputCount(step.input) ? at.index : -1);
    const input = placeAt(step.input, from);
    if (!input) return undefined;
    at = { step: at.step, side: 'input', ...input };
  }
  return undefined;
}

const inputCount = (input: PortItems) =>
  Object.values(input).reduce((count, items) => count + items.length, 0);

/** The port and index of the input item at `index` in the order lineage counts them: ports in key order. */
function placeAt(input: PortItems, index: number): { port: string; index: number } | undefined {
  if (index < 0) return undefined;
  let rest = index;
  for (const [port, items] of Object.entries(input)) {
    if (rest < items.length) return { port, index: rest };
    rest -= items.length;
  }
  return undefined;
}
