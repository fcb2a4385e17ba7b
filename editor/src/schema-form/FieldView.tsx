import { type ComponentType, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpressionEditor } from '../expression/ExpressionEditor';
import { fromExpression, isExpression, toExpression } from '../expression/template';
import { localize } from '../workflow/node-catalog';
import { emptyValue } from './defaults';
import type { FieldKind } from './field-model';
import { pathKey } from './field-value';
import { useFormContext } from './form-context';
import { CollectionKeyWidget } from './widgets/CollectionKeyWidget';
import { ArrayWidget, type FieldViewProps, ObjectWidget, RecordWidget } from './widgets/CompositeWidgets';
import { CredentialWidget } from './widgets/CredentialWidget';
import { CronWidget } from './widgets/CronWidget';
import { FileWidget } from './widgets/FileWidget';
import {
  BooleanWidget,
  EnumWidget,
  JsonWidget,
  NumberWidget,
  StringWidget,
  TextWidget,
} from './widgets/ScalarWidgets';
import type { WidgetProps } from './widgets/widget-props';

// The code editor brings CodeMirror and a language mode; it loads only when a form needs it.
const CodeWidget = lazy(() =>
  import('./widgets/CodeWidget').then((module) => ({ default: module.CodeWidget })),
);

/** Fields made of other fields: they render each part with `FieldView` again. */
const compositeWidgets = { array: ArrayWidget, object: ObjectWidget, record: RecordWidget };
type CompositeKind = keyof typeof compositeWidgets;

function isComposite(kind: FieldKind): kind is CompositeKind {
  return kind in compositeWidgets;
}

const scalarWidgets: Record<Exclude<FieldKind, CompositeKind>, ComponentType<WidgetProps>> = {
  string: StringWidget,
  text: TextWidget,
  number: NumberWidget,
  integer: NumberWidget,
  boolean: BooleanWidget,
  enum: EnumWidget,
  cron: CronWidget,
  code: CodeWidget,
  credential: CredentialWidget,
  file: FileWidget,
  collectionKey: CollectionKeyWidget,
  json: JsonWidget,
};

/** Objects are edited field by field; their fields, not the object, switch to expressions. */
const expressionCapable = (kind: FieldKind) => kind !== 'object';

export function FieldView({ field, value: stored, onChange }: FieldViewProps) {
  const { t, i18n } = useTranslation();
  // A param the workflow leaves out runs with its schema default, so the form shows that value.
  const value = stored === undefined ? field.schema.default : stored;
  const { completion, scope, errors } = useFormContext();
  const key = pathKey(field.path);
  const [expressionMode, setExpressionMode] = useState(isExpression(value));
  // Params holding expressions are checked once resolved, but the expression itself now.
  const problem = errors.get(key);
  const error = expressionMode && !problem?.expression ? undefined : problem;
  const testId = `field-input-${key}`;
  const label = localize(field.label, i18n.language);

  const toggle = () => {
    if (expressionMode) onChange(fromExpression(typeof value === 'string' ? value : '', emptyValue(field)));
    else onChange(toExpression(value));
    setExpressionMode(!expressionMode);
  };

  let widget: React.ReactNode;
  if (expressionMode) {
    widget = (
      <ExpressionEditor
        value={typeof value === 'string' ? value : ''}
        onChange={onChange}
        completion={completion}
        scope={scope}
        testId={`field-expr-${key}`}
      />
    );
  } else if (isComposite(field.kind)) {
    const Composite = compositeWidgets[field.kind];
    widget = (
      <Composite
        field={field}
        value={value}
        onChange={onChange}
        label={label}
        testId={testId}
        Field={FieldView}
      />
    );
  } else {
    const Widget = scalarWidgets[field.kind];
    widget = <Widget field={field} label={label} value={value} onChange={onChange} testId={testId} />;
  }

  return (
    <div
      className={`field field-${field.kind} ${error && !error.warning ? 'field-invalid' : ''}`}
      data-testid={`field-${key}`}
    >
      <div className="field-label">
        <span>
          {label}
          {field.required ? <span className="required"> *</span> : null}
        </span>
        {expressionCapable(field.kind) ? (
          <button
            type="button"
            className={`fx ${expressionMode ? 'on' : ''}`}
            data-testid={`field-expr-toggle-${key}`}
            aria-pressed={expressionMode}
            title={expressionMode ? t('form.useFixed') : t('form.useExpression')}
            onClick={toggle}
          >
            {t('form.expression')}
          </button>
        ) : null}
      </div>
      <Suspense fallback={<div className="widget-loading" />}>{widget}</Suspense>
      {field.description ? (
        <small className="muted">{localize(field.description, i18n.language)}</small>
      ) : null}
      {error ? (
        <div
          className={error.warning ? 'field-error field-warning' : 'field-error'}
          data-testid={`field-error-${key}`}
          role={error.warning ? 'status' : 'alert'}
        >
          {error.message}
          {error.pointer ? (
            <pre className="error-pointer" data-testid={`field-error-pointer-${key}`}>
              {error.pointer}
            </pre>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
