import { javascript } from '@codemirror/lang-javascript';
import { yaml } from '@codemirror/lang-yaml';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import type { WidgetProps } from './widget-props';

export function CodeWidget({ field, label, value, onChange, testId }: WidgetProps) {
  const extensions = useMemo(
    () => [field.language === 'yaml' ? yaml() : javascript({ typescript: field.language === 'typescript' })],
    [field.language],
  );
  return (
    <div className="code-field" data-testid={testId}>
      <CodeMirror
        value={typeof value === 'string' ? value : ''}
        onChange={onChange}
        extensions={extensions}
        minHeight="120px"
        maxHeight="360px"
        aria-label={label}
      />
    </div>
  );
}
