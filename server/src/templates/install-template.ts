import { SbssError } from '../engine/errors.js';
import { type WorkflowInput, workflowInputSchema } from '../engine/model.js';
import { placeholdersIn, substitute } from './placeholders.js';
import {
  type JsonValue,
  type ParameterType,
  type Template,
  type TemplateParameter,
  templateSchema,
} from './template-schema.js';

export interface InstallOptions {
  /** Name of the created workflow; the template workflow's own name by default. */
  name?: string;
}

/** Parses a template file's content, with every placeholder declared as a parameter. */
export function parseTemplate(input: unknown): Template {
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) {
    throw new SbssError(
      'TEMPLATE_INVALID',
      `The template does not match its schema: ${parsed.error.message}`,
      {
        issues: parsed.error.issues,
      },
    );
  }
  const declared = new Set(parsed.data.template.parameters.map((parameter) => parameter.name));
  const undeclared = placeholdersIn(parsed.data.workflow).filter((name) => !declared.has(name));
  if (undeclared.length) {
    throw new SbssError(
      'TEMPLATE_INVALID',
      `The workflow uses undeclared parameters: ${undeclared.join(', ')}`,
      {
        undeclared,
      },
    );
  }
  return parsed.data;
}

/**
 * The workflow a template makes with these parameter values: unknown names and values of the
 * wrong type are refused, parameters without a default must be given, and the result must be a
 * valid workflow document.
 */
export function installTemplate(
  input: unknown,
  params: Record<string, JsonValue>,
  options: InstallOptions = {},
): WorkflowInput {
  const template = parseTemplate(input);
  const values = resolveValues(template.template.parameters, params);
  const workflow = substitute(template.workflow, values);
  const parsed = workflowInputSchema.safeParse(
    options.name && typeof workflow === 'object' && workflow !== null && !Array.isArray(workflow)
      ? { ...workflow, name: options.name }
      : workflow,
  );
  if (!parsed.success) {
    throw new SbssError('TEMPLATE_INVALID', `The installed workflow is not valid: ${parsed.error.message}`, {
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
}

function resolveValues(
  parameters: TemplateParameter[],
  given: Record<string, JsonValue>,
): Map<string, JsonValue> {
  const known = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  const unknown = Object.keys(given).filter((name) => !known.has(name));
  if (unknown.length) {
    throw new SbssError('TEMPLATE_INVALID', `Unknown template parameters: ${unknown.join(', ')}`, {
      unknown,
      known: [...known.keys()],
    });
  }
  const values = new Map<string, JsonValue>();
  const missing: string[] = [];
  for (const parameter of parameters) {
    const value = given[parameter.name] ?? parameter.default;
    if (value === undefined) {
      missing.push(parameter.name);
      continue;
    }
    if (!hasType(value, parameter.type)) {
      throw new SbssError(
        'TEMPLATE_INVALID',
        `Parameter ${parameter.name} must be of type ${parameter.type}, got ${JSON.stringify(value)}`,
        { parameter: parameter.name, type: parameter.type },
      );
    }
    values.set(parameter.name, value);
  }
  if (missing.length) {
    throw new SbssError('TEMPLATE_INVALID', `Missing required template parameters: ${missing.join(', ')}`, {
      missing,
    });
  }
  return values;
}

function hasType(value: JsonValue, type: ParameterType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
    case 'json':
      return true;
  }
}

/**
 * Reads a parameter given as text (a command-line `--param name=value`) as its declared type:
 * numbers and booleans as such, `string[]` as JSON or comma-separated, `json` as JSON.
 */
export function parameterFromText(type: ParameterType, text: string): JsonValue {
  switch (type) {
    case 'string':
      return text;
    case 'number': {
      const number = Number(text);
      if (text.trim() === '' || !Number.isFinite(number)) throw new Error(`"${text}" is not a number`);
      return number;
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false') throw new Error(`"${text}" is not true or false`);
      return text === 'true';
    case 'string[]':
      return text.trimStart().startsWith('[')
        ? (JSON.parse(text) as JsonValue)
        : text
            .split(',')
            .map((entry) => entry.trim())
            .filter(Boolean);
    case 'json':
      return JSON.parse(text) as JsonValue;
  }
}
