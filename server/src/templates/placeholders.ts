import type { JsonValue } from './template-schema.js';

/**
 * `${param:name}`: chosen so it never collides with runtime expressions (`{{ … }}`), which stay
 * in the workflow untouched and are evaluated per item when it runs.
 */
const placeholder = /\$\{param:([A-Za-z][A-Za-z0-9_]*)\}/g;
const whole = /^\$\{param:([A-Za-z][A-Za-z0-9_]*)\}$/;

export function placeholderText(name: string): string {
  return `\${param:${name}}`;
}

/** Every parameter name the value refers to, in order of first use. */
export function placeholdersIn(value: JsonValue): string[] {
  const found = new Set<string>();
  const walk = (node: JsonValue): void => {
    if (typeof node === 'string') for (const match of node.matchAll(placeholder)) found.add(match[1] ?? '');
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(value);
  return [...found];
}

/**
 * Replaces placeholders with parameter values. A string that is exactly one placeholder becomes
 * the value itself (a number stays a number, a list a list); inside longer text the value is
 * written as text, lists and objects as JSON.
 */
export function substitute(value: JsonValue, values: ReadonlyMap<string, JsonValue>): JsonValue {
  if (typeof value === 'string') {
    const only = whole.exec(value);
    if (only) return lookup(values, only[1] ?? '');
    return value.replace(placeholder, (_, name: string) => asText(lookup(values, name)));
  }
  if (Array.isArray(value)) return value.map((entry) => substitute(entry, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, substitute(entry, values)]));
  }
  return value;
}

function lookup(values: ReadonlyMap<string, JsonValue>, name: string): JsonValue {
  const value = values.get(name);
  if (value === undefined) throw new Error(`No value for parameter ${name}`);
  return value;
}

function asText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
