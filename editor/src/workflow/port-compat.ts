import type { JsonSchema } from '../api/contract';

/**
 * Whether items shaped by one port's schema can feed another's. "impossible" means no item could
 * satisfy both (the connection is refused); "doubtful" means some items might not (it is drawn,
 * but marked).
 */
export type Compatibility =
  | { verdict: 'ok' }
  | { verdict: 'doubtful'; reason: string; field?: string }
  | { verdict: 'impossible'; reason: string; field?: string };

function typesOf(schema: JsonSchema): Set<string> | undefined {
  if (schema.anyOf ?? schema.oneOf) {
    const union = new Set<string>();
    for (const part of schema.anyOf ?? schema.oneOf ?? []) {
      const types = typesOf(part);
      if (!types) return undefined;
      for (const t of types) union.add(t);
    }
    return union;
  }
  if (schema.const !== undefined) return new Set([jsonType(schema.const)]);
  if (schema.enum) return new Set(schema.enum.map(jsonType));
  if (schema.type === undefined) return undefined;
  const list = Array.isArray(schema.type) ? schema.type : [schema.type];
  // Every integer is a number, so a number port may feed an integer one and vice versa.
  return new Set(list.map((t) => (t === 'integer' ? 'number' : t)));
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}

function overlap(a: Set<string>, b: Set<string>): boolean {
  for (const t of a) if (b.has(t)) return true;
  return false;
}

function compareValues(source: JsonSchema, target: JsonSchema, field: string): Compatibility {
  const from = typesOf(source);
  const to = typesOf(target);
  if (!from || !to) return { verdict: 'ok' };
  if (!overlap(from, to)) {
    return { verdict: 'impossible', reason: 'typeMismatch', field };
  }
  for (const t of from) if (!to.has(t)) return { verdict: 'doubtful', reason: 'typeMaybe', field };
  return { verdict: 'ok' };
}

export function comparePorts(source: JsonSchema | undefined, target: JsonSchema | undefined): Compatibility {
  if (!source || !target) return { verdict: 'ok' };
  const top = compareValues(source, target, '');
  if (top.verdict !== 'ok') return top;
  const required = target.required ?? [];
  const sourceProps = source.properties ?? {};
  const targetProps = target.properties ?? {};
  let doubt: Compatibility = { verdict: 'ok' };
  for (const [field, targetField] of Object.entries(targetProps)) {
    const sourceField = sourceProps[field];
    if (sourceField) {
      const result = compareValues(sourceField, targetField, field);
      if (result.verdict === 'impossible') return result;
      if (result.verdict === 'doubtful' && doubt.verdict === 'ok') doubt = result;
      if (required.includes(field) && !(source.required ?? []).includes(field) && doubt.verdict === 'ok') {
        doubt = { verdict: 'doubtful', reason: 'fieldOptional', field };
      }
    } else if (required.includes(field)) {
      if (source.additionalProperties === false)
        return { verdict: 'impossible', reason: 'fieldMissing', field };
      if (doubt.verdict === 'ok') doubt = { verdict: 'doubtful', reason: 'fieldUnknown', field };
    }
  }
  return doubt;
}
