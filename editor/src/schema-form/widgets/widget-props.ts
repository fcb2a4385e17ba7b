import type { FieldModel } from '../field-model';

export interface WidgetProps {
  field: FieldModel;
  /** The field's label in the UI language, for assistive technology. */
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The `data-testid` of the widget's main input. */
  testId: string;
}
