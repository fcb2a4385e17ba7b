import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WidgetProps } from './widget-props';

export function StringWidget({ label, value, onChange, testId }: WidgetProps) {
  return (
    <input
      type="text"
      data-testid={testId}
      aria-label={label}
      value={typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export function TextWidget({ label, value, onChange, testId }: WidgetProps) {
  return (
    <textarea
      rows={4}
      data-testid={testId}
      aria-label={label}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export function NumberWidget({ field, label, value, onChange, testId }: WidgetProps) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  useEffect(() => {
    setText((current) =>
      Number(current) === value && current !== '' ? current : typeof value === 'number' ? String(value) : '',
    );
  }, [value]);
  return (
    <input
      type="number"
      data-testid={testId}
      aria-label={label}
      step={field.kind === 'integer' ? 1 : 'any'}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        if (event.target.value === '') onChange(undefined);
        else if (!Number.isNaN(event.target.valueAsNumber)) onChange(event.target.valueAsNumber);
      }}
    />
  );
}

export function BooleanWidget({ label, value, onChange, testId }: WidgetProps) {
  return (
    <input
      type="checkbox"
      data-testid={testId}
      aria-label={label}
      checked={value === true}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

export function EnumWidget({ field, label, value, onChange, testId }: WidgetProps) {
  const { t } = useTranslation();
  const options = field.options ?? [];
  const index = options.findIndex((o) => o.value === value);
  return (
    <select
      data-testid={testId}
      aria-label={label}
      value={index === -1 ? '' : String(index)}
      onChange={(event) =>
        onChange(event.target.value === '' ? undefined : options[Number(event.target.value)]?.value)
      }
    >
      {index === -1 || !field.required ? <option value="">{t('form.choose')}</option> : null}
      {options.map((option, i) => (
        <option key={String(option.value)} value={String(i)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

function asJsonText(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Free JSON; text that is not JSON is kept as a plain string value. */
export function JsonWidget({ label, value, onChange, testId }: WidgetProps) {
  const [text, setText] = useState(asJsonText(value));
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        if (current === value) return current;
      }
      return asJsonText(value);
    });
  }, [value]);
  return (
    <textarea
      rows={3}
      className="mono"
      data-testid={testId}
      aria-label={label}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        if (event.target.value.trim() === '') return onChange(undefined);
        try {
          onChange(JSON.parse(event.target.value));
        } catch {
          onChange(event.target.value);
        }
      }}
    />
  );
}
