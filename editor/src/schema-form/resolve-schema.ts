import type { JsonSchema } from '../api/contract';

/** Follows a local `$ref` (`#/$defs/X`, `#/definitions/X`) against the root schema. */
function deref(schema: JsonSchema, root: JsonSchema, depth: number): JsonSchema {
  if (!schema.$ref || depth > 20) return schema;
  const parts = schema.$ref.replace(/^#\//, '').split('/');
  let target: unknown = root;
  for (const part of parts) {
    target =
      typeof target === 'object' && target !== null ? (target as Record<string, unknown>)[part] : undefined;
  }
  if (typeof target !== 'object' || target === null) return schema;
  const { $ref: _ref, ...rest } = schema;
  return deref({ ...(target as JsonSchema), ...rest }, root, depth + 1);
}

/** Resolves `$ref` and merges `allOf`, so the form sees one flat schema per field. */
export function resolveSchema(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const flat = deref(schema, root, 0);
  if (!flat.allOf) return flat;
  const { allOf, ...merged } = flat;
  for (const part of allOf) {
    const resolved = resolveSchema(part, root);
    const properties = { ...merged.properties, ...resolved.properties };
    const required = [...(merged.required ?? []), ...(resolved.required ?? [])];
    Object.assign(merged, resolved, { properties, required });
  }
  return merged;
}

export function isNullSchema(schema: JsonSchema): boolean {
  return schema.type === 'null';
}

/** The alternatives of a union, without `null` (which only makes the field nullable). */
export function unionParts(schema: JsonSchema): { parts: JsonSchema[]; nullable: boolean } | undefined {
  const union = schema.anyOf ?? schema.oneOf;
  if (!union) return undefined;
  const parts = union.filter((part) => !isNullSchema(part));
  return { parts, nullable: parts.length !== union.length };
}
