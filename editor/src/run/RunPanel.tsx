import { useTranslation } from 'react-i18next';
import type { Execution, Item } from '../api/contract';
import { StatusBadge } from '../app/StatusBadge';
import { durationBetween, formatDuration } from '../i18n/format';
import { addedFields } from './added-fields';
import { ItemsView } from './ItemsView';
import { StepError } from './StepError';
import { parseItems } from './sample-input';

interface RunPanelProps {
  sample: string;
  onSample: (text: string) => void;
  onRun: (items: Item[], stopAfter?: string) => void;
  running: boolean;
  selected: { id: string; name: string } | undefined;
  execution: Execution | undefined;
  /** Items that started the run on screen (its trigger's output), to pin as the sample. */
  startItems: Item[] | undefined;
  output: Record<string, Item[]> | undefined;
}

export function RunPanel({
  sample,
  onSample,
  onRun,
  running,
  selected,
  execution,
  startItems,
  output,
}: RunPanelProps) {
  const { t, i18n } = useTranslation();
  const parsed = parseItems(sample);
  const duration = durationBetween(execution?.startedAt, execution?.finishedAt);
  // What the workflow added to the items that started it, such as the scores, comes first.
  const added = startItems ? addedFields(startItems, Object.values(output ?? {}).flat()) : undefined;
  return (
    <section className="panel run-panel" data-testid="run-panel">
      <h2>{t('run.title')}</h2>
      <label className="field">
        <span>{t('run.sample')}</span>
        <textarea
          className="mono"
          rows={8}
          data-testid="run-input"
          placeholder='[{ "text": "..." }]'
          value={sample}
          onChange={(event) => onSample(event.target.value)}
        />
      </label>
      {parsed.ok ? (
        <small className="muted">{t('run.itemCount', { count: parsed.items.length })}</small>
      ) : (
        <div className="field-error" data-testid="run-input-error">
          {t(`run.invalid.${parsed.reason}`)}
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="run-start"
          disabled={!parsed.ok || running}
          onClick={() => parsed.ok && onRun(parsed.items)}
        >
          {running ? t('run.running') : t('run.run')}
        </button>
        {selected ? (
          <button
            type="button"
            data-testid="run-to-node"
            disabled={!parsed.ok || running}
            onClick={() => parsed.ok && onRun(parsed.items, selected.id)}
          >
            {t('run.runTo', { name: selected.name })}
          </button>
        ) : null}
        {startItems?.length ? (
          <button
            type="button"
            data-testid="run-pin"
            onClick={() => onSample(JSON.stringify(startItems, null, 2))}
          >
            {t('run.pin')}
          </button>
        ) : null}
      </div>
      {execution ? (
        <div className="run-result" data-testid="run-result">
          <div className="detail-head">
            <StatusBadge status={execution.status} testId="run-status" />
            {duration !== undefined ? (
              <span className="muted">{formatDuration(duration, i18n.language)}</span>
            ) : null}
            <code className="muted" data-testid="run-execution-id">
              {execution.id}
            </code>
          </div>
          {execution.error ? <StepError error={execution.error} testId="run-error" /> : null}
          {output
            ? Object.entries(output).map(([port, items]) => (
                <div key={port}>
                  <div className="port-name">{t('run.output', { port })}</div>
                  <ItemsView items={items} testId={`run-output-${port}`} added={added} />
                </div>
              ))
            : null}
        </div>
      ) : null}
    </section>
  );
}
