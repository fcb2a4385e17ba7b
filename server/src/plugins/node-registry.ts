import { type NodeDefinition, nodeType, type PluginDefinition } from '@sbss/sdk';
import type { NodeCatalog, NodeTypeInfo } from '../engine/index.js';
import type { HostNodeDefinition } from '../nodes/host-node.js';
import { describeNodeType, type NodeTypeDescription } from './node-type-description.js';

/** A node that runs in the host process (core control flow) rather than in a plugin isolate. */
export interface HostNodeEntry extends NodeTypeInfo {
  plugin: string;
  runtime: 'host';
  host: HostNodeDefinition;
}

export type NodeEntry = HostNodeEntry;

export interface HostPlugin extends Omit<PluginDefinition, 'nodes'> {
  nodes: HostNodeDefinition[];
}

/** Every node type the server can run, by `<plugin>/<node>@<major>`. */
export class NodeRegistry implements NodeCatalog {
  readonly #entries = new Map<string, NodeEntry>();
  #descriptions: NodeTypeDescription[] | undefined;

  registerHostPlugin(plugin: HostPlugin): void {
    for (const node of plugin.nodes) {
      const type = nodeType(plugin.name, node);
      if (this.#entries.has(type)) throw new Error(`Node type ${type} is registered twice`);
      this.#entries.set(type, { type, plugin: plugin.name, runtime: 'host', host: node, definition: node });
    }
    this.#descriptions = undefined;
  }

  get(type: string): NodeEntry | undefined {
    return this.#entries.get(type);
  }

  /** Descriptions for clients, computed once: JSON Schema generation is not free. */
  describe(): NodeTypeDescription[] {
    this.#descriptions ??= [...this.#entries.values()].map((entry) =>
      describeNodeType(entry.type, entry.plugin, entry.definition as NodeDefinition),
    );
    return this.#descriptions;
  }
}
