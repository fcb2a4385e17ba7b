import { useTranslation } from 'react-i18next';
import type { ErrorRecord } from '../api/contract';
import { pointerOf } from '../api/error-pointer';

/** A failed step's or run's error: its code and message, the pointer under the fault, any other details. */
export function StepError({ error, testId = 'node-detail-error' }: { error: ErrorRecord; testId?: string }) {
  const { t } = useTranslation();
  const pointer = pointerOf(error.details);
  const rest =
    error.details !== undefined && pointer === undefined ? JSON.stringify(error.details, null, 2) : undefined;
  return (
    <div className="step-error" data-testid={testId} role="alert">
      {error.code ? <code>{error.code}</code> : null} {error.message}
      {pointer ? (
        <pre className="error-pointer" data-testid={`${testId}-pointer`}>
          {pointer}
        </pre>
      ) : null}
      {rest ? (
        <details>
          <summary>{t('detail.errorDetails')}</summary>
          <pre className="error-details">{rest}</pre>
        </details>
      ) : null}
    </div>
  );
}
