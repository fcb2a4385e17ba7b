import type { Item, PortItems } from '@sbss/sdk';
import { ItemLineage } from './item-lineage.js';
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
  readonly #lineage = new ItemLineage();
  #byKey: NodeOutputs | undefined;
  /** The step behind each key of `#byKey`, by its place in `#ran`. */
  readonly #stepByKey = new Map<string, number>();
  #indexed = 0;

  constructor(isNodeId: (key: string) => boolean) {
    this.#isNodeId = isNodeId;
  }

  add(node: WorkflowNode, input: PortItems, output: PortItems): void {
    this.#ran.push([node, output]);
    this.#lineage.add({ input, output });
  }

  /**
   * For each of `items`, the index in `$node[key].items` of the item it was made from, -1 where
   * that cannot be traced: what `$("Name").item` reads.
   */
  pairedIndexes(key: string, items: readonly Item[]): number[] {
    const byKey = this.byKey();
    const entry = Object.hasOwn(byKey, key) ? byKey[key] : undefined;
    const step = this.#stepByKey.get(key);
    if (!entry || step === undefined) return items.map(() => -1);
    const port = entryPort((this.#ran[step] as [WorkflowNode, PortItems])[1]);
    const position = new Map(entry.items.map((item, index) => [item, index]));
    return this.#lineage
      .trace(items, step, port)
      .map((item) => (item === undefined ? -1 : (position.get(item) ?? -1)));
  }

  /** Keyed by id and by name; a name never hides another node's id. */
  byKey(): NodeOutputs {
    this.#byKey ??= {};
    const byKey = this.#byKey;
    for (; this.#indexed < this.#ran.length; this.#indexed++) {
      const [node, output] = this.#ran[this.#indexed] as [WorkflowNode, PortItems];
      const entry = outputEntry(output);
      byKey[node.id] = entry;
      this.#stepByKey.set(node.id, this.#indexed);
      if (node.name !== undefined && !this.#isNodeId(node.name)) {
        byKey[node.name] = entry;
        this.#stepByKey.set(node.name, this.#indexed);
      }
    }
    return byKey;
  }
}

/** `json` is the first item of `main`, or of the first port that has items. */
function outputEntry(output: PortItems): { json: Item; items: Item[] } {
  const items = output[entryPort(output)] ?? [];
  return { json: items[0] ?? {}, items };
}

/** `main` when it has items, else the first port that has. */
function entryPort(output: PortItems): string {
  if (output.main?.length) return 'main';
  return Object.keys(output).find((port) => output[port]?.length) ?? 'main';
}
