import type { Item, PortItems } from '@sbss/sdk';
import type { WorkflowNode } from './model.js';
import type { ExpressionContext } from './ports.js';

type NodeOutputs = ExpressionContext['nodes'];

/**
 * The outputs of the nodes that ran, as `$node[...]` sees them. Most workflows hold no
 * expression reaching other nodes, so the lookup table is only built once something asks, and
 * then kept up to date.
 */
export class RanNodes {
  readonly #ran: [WorkflowNode, PortItems][] = [];
  readonly #isNodeId: (key: string) => boolean;
  #byKey: NodeOutputs | undefined;
  #indexed = 0;

  constructor(isNodeId: (key: string) => boolean) {
    this.#isNodeId = isNodeId;
  }

  add(node: WorkflowNode, output: PortItems): void {
    this.#ran.push([node, output]);
  }

  /** Keyed by id and by name; a name never hides another node's id. */
  byKey(): NodeOutputs {
    this.#byKey ??= {};
    const byKey = this.#byKey;
    for (; this.#indexed < this.#ran.length; this.#indexed++) {
      const [node, output] = this.#ran[this.#indexed] as [WorkflowNode, PortItems];
      const entry = outputEntry(output);
      byKey[node.id] = entry;
      if (node.name !== undefined && !this.#isNodeId(node.name)) byKey[node.name] = entry;
    }
    return byKey;
  }
}

/** `json` is the first item of `main`, or of the first port that has items. */
function outputEntry(output: PortItems): { json: Item; items: Item[] } {
  const items = output.main?.length ? output.main : (Object.values(output).find((port) => port.length) ?? []);
  return { json: items[0] ?? {}, items };
}
