import type { z } from 'zod';
import { hasExpression, isExpression } from './expression-syntax.js';

/**
 * Checks params against a node type's schema at design time. A value holding a `{{ }}`
 * expression is not checked: what it yields is only known at run time, per item, and the
 * executor checks the resolved value then.
 */
export function paramIssues(schema: z.ZodType, params: Record<string, unknown>): z.core.$ZodIssue[] {
  const result = schema.safeParse(params);
  if (result.success) return [];
  return result.error.issues.filter(
    (issue) => issue.code === 'unrecognized_keys' || !reachesExpression(params, issue.path),
  );
}

/** Whether an expression sits on the issue's path or anywhere inside the value it points at. */
export function reachesExpression(params: unknown, path: readonly PropertyKey[]): boolean {
  let value = params;
  for (const key of path) {
    if (isExpression(value)) return true;
    if (typeof value !== 'object' || value === null) return false;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return hasExpression(value);
}
