import type {
  JsonValue,
  TemplateCredential,
  TemplateInfo,
  TemplateParameter,
  TemplateParameterType,
  TemplateSource,
} from '../api/contract';

/** A template ready for the parameter form: what it shows, and what install sends. */
export interface TemplateChoice {
  info: TemplateInfo;
  source: TemplateSource;
}

const parameterTypes: readonly TemplateParameterType[] = ['string', 'number', 'boolean', 'string[]', 'json'];

function isObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');

function readParameter(value: JsonValue): TemplateParameter | undefined {
  if (!isObject(value) || typeof value.name !== 'string') return undefined;
  const type = parameterTypes.find((known) => known === value.type) ?? 'string';
  const parameter: TemplateParameter = { name: value.name, description: text(value.description), type };
  if (value.default !== undefined) parameter.default = value.default;
  return parameter;
}

function readCredential(value: JsonValue): TemplateCredential | undefined {
  if (!isObject(value) || typeof value.name !== 'string') return undefined;
  return { name: value.name, type: text(value.type), description: text(value.description) };
}

function readList<T>(value: JsonValue | undefined, read: (entry: JsonValue) => T | undefined): T[] {
  if (!Array.isArray(value)) return [];
  return value.map(read).filter((entry): entry is T => entry !== undefined);
}

/**
 * A template file (`{ template, workflow }`) as parsed JSON, or undefined for anything else.
 * The checks are light, enough to draw the form: the server parses the file in full on install
 * and its answer names what is wrong, so the file is sent exactly as read.
 */
export function readTemplateFile(value: unknown, fallbackName: string): TemplateChoice | undefined {
  if (!isObject(value) || !isObject(value.template) || !isObject(value.workflow)) return undefined;
  const { template } = value;
  return {
    info: {
      name: text(template.name) || fallbackName,
      description: text(template.description),
      parameters: readList(template.parameters, readParameter),
      credentials: readList(template.credentials, readCredential),
    },
    source: { template: value },
  };
}
