/**
 * Recognising `{{ }}` expressions without evaluating them: validation skips what only the run can
 * know, and the executor takes a fast path for params that hold none.
 */

/** Whether `value` is a string holding a `{{ ... }}` expression. */
export function isExpression(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const open = value.indexOf('{{');
  return open !== -1 && value.indexOf('}}', open + 2) !== -1;
}

/** Whether `value` holds an expression anywhere: itself, or inside nested arrays and objects. */
export function hasExpression(value: unknown): boolean {
  if (typeof value === 'string') return isExpression(value);
  if (Array.isArray(value)) return value.some(hasExpression);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasExpression);
  return false;
}
