import { useTranslation } from 'react-i18next';
import { routeHref } from '../app/hash-route';
import { formatDateTime, formatRelative } from '../i18n/format';
import { CaseStatusBadge, PriorityBadge, SlaBadge } from './CaseBadges';
import type { CaseView } from './case-record';
import { memberName, queueName, type Team } from './team';

interface CaseListProps {
  items: CaseView[];
  openedId: string | undefined;
  now: number;
  team: Team;
}

export function CaseList({ items, openedId, now, team }: CaseListProps) {
  const { t, i18n } = useTranslation();
  if (items.length === 0)
    return (
      <p className="empty" data-testid="cases-empty">
        {t('inbox.empty')}
      </p>
    );
  return (
    <ul className="case-list" data-testid="case-list">
      {items.map((item) => (
        <li key={item.id}>
          <a
            href={routeHref({ page: 'inbox', caseId: item.id })}
            className={`case-row ${item.id === openedId ? 'on' : ''}`}
            data-testid={`case-row-${item.id}`}
            aria-current={item.id === openedId ? 'true' : undefined}
          >
            <span className="case-row-top">
              <PriorityBadge priority={item.priority} />
              <strong className="case-subject">{item.subject || item.topic}</strong>
              <SlaBadge item={item} now={now} />
            </span>
            <span className="case-row-meta">
              <CaseStatusBadge status={item.status} />
              <span className="tag">{item.topic}</span>
              <span className="case-owner" data-testid="case-row-owner">
                {memberName(team, item.owner) ?? t('inbox.unassigned')}
                {item.queue ? <span className="muted"> · {queueName(team, item.queue)}</span> : null}
              </span>
              <time
                className="muted case-row-time"
                dateTime={item.updatedAt}
                title={formatDateTime(item.updatedAt, i18n.language)}
              >
                {formatRelative(item.updatedAt, now, i18n.language)}
              </time>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
