import { ApiError } from '../api/api-error';
import type { TemplateParameter } from '../api/contract';
import type { ParamProblem } from './param-values';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

/**
 * The fields a refused install is about, read from the details of the server's
 * `TEMPLATE_INVALID` (`parameter` for a mistyped value, `missing` for required ones); undefined
 * when the error names no field of the form, so the caller shows it as a notice instead.
 */
export function problemsFromServer(
  error: unknown,
  parameters: readonly TemplateParameter[],
): Record<string, ParamProblem> | undefined {
  if (!(error instanceof ApiError) || error.code !== 'TEMPLATE_INVALID') return undefined;
  const details: unknown = error.details;
  if (typeof details !== 'object' || details === null) return undefined;
  const known = new Set(parameters.map((parameter) => parameter.name));
  const problems: Record<string, ParamProblem> = {};
  if ('parameter' in details && typeof details.parameter === 'string' && known.has(details.parameter)) {
    problems[details.parameter] = { code: 'server', message: error.message };
  }
  if ('missing' in details) {
    for (const name of strings(details.missing)) if (known.has(name)) problems[name] = { code: 'required' };
  }
  return Object.keys(problems).length > 0 ? problems : undefined;
}
