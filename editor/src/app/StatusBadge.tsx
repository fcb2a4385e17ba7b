import { useTranslation } from 'react-i18next';

const known = new Set(['queued', 'running', 'succeeded', 'failed', 'cancelled', 'skipped', 'waiting']);

export function StatusBadge({ status, testId }: { status: string; testId?: string }) {
  const { t } = useTranslation();
  const label = known.has(status) ? t(`status.${status as 'queued'}`) : status;
  return (
    <span className={`badge status-${status}`} data-testid={testId} data-status={status}>
      {label}
    </span>
  );
}
