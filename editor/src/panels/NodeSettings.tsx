import { useTranslation } from 'react-i18next';
import type { WorkflowNode } from '../api/contract';
import type { NodeSpec } from '../workflow/flow-graph';

type OnError = NonNullable<WorkflowNode['onError']>;
const onErrorChoices: OnError[] = ['stop', 'continue', 'errorPort'];

/** The per-node settings every node has: disable, notes, error handling, retry, timeout. */
export function NodeSettings({
  spec,
  onChange,
}: {
  spec: NodeSpec;
  onChange: (patch: Partial<NodeSpec>, key: string) => void;
}) {
  const { t } = useTranslation();
  const retries = spec.retry?.maxAttempts ?? 1;
  return (
    <div className="node-settings" data-testid="node-settings">
      <label className="field inline">
        <input
          type="checkbox"
          data-testid="node-disabled"
          checked={spec.disabled ?? false}
          onChange={(event) => onChange({ disabled: event.target.checked }, 'disabled')}
        />
        <span>{t('node.disabled')}</span>
      </label>
      <label className="field">
        <span>{t('node.onError')}</span>
        <select
          data-testid="node-on-error"
          value={spec.onError ?? 'stop'}
          onChange={(event) => onChange({ onError: event.target.value as OnError }, 'onError')}
        >
          {onErrorChoices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`node.onErrorChoice.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('node.maxAttempts')}</span>
        <input
          type="number"
          min={1}
          max={10}
          data-testid="node-max-attempts"
          value={retries}
          onChange={(event) => {
            const maxAttempts = Math.min(10, Math.max(1, event.target.valueAsNumber || 1));
            const retry =
              maxAttempts > 1
                ? { delayMs: 1000, factor: 2, maxDelayMs: 60_000, ...spec.retry, maxAttempts }
                : undefined;
            onChange({ retry }, 'retry');
          }}
        />
      </label>
      <label className="field">
        <span>{t('node.timeoutMs')}</span>
        <input
          type="number"
          min={1}
          data-testid="node-timeout"
          value={spec.timeoutMs ?? ''}
          onChange={(event) =>
            onChange(
              { timeoutMs: event.target.value === '' ? undefined : event.target.valueAsNumber },
              'timeoutMs',
            )
          }
        />
      </label>
      <label className="field">
        <span>{t('node.notes')}</span>
        <textarea
          rows={3}
          data-testid="node-notes"
          value={spec.notes ?? ''}
          onChange={(event) => onChange({ notes: event.target.value || undefined }, 'notes')}
        />
      </label>
    </div>
  );
}
