import type { NodeDefinition, PortSpec } from '@sbss/sdk';
import { z } from 'zod';
import type { NodeTypeInfo } from '../engine/index.js';
import type { ManifestNode, PluginManifest } from './manifest.js';
import type { NodeTypeDescription } from './node-type-description.js';

/**
 * A plugin node as the engine sees it, rebuilt from the manifest: its params schema comes back
 * from JSON Schema so the engine can validate params before a call. The node's own zod schema
 * parses them again inside the sandbox, where its transforms and refinements live.
 */
export function definitionOf(node: ManifestNode): NodeTypeInfo['definition'] {
  return {
    title: node.title,
    ...(node.description ? { description: node.description } : {}),
    category: node.category,
    ...(node.trigger ? { trigger: node.trigger } : {}),
    credentials: node.credentials,
    params: schemaOf(node.params),
    inputs: portsOf(node.inputs),
    outputs: portsOf(node.outputs),
  } satisfies Omit<NodeDefinition, 'id' | 'version' | 'run'>;
}

export function describeManifestNode(
  type: string,
  manifest: PluginManifest,
  node: ManifestNode,
): NodeTypeDescription {
  return {
    type,
    plugin: manifest.name,
    title: node.title,
    ...(node.description ? { description: node.description } : {}),
    category: node.category,
    ...(node.trigger ? { trigger: node.trigger } : {}),
    inputs: node.inputs,
    outputs: node.outputs,
    params: node.params,
    credentials: node.credentials,
  };
}

function schemaOf(json: Record<string, unknown>): z.ZodType {
  try {
    return z.fromJSONSchema(json as z.core.JSONSchema.JSONSchema);
  } catch {
    // A schema zod cannot read back is checked only by the node's own schema, in the sandbox.
    return z.record(z.string(), z.unknown());
  }
}

function portsOf(ports: ManifestNode['inputs']): Record<string, PortSpec> {
  return Object.fromEntries(
    Object.entries(ports).map(([name, port]) => [
      name,
      {
        ...(port.title ? { title: port.title } : {}),
        ...(port.schema ? { schema: schemaOf(port.schema) } : {}),
      },
    ]),
  );
}
