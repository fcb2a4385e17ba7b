import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ExecutionSummary } from '../api/contract';
import { notifyError } from '../app/notices';
import { StatusBadge } from '../app/StatusBadge';
import { durationBetween, formatDateTime, formatDuration, formatNumber } from '../i18n/format';

const statuses = ['', 'running', 'succeeded', 'failed', 'cancelled', 'queued'] as const;

interface ExecutionsPanelProps {
  workflowId: string;
  openedId: string | undefined;
  onOpen: (id: string) => void;
  /** Changes after every run, so the list refreshes. */
  refreshKey: number;
}

export function ExecutionsPanel({ workflowId, openedId, onOpen, refreshKey }: ExecutionsPanelProps) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState('');
  const [items, setItems] = useState<ExecutionSummary[]>([]);
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | undefined>();

  const load = useCallback(
    async (from?: string) => {
      try {
        const page = await api.listExecutions({ workflowId, status, limit: 25, cursor: from });
        setItems((current) => (from ? [...current, ...page.items] : page.items));
        setTotal(page.total);
        setCursor(page.nextCursor ?? undefined);
      } catch (error) {
        notifyError(error);
      }
    },
    [workflowId, status],
  );

  useEffect(() => {
    void refreshKey;
    void load();
  }, [load, refreshKey]);

  return (
    <section className="panel executions-panel" data-testid="executions-panel">
      <h2>{t('executions.title')}</h2>
      <div className="filters">
        <label>
          <span>{t('executions.status')}</span>
          <select
            data-testid="executions-status-filter"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {s ? t(`status.${s}`) : t('executions.all')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="executions-refresh" onClick={() => void load()}>
          {t('executions.refresh')}
        </button>
        <span className="muted" data-testid="executions-total">
          {t('executions.total', { count: total, formatted: formatNumber(total, i18n.language) })}
        </span>
      </div>
      {items.length === 0 ? <p className="muted">{t('executions.none')}</p> : null}
      <ul className="execution-list" data-testid="executions-list">
        {items.map((item) => {
          const duration = durationBetween(item.startedAt, item.finishedAt);
          return (
            <li key={item.id}>
              <button
                type="button"
                className={`execution-row ${openedId === item.id ? 'on' : ''}`}
                data-testid={`execution-row-${item.id}`}
                onClick={() => onOpen(item.id)}
              >
                <StatusBadge status={item.status} />
                <span>{formatDateTime(item.startedAt, i18n.language)}</span>
                <span className="muted">v{item.version}</span>
                {duration !== undefined ? (
                  <span className="muted">{formatDuration(duration, i18n.language)}</span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {cursor ? (
        <button type="button" data-testid="executions-more" onClick={() => void load(cursor)}>
          {t('executions.more')}
        </button>
      ) : null}
    </section>
  );
}
