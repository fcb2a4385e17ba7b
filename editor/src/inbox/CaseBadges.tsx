import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import type { CaseStatus, CaseView, Priority } from './case-record';
import { dueSoonMs, formatSpan, slaState } from './sla';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge case-status-${status}`} data-status={status}>
      {t(`caseStatus.${status}`)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <span className={`priority priority-${priority}`} data-priority={priority}>
      {t(`priority.${priority}`)}
    </span>
  );
}

/** The SLA as a countdown, an overdue badge, or how it ended; the due time itself on hover. */
export function SlaBadge({ item, now, testId }: { item: CaseView; now: number; testId?: string }) {
  const { t, i18n } = useTranslation();
  const state = slaState(item, now);
  const title =
    state.kind === 'none' || state.kind === 'paused' ? undefined : formatDateTime(state.dueAt, i18n.language);
  let label: string;
  let tone: string = state.kind;
  if (state.kind === 'due') {
    label = t('sla.due', { time: formatSpan(state.ms, i18n.language) });
    if (state.ms <= dueSoonMs) tone = 'soon';
  } else if (state.kind === 'overdue') {
    label = t('sla.overdue', { time: formatSpan(state.ms, i18n.language) });
  } else {
    label = t(`sla.${state.kind}`);
  }
  return (
    <span
      className={`sla sla-${tone}`}
      data-testid={testId}
      data-sla={state.kind}
      title={title && t('sla.dueAt', { time: title })}
    >
      {label}
    </span>
  );
}
