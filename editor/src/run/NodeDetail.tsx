import { useTranslation } from 'react-i18next';
import type { ExecutionStep } from '../api/contract';
import { StatusBadge } from '../app/StatusBadge';
import { durationBetween, formatDateTime, formatDuration } from '../i18n/format';
import { addedFields } from './added-fields';
import { ItemsView } from './ItemsView';
import { StepError } from './StepError';

/** What one node did in the run on screen: input, output per port, log lines, error. */
export function NodeDetail({ step }: { step: ExecutionStep | undefined }) {
  const { t, i18n } = useTranslation();
  if (!step) {
    return (
      <p className="muted" data-testid="node-detail-empty">
        {t('detail.notRun')}
      </p>
    );
  }
  const duration = durationBetween(step.startedAt, step.finishedAt);
  const added = addedFields(Object.values(step.input ?? {}).flat(), Object.values(step.output ?? {}).flat());
  return (
    <div className="node-detail" data-testid="node-detail">
      <div className="detail-head">
        <StatusBadge status={step.status} testId="node-detail-status" />
        <span className="muted">{formatDateTime(step.startedAt, i18n.language)}</span>
        {duration !== undefined ? (
          <span className="muted">{formatDuration(duration, i18n.language)}</span>
        ) : null}
        {step.attempts > 1 ? (
          <span className="muted">{t('detail.attempts', { count: step.attempts })}</span>
        ) : null}
      </div>
      {step.error ? <StepError error={step.error} /> : null}
      <h4>{t('detail.input')}</h4>
      {Object.entries(step.input ?? {}).map(([port, items]) => (
        <div key={port}>
          <div className="port-name">{port}</div>
          <ItemsView items={items} testId={`node-input-${port}`} />
        </div>
      ))}
      {Object.keys(step.input ?? {}).length === 0 ? <p className="muted">{t('detail.noItems')}</p> : null}
      <h4>{t('detail.output')}</h4>
      {Object.entries(step.output ?? {}).map(([port, items]) => (
        <div key={port}>
          <div className="port-name">{port}</div>
          <ItemsView items={items} testId={`node-output-${port}`} added={added} />
        </div>
      ))}
      {Object.keys(step.output ?? {}).length === 0 ? <p className="muted">{t('detail.noItems')}</p> : null}
      <h4>{t('detail.logs')}</h4>
      {step.logs?.length ? (
        <ol className="logs" data-testid="node-detail-logs">
          {step.logs.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: log lines are append-only
            <li key={index} className={`log-${line.level}`}>
              <span className="muted">{formatDateTime(line.at, i18n.language)}</span> <b>{line.level}</b>{' '}
              {line.message}
              {line.data !== undefined ? <code> {JSON.stringify(line.data)}</code> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('detail.noLogs')}</p>
      )}
    </div>
  );
}
