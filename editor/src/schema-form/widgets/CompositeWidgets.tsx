import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonObject } from '../../api/contract';
import { emptyValue } from '../defaults';
import type { FieldModel } from '../field-model';
import { pathKey } from '../field-value';
import type { WidgetProps } from './widget-props';

/** The field renderer, passed in so composite widgets and fields do not import each other. */
export interface FieldViewProps {
  field: FieldModel;
  value: unknown;
  onChange: (value: unknown) => void;
}

type CompositeProps = WidgetProps & { Field: ComponentType<FieldViewProps> };

function withPath(field: FieldModel, path: (string | number)[], label: string): FieldModel {
  return { ...field, path, label };
}

export function ArrayWidget({ field, value, onChange, testId, Field }: CompositeProps) {
  const { t } = useTranslation();
  const list = Array.isArray(value) ? value : [];
  const item = field.item;
  if (!item) return null;
  return (
    <div className="array-field" data-testid={testId}>
      {list.map((element, index) => {
        const path = [...field.path, index];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: array entries have no identity of their own
          <div className="array-item" key={index}>
            <Field
              field={withPath(item, path, `${index + 1}`)}
              value={element}
              onChange={(next) => onChange(list.map((v, i) => (i === index ? next : v)))}
            />
            <button
              type="button"
              className="link danger"
              data-testid={`field-remove-${pathKey(path)}`}
              onClick={() => onChange(list.filter((_, i) => i !== index))}
            >
              {t('form.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        data-testid={`field-add-${pathKey(field.path)}`}
        onClick={() => onChange([...list, emptyValue(item)])}
      >
        {t('form.addItem')}
      </button>
    </div>
  );
}

export function ObjectWidget({ field, value, onChange, testId, Field }: CompositeProps) {
  const object = (
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
  ) as JsonObject;
  return (
    <fieldset className="object-field" data-testid={testId}>
      {(field.fields ?? []).map((child) => (
        <Field
          key={child.key}
          field={{ ...child, path: [...field.path, child.key] }}
          value={object[child.key]}
          onChange={(next) => {
            const copy = { ...object };
            if (next === undefined) delete copy[child.key];
            else copy[child.key] = next;
            onChange(copy);
          }}
        />
      ))}
    </fieldset>
  );
}

function freeKey(object: JsonObject): string {
  for (let n = 1; ; n += 1) if (!(`field${n}` in object)) return `field${n}`;
}

/** Free keys, each with a value (e.g. the fields a Set node writes). */
export function RecordWidget({ field, value, onChange, testId, Field }: CompositeProps) {
  const { t } = useTranslation();
  const object = (
    typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}
  ) as JsonObject;
  const entries = Object.entries(object);
  const entry = field.entry;
  if (!entry) return null;
  const renameKey = (from: string, to: string) => {
    if (to === from || to in object) return;
    onChange(Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])));
  };
  return (
    <div className="record-field" data-testid={testId}>
      {entries.map(([key, entryValue], index) => {
        const path = [...field.path, key];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the key itself is being edited, so position is the identity
          <div className="record-entry" key={index}>
            <input
              type="text"
              className="record-key"
              aria-label={t('form.key')}
              data-testid={`field-key-${pathKey(field.path)}.${index}`}
              value={key}
              onChange={(event) => renameKey(key, event.target.value)}
            />
            <Field
              field={withPath(entry, path, key)}
              value={entryValue}
              onChange={(next) => onChange({ ...object, [key]: next })}
            />
            <button
              type="button"
              className="link danger"
              data-testid={`field-remove-${pathKey(field.path)}.${index}`}
              onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== key)))}
            >
              {t('form.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        data-testid={`field-add-${pathKey(field.path)}`}
        onClick={() => onChange({ ...object, [freeKey(object)]: emptyValue(entry) ?? '' })}
      >
        {t('form.addField')}
      </button>
    </div>
  );
}
