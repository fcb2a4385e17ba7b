import type { JsonObject, JsonSchema } from '../api/contract';
import type { FieldModel } from './field-model';
import { paramsForm } from './field-model';

/** The value a new, empty field starts with. */
export function emptyValue(field: FieldModel): unknown {
  if (field.schema.default !== undefined) return structuredClone(field.schema.default);
  switch (field.kind) {
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'record':
      return {};
    case 'object':
      return objectDefaults(field.fields ?? []);
    case 'enum':
      return field.options?.[0]?.value;
    case 'number':
    case 'integer':
    case 'json':
      return undefined;
    default:
      return '';
  }
}

function objectDefaults(fields: FieldModel[]): JsonObject {
  const value: JsonObject = {};
  for (const field of fields) {
    if (field.schema.default !== undefined || field.required) {
      const initial = emptyValue(field);
      if (initial !== undefined) value[field.key] = initial;
    }
  }
  return value;
}

/** Params of a node just dropped on the canvas: schema defaults and empty required fields. */
export function initialParams(schema: JsonSchema): JsonObject {
  return objectDefaults(paramsForm(schema));
}
