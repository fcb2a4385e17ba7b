import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { expressionCompletion, expressionMarks, lineWrapping } from './codemirror-expression';
import type { CompletionSource } from './completion';
import { type PreviewScope, previewTemplate } from './evaluate';

interface ExpressionEditorProps {
  value: string;
  onChange: (value: string) => void;
  completion: CompletionSource;
  scope: PreviewScope | undefined;
  testId: string;
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ExpressionEditor({ value, onChange, completion, scope, testId }: ExpressionEditorProps) {
  const { t } = useTranslation();
  // CodeMirror keeps its extensions; a ref lets completion see the latest sample without rebuilding them.
  const source = useRef(completion);
  source.current = completion;
  const extensions = useMemo(
    () => [expressionCompletion(() => source.current), expressionMarks, lineWrapping],
    [],
  );
  const preview = scope ? previewTemplate(value, scope) : undefined;
  return (
    <div className="expression" data-testid={testId}>
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        basicSetup={{
          lineNumbers: false,
          foldGutter: false,
          highlightActiveLine: false,
          autocompletion: false,
        }}
        placeholder="{{ $json.field }}"
        data-testid={`${testId}-input`}
      />
      <div
        className={`preview ${preview && !preview.ok ? 'preview-error' : ''}`}
        data-testid={`${testId}-preview`}
      >
        {preview === undefined ? (
          <span className="muted">{t('expression.noSample')}</span>
        ) : preview.ok ? (
          <>
            <span className="muted">{t('expression.preview')}</span> <code>{show(preview.value)}</code>
          </>
        ) : (
          <>
            <span className="muted">{t('expression.previewFailed')}</span> {preview.message}
          </>
        )}
      </div>
    </div>
  );
}
