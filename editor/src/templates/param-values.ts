import type { JsonValue, TemplateParameter } from '../api/contract';

/** How a parameter is edited: one line, several lines, a list one entry a line, JSON. */
export type ParamInput = 'text' | 'multiline' | 'number' | 'boolean' | 'list' | 'json';

/** The form's state: text as typed (read into typed values on install), booleans as ticked. */
export type ParamValues = Record<string, string | boolean>;

export type ParamProblem =
  | { code: 'required' }
  | { code: 'notNumber' }
  | { code: 'notJson'; reason: string }
  | { code: 'server'; message: string };

export function inputOf(parameter: TemplateParameter): ParamInput {
  switch (parameter.type) {
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'string[]':
      return 'list';
    case 'json':
      return 'json';
    case 'string':
      // Bundled templates keep YAML (team rosters, taxonomies) in string parameters.
      return typeof parameter.default === 'string' && parameter.default.includes('\n') ? 'multiline' : 'text';
  }
}

function initialText(parameter: TemplateParameter, input: ParamInput): string {
  const value = parameter.default;
  if (value === undefined) return '';
  if (input === 'list' && Array.isArray(value)) return value.map(String).join('\n');
  if (input === 'json') return JSON.stringify(value, null, 2);
  return typeof value === 'string' ? value : String(value);
}

/** The form's first state: every default filled in. */
export function initialValues(parameters: readonly TemplateParameter[]): ParamValues {
  return Object.fromEntries(
    parameters.map((parameter) => {
      const input = inputOf(parameter);
      const value = input === 'boolean' ? parameter.default === true : initialText(parameter, input);
      return [parameter.name, value];
    }),
  );
}

type Read = { value: JsonValue } | { problem: ParamProblem };

function readOne(parameter: TemplateParameter, raw: string | boolean): Read {
  const input = inputOf(parameter);
  if (typeof raw === 'boolean') return { value: raw };
  const required = parameter.default === undefined;
  if (raw.trim() === '' && (required || input === 'number' || input === 'json')) {
    return { problem: { code: 'required' } };
  }
  switch (input) {
    case 'number': {
      const number = Number(raw);
      return Number.isFinite(number) ? { value: number } : { problem: { code: 'notNumber' } };
    }
    case 'list':
      return {
        value: raw
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case 'json':
      try {
        return { value: JSON.parse(raw) as JsonValue };
      } catch (error) {
        return {
          problem: { code: 'notJson', reason: error instanceof Error ? error.message : String(error) },
        };
      }
    default:
      return { value: raw };
  }
}

/** The typed values to install with, or what keeps each field from being read. */
export function readValues(
  parameters: readonly TemplateParameter[],
  values: ParamValues,
): { params: Record<string, JsonValue>; problems: Record<string, ParamProblem> } {
  const params: Record<string, JsonValue> = {};
  const problems: Record<string, ParamProblem> = {};
  for (const parameter of parameters) {
    const read = readOne(parameter, values[parameter.name] ?? '');
    if ('value' in read) params[parameter.name] = read.value;
    else problems[parameter.name] = read.problem;
  }
  return { params, problems };
}
