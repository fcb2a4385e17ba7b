import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../api/contract';
import { routeHref } from '../app/hash-route';
import { formatDateTime } from '../i18n/format';
import { type CaseView, type HistoryEntry, priorityOf, statusOf } from './case-record';
import { authorOf, timeFields } from './history-entry';
import { memberName, queueName, type Team } from './team';

const knownActions = new Set([
  'opened',
  'appended',
  'assigned',
  'escalated',
  'sla-warning',
  'reassigned',
  'pending',
  'resolved',
  'reopened',
  'resumed',
  'reprioritized',
]);
const knownFields = new Set([
  'owner',
  'queue',
  'status',
  'priority',
  'slaDueAt',
  'resolvedAt',
  'escalationLevel',
]);

function useValueText(team: Team) {
  const { t, i18n } = useTranslation();
  return (field: string, value: JsonValue): string => {
    if (value === null || value === '') return t('caseDetail.none');
    if (typeof value !== 'string') return JSON.stringify(value);
    if (timeFields.has(field)) return formatDateTime(value, i18n.language);
    if (field === 'owner') return memberName(team, value) ?? value;
    if (field === 'queue') return queueName(team, value) ?? value;
    const status = field === 'status' ? statusOf(value) : undefined;
    if (status) return t(`caseStatus.${status}`);
    const priority = field === 'priority' ? priorityOf(value) : undefined;
    return priority ? t(`priority.${priority}`) : value;
  };
}

function Byline({ by, team }: { by: string; team: Team }) {
  const { t } = useTranslation();
  const author = authorOf(by);
  if (author.kind === 'user') return <span className="by-user">{memberName(team, author.who)}</span>;
  if (author.kind === 'workflow')
    return (
      <a href={routeHref({ page: 'editor', workflowId: author.workflowId })} className="by-workflow">
        {t('caseDetail.byWorkflow', { workflow: author.workflowId })} · {author.nodeId}
      </a>
    );
  return <span>{author.text}</span>;
}

function Entry({ entry, team }: { entry: HistoryEntry; team: Team }) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText(team);
  const action = knownActions.has(entry.action)
    ? t(`historyAction.${entry.action as 'opened'}`)
    : entry.action;
  return (
    <li className={`history-entry action-${entry.action}`} data-action={entry.action}>
      <div className="history-head">
        <strong>{action}</strong>
        <Byline by={entry.by} team={team} />
        <span className="muted small">{formatDateTime(entry.at, i18n.language)}</span>
      </div>
      {entry.reason && entry.reason !== entry.action ? (
        <p className="history-reason">{entry.reason}</p>
      ) : null}
      {entry.changes ? (
        <ul className="changes">
          {Object.entries(entry.changes).map(([field, change]) => (
            <li key={field}>
              <span className="muted">
                {knownFields.has(field) ? t(`caseField.${field as 'owner'}`) : field}
              </span>{' '}
              <s>{valueText(field, change.from)}</s> → <b>{valueText(field, change.to)}</b>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Every change to the case, newest first. */
export function CaseHistory({ item, team }: { item: CaseView; team: Team }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="case-history">
      <h3>{t('caseDetail.history')}</h3>
      {item.history.length === 0 ? <p className="muted">{t('caseDetail.noHistory')}</p> : null}
      <ol className="history">
        {item.history
          .map((entry, position) => ({ entry, position }))
          .reverse()
          .map(({ entry, position }) => (
            <Entry key={position} entry={entry} team={team} />
          ))}
      </ol>
    </section>
  );
}
