import type { JsonSchema } from '../api/contract';
import { isExpression } from '../expression/template';
import { resolveSchema, unionParts } from './resolve-schema';

/**
 * Checks params against their JSON Schema for the form, field by field. Values holding `{{ }}`
 * are resolved at run time, so they are not checked here; the server checks the rest again.
 */

export type FieldErrorCode =
  | 'required'
  | 'type'
  | 'enum'
  | 'minimum'
  | 'maximum'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'minItems'
  | 'maxItems'
  | 'cron';

export interface FieldError {
  path: (string | number)[];
  code: FieldErrorCode;
  limit?: number | string;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string | string[] | undefined, value: unknown): boolean {
  if (expected === undefined) return true;
  const actual = jsonType(value);
  const list = Array.isArray(expected) ? expected : [expected];
  return list.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

/** Five fields (minute to weekday) or six (with seconds), as croner accepts. */
export function isCron(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  if (text.trim().startsWith('@'))
    return /^@(yearly|annually|monthly|weekly|daily|hourly)$/.test(text.trim());
  return (
    (fields.length === 5 || fields.length === 6) && fields.every((f) => /^[\d*/,\-?LW#A-Za-z]+$/.test(f))
  );
}

function checkString(schema: JsonSchema, value: string, path: (string | number)[], errors: FieldError[]) {
  if (schema.minLength !== undefined && value.length < schema.minLength) {
    errors.push({
      path,
      code: schema.minLength === 1 && value === '' ? 'required' : 'minLength',
      limit: schema.minLength,
    });
  }
  if (schema.maxLength !== undefined && value.length > schema.maxLength) {
    errors.push({ path, code: 'maxLength', limit: schema.maxLength });
  }
  if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) errors.push({ path, code: 'pattern' });
  if ((schema.format === 'cron' || schema.widget === 'cron') && !isCron(value))
    errors.push({ path, code: 'cron' });
}

function checkNumber(schema: JsonSchema, value: number, path: (string | number)[], errors: FieldError[]) {
  if (schema.minimum !== undefined && value < schema.minimum)
    errors.push({ path, code: 'minimum', limit: schema.minimum });
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) {
    errors.push({ path, code: 'minimum', limit: schema.exclusiveMinimum });
  }
  if (schema.maximum !== undefined && value > schema.maximum)
    errors.push({ path, code: 'maximum', limit: schema.maximum });
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) {
    errors.push({ path, code: 'maximum', limit: schema.exclusiveMaximum });
  }
}

function checkObject(
  schema: JsonSchema,
  value: object,
  path: (string | number)[],
  root: JsonSchema,
  errors: FieldError[],
) {
  const record = value as Record<string, unknown>;
  for (const key of schema.required ?? []) {
    const present = record[key];
    if (present === undefined || present === '') errors.push({ path: [...path, key], code: 'required' });
  }
  for (const [key, child] of Object.entries(record)) {
    const childSchema =
      schema.properties?.[key] ??
      (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (childSchema && child !== undefined && !(child === '' && schema.required?.includes(key))) {
      check(childSchema, child, [...path, key], root, errors);
    }
  }
}

function check(
  raw: JsonSchema,
  value: unknown,
  path: (string | number)[],
  root: JsonSchema,
  errors: FieldError[],
) {
  if (isExpression(value)) return;
  const schema = resolveSchema(raw, root);
  const union = unionParts(schema);
  if (union) {
    if (value === null && union.nullable) return;
    const fits = union.parts.some((part) => {
      const trial: FieldError[] = [];
      check(part, value, path, root, trial);
      return trial.length === 0;
    });
    if (!fits) errors.push({ path, code: 'type' });
    return;
  }
  if (schema.enum && !schema.enum.some((option) => option === value)) {
    errors.push({ path, code: 'enum' });
    return;
  }
  if (schema.const !== undefined && schema.const !== value) {
    errors.push({ path, code: 'enum' });
    return;
  }
  if (!typeMatches(schema.type, value)) {
    errors.push({
      path,
      code: 'type',
      limit: Array.isArray(schema.type) ? schema.type.join('|') : schema.type,
    });
    return;
  }
  if (typeof value === 'string') checkString(schema, value, path, errors);
  else if (typeof value === 'number') checkNumber(schema, value, path, errors);
  else if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errors.push({ path, code: 'minItems', limit: schema.minItems });
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      errors.push({ path, code: 'maxItems', limit: schema.maxItems });
    if (schema.items) {
      const items = schema.items;
      value.forEach((element, index) => {
        check(items, element, [...path, index], root, errors);
      });
    }
  } else if (typeof value === 'object' && value !== null) checkObject(schema, value, path, root, errors);
}

export function validateParams(schema: JsonSchema, params: unknown): FieldError[] {
  const errors: FieldError[] = [];
  check(schema, params ?? {}, [], schema, errors);
  return errors;
}
