import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format';
import { useActingUser } from './acting-user';
import { CaseDetail } from './CaseDetail';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseList } from './CaseList';
import { caseListLimit, visibleCases } from './case-filters';
import { useInbox } from './use-inbox';
import { useNow } from './use-now';
import './inbox.css';

/** The built-in CRM's cases: filter, open one, and reassign, pend, resolve or reprioritize it. */
export function InboxPage({ caseId }: { caseId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const inbox = useInbox(caseId);
  const [actor, setActor] = useActingUser();
  const now = useNow();
  const shown = inbox.cases && visibleCases(inbox.cases, inbox.filters, now);
  const opened = inbox.opened;
  return (
    <section className="page inbox" data-testid="inbox-page">
      <div className="page-head">
        <h1>{t('inbox.title')}</h1>
        <div className="actions">
          <label className="actor">
            <span>{t('inbox.actingAs')}</span>
            <input
              type="text"
              list="inbox-members"
              data-testid="inbox-actor"
              placeholder={t('inbox.actingAsPlaceholder')}
              value={actor}
              onChange={(event) => setActor(event.target.value)}
            />
            <datalist id="inbox-members">
              {inbox.team.members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </datalist>
          </label>
          <button type="button" data-testid="inbox-refresh" onClick={() => void inbox.refresh()}>
            {t('inbox.refresh')}
          </button>
        </div>
      </div>
      <CaseFilterBar
        filters={inbox.filters}
        onChange={inbox.setFilters}
        counts={inbox.counts}
        team={inbox.team}
      />
      <div className="inbox-body">
        <div className="inbox-list">
          {shown === undefined ? (
            <p className="muted">{t('common.loading')}</p>
          ) : (
            <>
              <p className="muted small list-count" data-testid="cases-shown">
                {t('inbox.shown', {
                  count: shown.length,
                  formatted: formatNumber(shown.length, i18n.language),
                })}
                {inbox.cases?.length === caseListLimit
                  ? ` · ${t('inbox.limited', { formatted: formatNumber(caseListLimit, i18n.language) })}`
                  : ''}
              </p>
              <CaseList items={shown} openedId={caseId} now={now} team={inbox.team} />
            </>
          )}
        </div>
        <div className="inbox-detail">
          {!caseId ? <p className="empty">{t('inbox.pick')}</p> : null}
          {opened?.state === 'loading' ? <p className="muted">{t('common.loading')}</p> : null}
          {opened?.state === 'missing' ? (
            <p className="empty" data-testid="case-missing">
              {t('inbox.notFound', { id: caseId })}
            </p>
          ) : null}
          {opened?.state === 'loaded' ? (
            <CaseDetail
              item={opened.item}
              contact={opened.contact}
              team={inbox.team}
              now={now}
              actor={actor}
              saving={inbox.saving}
              onChange={(change, note) =>
                inbox.change(opened.item.id, change, { who: actor.trim(), at: new Date(), note })
              }
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}
