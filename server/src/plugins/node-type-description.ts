import type { LocalizedText, NodeCategory, NodeDefinition, TriggerKind } from '@sbss/sdk';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** How a node type is described to clients: the editor's palette and forms come from this. */
export interface NodeTypeDescription {
  type: string;
  plugin: string;
  title: LocalizedText;
  description?: LocalizedText;
  category: NodeCategory;
  trigger?: TriggerKind;
  inputs: Record<string, { title?: LocalizedText; schema?: JsonSchema }>;
  outputs: Record<string, { title?: LocalizedText; schema?: JsonSchema }>;
  params: JsonSchema;
  credentials: string[];
}

/** JSON Schema of a zod schema, as the editor's forms and the manifest expect it. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

function describePorts(ports: NodeDefinition['inputs']): NodeTypeDescription['inputs'] {
  return Object.fromEntries(
    Object.entries(ports).map(([name, port]) => [
      name,
      {
        ...(port.title ? { title: port.title } : {}),
        ...(port.schema ? { schema: jsonSchemaOf(port.schema) } : {}),
      },
    ]),
  );
}

export function describeNodeType(
  type: string,
  plugin: string,
  definition: NodeDefinition,
): NodeTypeDescription {
  return {
    type,
    plugin,
    title: definition.title,
    ...(definition.description ? { description: definition.description } : {}),
    category: definition.category,
    ...(definition.trigger ? { trigger: definition.trigger } : {}),
    inputs: describePorts(definition.inputs),
    outputs: describePorts(definition.outputs),
    params: jsonSchemaOf(definition.params),
    credentials: definition.credentials ?? [],
  };
}
