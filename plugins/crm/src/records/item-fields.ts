import type { JsonObject, JsonValue } from '@sbss/sdk';

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, or undefined. */
export function text(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function field(item: JsonObject, ...path: string[]): JsonValue | undefined {
  let value: JsonValue | undefined = item;
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  return value;
}

export function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
