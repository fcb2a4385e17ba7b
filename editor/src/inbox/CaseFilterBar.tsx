import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { type CaseFilters, defaultFilters } from './case-filters';
import { type CaseStatus, caseStatuses, priorities, priorityOf } from './case-record';
import type { Team } from './team';

interface CaseFilterBarProps {
  filters: CaseFilters;
  onChange: (filters: CaseFilters) => void;
  counts: Record<CaseStatus, number> | undefined;
  team: Team;
}

/** Owner filter values: a member id, `''` for anyone, and this marker for "nobody". */
const unassigned = '\u0000unassigned';

export function CaseFilterBar({ filters, onChange, counts, team }: CaseFilterBarProps) {
  const { t, i18n } = useTranslation();
  const set = (patch: Partial<CaseFilters>) => onChange({ ...filters, ...patch });
  const statusTab = (status: CaseStatus | '', label: string, count?: number) => (
    <button
      key={status || 'all'}
      type="button"
      role="tab"
      aria-selected={filters.status === status}
      className={filters.status === status ? 'on' : ''}
      data-testid={`case-filter-status-${status || 'all'}`}
      onClick={() => set({ status })}
    >
      {label}
      {count !== undefined ? <span className="count">{formatNumber(count, i18n.language)}</span> : null}
    </button>
  );
  return (
    <div className="case-filters">
      <div className="segmented" role="tablist" aria-label={t('inbox.statusFilter')}>
        {caseStatuses.map((status) => statusTab(status, t(`caseStatus.${status}`), counts?.[status]))}
        {statusTab('', t('inbox.allStatuses'))}
      </div>
      <select
        aria-label={t('inbox.priority')}
        data-testid="case-filter-priority"
        value={filters.priority}
        onChange={(event) => set({ priority: priorityOf(event.target.value) ?? '' })}
      >
        <option value="">{t('inbox.anyPriority')}</option>
        {priorities.map((priority) => (
          <option key={priority} value={priority}>
            {t(`priority.${priority}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('inbox.owner')}
        data-testid="case-filter-owner"
        value={filters.owner === null ? unassigned : filters.owner}
        onChange={(event) => set({ owner: event.target.value === unassigned ? null : event.target.value })}
      >
        <option value="">{t('inbox.anyOwner')}</option>
        <option value={unassigned}>{t('inbox.unassigned')}</option>
        {team.members.map((member) => (
          <option key={member.id} value={member.id}>
            {member.name}
          </option>
        ))}
      </select>
      <select
        aria-label={t('inbox.queue')}
        data-testid="case-filter-queue"
        value={filters.queue}
        onChange={(event) => set({ queue: event.target.value })}
      >
        <option value="">{t('inbox.anyQueue')}</option>
        {team.queues.map((queue) => (
          <option key={queue.id} value={queue.id}>
            {queue.name}
          </option>
        ))}
      </select>
      <label className="check">
        <input
          type="checkbox"
          data-testid="case-filter-overdue"
          checked={filters.overdueOnly}
          onChange={(event) =>
            set(event.target.checked ? { overdueOnly: true, status: 'open' } : { overdueOnly: false })
          }
        />
        {t('inbox.overdueOnly')}
      </label>
      {JSON.stringify(filters) !== JSON.stringify(defaultFilters) ? (
        <button
          type="button"
          className="link"
          data-testid="case-filter-clear"
          onClick={() => onChange(defaultFilters)}
        >
          {t('inbox.clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
