import { isExpression } from '../engine/expression-syntax.js';
import { parseTemplate, type Template } from './expression-parser.js';

/**
 * Finding the template strings in a params tree and putting results back. Both walks visit the
 * tree in the same order (array order, then `Object.keys` order), so the n-th template found is
 * the n-th one filled.
 */

export function collectTemplates(params: unknown, found: Template[] = []): Template[] {
  if (typeof params === 'string') {
    if (isExpression(params)) found.push(parseTemplate(params));
  } else if (Array.isArray(params)) {
    for (const value of params) collectTemplates(value, found);
  } else if (isPlainObject(params)) {
    for (const key of Object.keys(params)) collectTemplates(params[key], found);
  }
  return found;
}

/**
 * A copy of `params` with its template strings, in walk order, replaced by `values`. Containers
 * are copied, so the result shares nothing with `params`.
 */
export function fillTemplates(params: unknown, values: readonly unknown[]): unknown {
  const cursor = { next: 0 };
  return fill(params, values, cursor);
}

function fill(params: unknown, values: readonly unknown[], cursor: { next: number }): unknown {
  if (typeof params === 'string') return isExpression(params) ? values[cursor.next++] : params;
  if (Array.isArray(params)) return params.map((value) => fill(value, values, cursor));
  if (isPlainObject(params)) {
    // `fromEntries` defines properties, so a `__proto__` key stays a key and changes no prototype.
    return Object.fromEntries(Object.keys(params).map((key) => [key, fill(params[key], values, cursor)]));
  }
  return params;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
