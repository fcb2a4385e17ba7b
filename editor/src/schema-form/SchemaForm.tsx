import { useMemo } from 'react';
import type { JsonObject, JsonSchema } from '../api/contract';
import { FieldView } from './FieldView';
import { paramsForm } from './field-model';
import { setAt } from './field-value';

interface SchemaFormProps {
  schema: JsonSchema;
  value: JsonObject;
  /** `key` names the edited field, so typing into one field is one undo step. */
  onChange: (value: JsonObject, key: string) => void;
}

/** A node's params form, generated from its params JSON Schema. */
export function SchemaForm({ schema, value, onChange }: SchemaFormProps) {
  const fields = useMemo(() => paramsForm(schema), [schema]);
  return (
    <div className="schema-form" data-testid="schema-form">
      {fields.map((field) => (
        <FieldView
          key={field.key}
          field={field}
          value={value[field.key]}
          onChange={(next) => onChange(setAt(value, [field.key], next) as JsonObject, field.key)}
        />
      ))}
    </div>
  );
}
