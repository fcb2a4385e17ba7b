import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseChange } from './case-actions';
import { type CaseStatus, type CaseView, priorities, priorityOf } from './case-record';
import type { Team } from './team';

interface CaseActionsProps {
  item: CaseView;
  team: Team;
  /** Who acts; nothing can change until the user has said. */
  actor: string;
  saving: boolean;
  onChange: (change: CaseChange, note: string) => Promise<boolean>;
}

/** The status moves a case allows: pending and resolve from work, reopen after resolving. */
function statusMoves(
  status: CaseStatus,
): { to: CaseStatus; label: 'pending' | 'resolve' | 'reopen' | 'resume' }[] {
  if (status === 'resolved') return [{ to: 'open', label: 'reopen' }];
  const moves = [{ to: 'resolved' as const, label: 'resolve' as const }];
  return status === 'pending'
    ? [{ to: 'open', label: 'resume' }, ...moves]
    : [{ to: 'pending', label: 'pending' }, ...moves];
}

export function CaseActions({ item, team, actor, saving, onChange }: CaseActionsProps) {
  const { t } = useTranslation();
  const [owner, setOwner] = useState(item.owner ?? '');
  const [queue, setQueue] = useState(item.queue ?? '');
  const [note, setNote] = useState('');
  const locked = saving || !actor.trim();
  const submit = async (change: CaseChange) => {
    if (await onChange(change, note)) setNote('');
  };
  const moved = owner !== (item.owner ?? '') || queue !== (item.queue ?? '');
  return (
    <section className="card case-actions" data-testid="case-actions">
      <h3>
        {t('caseAction.title')}
        {saving ? <span className="muted small"> {t('caseAction.saving')}</span> : null}
      </h3>
      {!actor.trim() ? (
        <p className="hint" data-testid="case-need-actor">
          {t('inbox.needActor')}
        </p>
      ) : null}
      <div className="action-grid">
        <label>
          <span>{t('caseAction.owner')}</span>
          <select data-testid="case-owner" value={owner} onChange={(event) => setOwner(event.target.value)}>
            <option value="">{t('inbox.unassigned')}</option>
            {team.members.map((member) => (
              <option key={member.id} value={member.id} disabled={!member.active && member.id !== item.owner}>
                {member.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('caseAction.queue')}</span>
          <select data-testid="case-queue" value={queue} onChange={(event) => setQueue(event.target.value)}>
            <option value="">{t('inbox.noQueue')}</option>
            {team.queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button
        type="button"
        className="primary wide"
        data-testid="case-reassign"
        disabled={locked || !moved}
        onClick={() => void submit({ kind: 'reassign', owner: owner || null, queue: queue || null })}
      >
        {t('caseAction.reassign')}
      </button>
      <div className="action-row">
        <span className="action-label">{t('caseAction.status')}</span>
        <div className="button-group" data-testid="case-status" data-status={item.status}>
          {statusMoves(item.status).map((move) => (
            <button
              key={move.label}
              type="button"
              className={move.to === 'resolved' ? 'ok' : ''}
              data-testid={`case-status-${move.label}`}
              disabled={locked}
              onClick={() => void submit({ kind: 'status', status: move.to })}
            >
              {t(`caseAction.${move.label}`)}
            </button>
          ))}
        </div>
      </div>
      <label className="action-row">
        <span className="action-label">{t('caseAction.priority')}</span>
        <select
          data-testid="case-priority"
          value={item.priority}
          disabled={locked}
          onChange={(event) => {
            const priority = priorityOf(event.target.value);
            if (priority) void submit({ kind: 'priority', priority });
          }}
        >
          {priorities.map((priority) => (
            <option key={priority} value={priority}>
              {t(`priority.${priority}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="note">
        <span>{t('caseAction.note')}</span>
        <textarea
          rows={2}
          data-testid="case-note"
          placeholder={t('caseAction.notePlaceholder')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
    </section>
  );
}
