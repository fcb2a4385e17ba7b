import type { JsonSchema, LocalizedText } from '../api/contract';
import { resolveSchema, unionParts } from './resolve-schema';

/**
 * Maps a node's params JSON Schema to a tree of form fields. The form components only render
 * this tree; every decision about which widget a schema gets is made here.
 */

export type FieldKind =
  | 'string'
  | 'text'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'enum'
  | 'array'
  | 'object'
  | 'record'
  | 'cron'
  | 'code'
  | 'credential'
  | 'file'
  | 'collectionKey'
  | 'json';

export interface EnumOption {
  value: string | number | boolean | null;
  label: string;
}

export interface FieldModel {
  key: string;
  path: (string | number)[];
  kind: FieldKind;
  /** The schema's title, or the key made readable. */
  label: LocalizedText;
  description?: LocalizedText;
  required: boolean;
  nullable: boolean;
  schema: JsonSchema;
  options?: EnumOption[];
  /** The field each array element is rendered with. */
  item?: FieldModel;
  /** The fields of an object. */
  fields?: FieldModel[];
  /** The field each value of a record (free keys) is rendered with. */
  entry?: FieldModel;
  language?: string;
  credentialType?: string;
  /** The collection whose record keys a `collectionKey` field offers. */
  collection?: string;
}

const codeKeys = new Set(['code', 'script', 'source', 'function']);
const textKeys = new Set(['body', 'template', 'message', 'text', 'html', 'query']);

/** "maxAttempts" → "Max attempts", "api_key" → "Api key". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Titles and descriptions may be one text or one per language (`.meta({ title: { en, 'zh-Hans' } })`). */
function localizedOf(value: unknown): LocalizedText | undefined {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'object' && value !== null && typeof (value as { en?: unknown }).en === 'string') {
    return value as LocalizedText;
  }
  return undefined;
}

function hint(schema: JsonSchema): string | undefined {
  const value = schema.widget ?? schema['x-widget'] ?? schema.format;
  return typeof value === 'string' ? value : undefined;
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type;
}

function enumOptions(values: unknown[]): EnumOption[] {
  return values
    .filter((v): v is EnumOption['value'] => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    .map((value) => ({ value, label: String(value) }));
}

function stringKind(key: string, schema: JsonSchema): FieldKind {
  const widget = hint(schema);
  if (widget === 'cron' || key === 'cron') return 'cron';
  if (widget === 'code' || (widget === undefined && codeKeys.has(key))) return 'code';
  if (widget === 'credential' || schema.credentialType || /credential/i.test(key)) return 'credential';
  if (widget === 'file') return 'file';
  if (widget === 'collection-key' && typeof schema.collection === 'string') return 'collectionKey';
  if (widget === 'textarea' || widget === 'multiline' || (widget === undefined && textKeys.has(key)))
    return 'text';
  if ((schema.maxLength ?? 0) > 500) return 'text';
  // A one-line input would drop the newlines of a value that has them, such as YAML.
  if (typeof schema.default === 'string' && schema.default.includes('\n')) return 'text';
  return 'string';
}

function kindOf(key: string, schema: JsonSchema): FieldKind {
  if (schema.enum) return 'enum';
  if (schema.const !== undefined) return 'enum';
  const widget = hint(schema);
  if (widget === 'json') return 'json';
  switch (primaryType(schema)) {
    case 'string':
      return stringKind(key, schema);
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      return schema.items ? 'array' : 'json';
    case 'object':
      if (schema.properties && Object.keys(schema.properties).length > 0) return 'object';
      return schema.additionalProperties === false ? 'object' : 'record';
    default:
      return 'json';
  }
}

/** A union of constants (`z.union([z.literal('a'), ...])`) reads as one enum. */
function literalUnion(parts: JsonSchema[]): EnumOption[] | undefined {
  const values: unknown[] = [];
  for (const part of parts) {
    if (part.const !== undefined) values.push(part.const);
    else if (part.enum) values.push(...part.enum);
    else return undefined;
  }
  return enumOptions(values);
}

export function describeField(
  raw: JsonSchema,
  key: string,
  path: (string | number)[],
  required: boolean,
  root: JsonSchema,
): FieldModel {
  let schema = resolveSchema(raw, root);
  let nullable = Array.isArray(schema.type) && schema.type.includes('null');
  let options: EnumOption[] | undefined;
  const union = unionParts(schema);
  if (union) {
    nullable = nullable || union.nullable;
    options = literalUnion(union.parts);
    if (!options && union.parts.length === 1 && union.parts[0]) {
      const { anyOf: _a, oneOf: _o, ...outer } = schema;
      schema = { ...resolveSchema(union.parts[0], root), ...outer };
    }
  }
  const kind: FieldKind = options ? 'enum' : union && union.parts.length > 1 ? 'json' : kindOf(key, schema);
  const field: FieldModel = {
    key,
    path,
    kind,
    label: localizedOf(schema.title) ?? humanize(key),
    required,
    nullable,
    schema,
  };
  const description = localizedOf(schema.description);
  if (description) field.description = description;
  if (kind === 'enum') field.options = options ?? enumOptions(schema.enum ?? [schema.const]);
  if (kind === 'array' && schema.items)
    field.item = describeField(schema.items, '', [...path, 0], true, root);
  if (kind === 'object') field.fields = describeObject(schema, path, root);
  if (kind === 'record') {
    const value = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
    field.entry = describeField(value, '', [...path, ''], true, root);
  }
  if (kind === 'code') field.language = typeof schema.language === 'string' ? schema.language : 'javascript';
  if (kind === 'credential' && schema.credentialType) field.credentialType = schema.credentialType;
  if (kind === 'collectionKey') field.collection = schema.collection;
  return field;
}

export function describeObject(
  schema: JsonSchema,
  path: (string | number)[],
  root: JsonSchema,
): FieldModel[] {
  const resolved = resolveSchema(schema, root);
  const required = new Set(resolved.required ?? []);
  return Object.entries(resolved.properties ?? {}).map(([key, child]) =>
    describeField(child, key, [...path, key], required.has(key), root),
  );
}

/** The fields of a node's params form. */
export function paramsForm(schema: JsonSchema): FieldModel[] {
  return describeObject(schema, [], schema);
}
