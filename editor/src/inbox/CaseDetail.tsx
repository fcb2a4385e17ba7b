import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { CaseActions } from './CaseActions';
import { CaseStatusBadge, PriorityBadge, SlaBadge } from './CaseBadges';
import { CaseHistory } from './CaseHistory';
import { ContactCard } from './ContactCard';
import type { CaseChange } from './case-actions';
import type { CaseView, Contact } from './case-record';
import { MentionThread } from './MentionThread';
import { memberName, queueName, type Team } from './team';

interface CaseDetailProps {
  item: CaseView;
  contact: Contact | null | undefined;
  team: Team;
  now: number;
  actor: string;
  saving: boolean;
  onChange: (change: CaseChange, note: string) => Promise<boolean>;
}

export function CaseDetail({ item, contact, team, now, actor, saving, onChange }: CaseDetailProps) {
  const { t, i18n } = useTranslation();
  return (
    <article
      className="case-detail"
      data-testid="case-detail"
      data-case-id={item.id}
      data-status={item.status}
    >
      <header className="case-head">
        <div className="case-badges">
          <CaseStatusBadge status={item.status} />
          <PriorityBadge priority={item.priority} />
          <SlaBadge item={item} now={now} testId="case-sla" />
          {item.escalationLevel > 0 ? (
            <span className="badge escalated">
              {t('caseDetail.escalation', { level: item.escalationLevel })}
            </span>
          ) : null}
        </div>
        <h2>{item.subject || item.topic}</h2>
        <p className="muted small">
          <span className="mono">{item.id}</span> · {t('caseDetail.topic', { topic: item.topic })} ·{' '}
          {t('caseDetail.opened', { time: formatDateTime(item.openedAt, i18n.language) })}
        </p>
        <p className="case-assignee" data-testid="case-assignee">
          <span className="muted">{t('caseAction.owner')}</span>{' '}
          <b>{memberName(team, item.owner) ?? t('inbox.unassigned')}</b>
          <span className="muted"> · {t('caseAction.queue')}</span>{' '}
          <b>{queueName(team, item.queue) ?? '—'}</b>
        </p>
      </header>
      <div className="case-columns">
        <div className="case-main">
          <MentionThread item={item} />
          <CaseHistory item={item} team={team} />
        </div>
        <aside className="case-side">
          <CaseActions
            key={`${item.id}:${item.updatedAt}`}
            item={item}
            team={team}
            actor={actor}
            saving={saving}
            onChange={onChange}
          />
          <ContactCard item={item} contact={contact} />
        </aside>
      </div>
    </article>
  );
}
