import type { JsonValue } from '../api/contract';

/** The server's rule for names: `$vars.<name>` must read as JavaScript. */
export const variableKeyPattern = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;

function parsed(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** What a typed value means: JSON when it reads as JSON (but null), else the text itself. */
export function valueFromText(text: string): JsonValue {
  const value = parsed(text.trim());
  return value === undefined || value === null ? text : value;
}

/** The text that gives `value` back through `valueFromText`: text as typed, the rest as JSON. */
export function textOfValue(value: JsonValue): string {
  if (typeof value === 'string' && valueFromText(value) === value) return value;
  return JSON.stringify(value);
}
