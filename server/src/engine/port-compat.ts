import { z } from 'zod';

type JsonSchema = z.core.JSONSchema.BaseSchema;
type Io = 'input' | 'output';

// Converting a zod schema walks all of it; ports are shared by every workflow using the node.
const converted: Record<Io, WeakMap<z.ZodType, JsonSchema | null>> = {
  input: new WeakMap(),
  output: new WeakMap(),
};

function jsonSchemaOf(schema: z.ZodType, io: Io): JsonSchema | null {
  const cached = converted[io].get(schema);
  if (cached !== undefined) return cached;
  let json: JsonSchema | null;
  try {
    json = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  } catch {
    json = null;
  }
  converted[io].set(schema, json);
  return json;
}

/**
 * Why items the source port declares cannot satisfy the target port's schema: a property the
 * target requires that the source does not declare, or declares with no JSON type in common.
 * Only top-level properties are compared; anything not knowable statically passes.
 */
export function portMismatches(source: z.ZodType, target: z.ZodType): string[] {
  // The source emits what its schema outputs; the target parses what its schema takes as input.
  const from = jsonSchemaOf(source, 'output');
  const to = jsonSchemaOf(target, 'input');
  if (!from?.properties || !to?.properties) return [];
  const reasons: string[] = [];
  for (const name of to.required ?? []) {
    const offered = from.properties[name];
    if (offered === undefined) {
      reasons.push(`"${name}" is required by the target port but not declared by the source port`);
      continue;
    }
    const wanted = typesOf(to.properties[name]);
    const given = typesOf(offered);
    if (wanted && given && !given.some((type) => wanted.some((other) => sameJsonType(type, other)))) {
      reasons.push(
        `"${name}" is ${given.join(' | ')} on the source port but ${wanted.join(' | ')} on the target`,
      );
    }
  }
  return reasons;
}

/** The JSON types a schema allows, or undefined when that cannot be told without more work. */
function typesOf(schema: z.core.JSONSchema._JSONSchema | undefined): string[] | undefined {
  if (schema === undefined || typeof schema === 'boolean') return undefined;
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type;
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return undefined;
  const types = branches.map(typesOf);
  return types.every((branch): branch is string[] => branch !== undefined) ? types.flat() : undefined;
}

function sameJsonType(a: string, b: string): boolean {
  const widen = (type: string) => (type === 'integer' ? 'number' : type);
  return widen(a) === widen(b);
}
