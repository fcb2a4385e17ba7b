import type { TFunction } from 'i18next';
import type { JsonObject, JsonSchema, Problem } from '../api/contract';
import { pointerOf } from '../api/error-pointer';
import { paramPath } from '../run/run-overlay';
import { pathKey } from '../schema-form/field-value';
import type { FieldProblem } from '../schema-form/form-context';
import { validateParams } from '../schema-form/validate-params';

/** What is wrong by field path: the form's own checks, then what the server reported. */
export function fieldErrors(
  schema: JsonSchema | undefined,
  params: JsonObject,
  problems: readonly Problem[],
  t: TFunction,
) {
  const errors = new Map<string, FieldProblem>();
  if (schema) {
    for (const error of validateParams(schema, params)) {
      const key = pathKey(error.path);
      if (!errors.has(key))
        errors.set(key, { message: t(`validation.${error.code}`, { limit: error.limit ?? '' }) });
    }
  }
  for (const problem of problems) {
    const path = paramPath(problem);
    if (!path || path.length === 0 || errors.has(pathKey(path))) continue;
    const pointer = pointerOf(problem.details);
    errors.set(pathKey(path), {
      message: problem.message,
      ...(pointer ? { pointer } : {}),
      ...(problem.code === 'EXPRESSION_INVALID' ? { expression: true } : {}),
      ...(problem.severity === 'warning' ? { warning: true } : {}),
    });
  }
  return errors;
}
