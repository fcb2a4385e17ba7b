import { type NodeDefinition, nodeType, type PluginDefinition } from '@sbss/sdk';
import type { NodeCatalog, NodeTypeInfo } from '../engine/index.js';
import type { HostNodeDefinition } from '../nodes/host-node.js';
import type { PluginBundle } from '../sandbox/plugin-host.js';
import type { ManifestNode, PluginManifest } from './manifest.js';
import { definitionOf, describeManifestNode } from './manifest-definition.js';
import { describeNodeType, type NodeTypeDescription } from './node-type-description.js';

/** A node that runs in the host process (core control flow) rather than in a plugin isolate. */
export interface HostNodeEntry extends NodeTypeInfo {
  plugin: string;
  runtime: 'host';
  host: HostNodeDefinition;
}

/** A plugin node that runs in its plugin's isolate; the host knows it only by its manifest. */
export interface SandboxNodeEntry extends NodeTypeInfo {
  plugin: string;
  runtime: 'sandbox';
  manifest: PluginManifest;
  node: ManifestNode;
  bundle: PluginBundle;
}

export type NodeEntry = HostNodeEntry | SandboxNodeEntry;

/** An installed plugin version ready to register: its manifest and the bundle's text. */
export interface SandboxPlugin {
  manifest: PluginManifest;
  bundle: PluginBundle;
}

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

  /**
   * Registers a sandboxed plugin's nodes. Versions of one plugin coexist, and a node type
   * (`<plugin>/<node>@<major>`) goes to the newest plugin version that has it, so workflows
   * pinned to a major get that major's latest release. Returns the types it now serves.
   */
  registerSandboxPlugin({ manifest, bundle }: SandboxPlugin): string[] {
    const served: string[] = [];
    for (const node of manifest.nodes) {
      const type = nodeType(manifest.name, node);
      const existing = this.#entries.get(type);
      if (existing?.runtime === 'host') throw new Error(`Node type ${type} belongs to the server`);
      if (existing && compareVersions(existing.manifest.version, manifest.version) > 0) continue;
      if (existing && existing.manifest.package !== manifest.package) {
        throw new Error(
          `Node type ${type} is declared by both ${existing.manifest.package} and ${manifest.package}`,
        );
      }
      // Rebuilding zod schemas from the manifest's JSON Schemas is the slow part of loading a
      // plugin, so it waits until a workflow first uses the node type.
      let definition: NodeTypeInfo['definition'] | undefined;
      this.#entries.set(type, {
        type,
        plugin: manifest.name,
        runtime: 'sandbox',
        manifest,
        node,
        bundle,
        get definition() {
          definition ??= definitionOf(node);
          return definition;
        },
      });
      served.push(type);
    }
    this.#descriptions = undefined;
    return served;
  }

  get(type: string): NodeEntry | undefined {
    return this.#entries.get(type);
  }

  /** Descriptions for clients, computed once: JSON Schema generation is not free. */
  describe(): NodeTypeDescription[] {
    this.#descriptions ??= [...this.#entries.values()].map((entry) =>
      entry.runtime === 'sandbox'
        ? describeManifestNode(entry.type, entry.manifest, entry.node)
        : describeNodeType(entry.type, entry.plugin, entry.definition as NodeDefinition),
    );
    return this.#descriptions;
  }
}

/** Orders `major.minor.patch` versions; a pre-release sorts before its release (semver §11). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/[-+]/, 2);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let k = 0; k < 3; k++) {
    const diff = (x.parts[k] ?? 0) - (y.parts[k] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}
