import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionSource } from './completion';
import { type PreviewScope, previewTemplate } from './evaluate';
import { useServerPreview } from './server-preview';

// CodeMirror is most of the editor's weight and only forms need it, so it loads on first use.
const ExpressionInput = lazy(() =>
  import('./ExpressionInput').then((module) => ({ default: module.ExpressionInput })),
);

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
  const preview = useServerPreview(value, scope, scope ? previewTemplate(value, scope) : undefined);
  return (
    <div className="expression" data-testid={testId}>
      <Suspense fallback={<code className="expression-loading">{value}</code>}>
        <ExpressionInput
          value={value}
          onChange={onChange}
          completion={completion}
          testId={`${testId}-input`}
        />
      </Suspense>
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
