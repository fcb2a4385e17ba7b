import { useTranslation } from 'react-i18next';
import type { CaseView, Contact } from './case-record';

export function ContactCard({ item, contact }: { item: CaseView; contact: Contact | null | undefined }) {
  const { t } = useTranslation();
  const rows: [string, string][] = contact
    ? [
        [t('caseDetail.emails'), contact.emails.join(', ')],
        [t('caseDetail.phones'), contact.phones.join(', ')],
        [t('caseDetail.region'), contact.region ?? ''],
        [t('caseDetail.language'), contact.lang ?? ''],
      ]
    : [];
  return (
    <section className="card" data-testid="case-contact">
      <h3>{t('caseDetail.contact')}</h3>
      {!item.contactId ? <p className="muted">{t('caseDetail.noContact')}</p> : null}
      {item.contactId && contact === undefined ? <p className="muted">{t('common.loading')}</p> : null}
      {item.contactId && contact === null ? (
        <p className="muted">{t('caseDetail.contactMissing', { id: item.contactId })}</p>
      ) : null}
      {contact ? (
        <>
          <p className="contact-name">
            <strong>{contact.name ?? contact.id}</strong>{' '}
            <span className="muted small mono">{contact.id}</span>
          </p>
          <dl className="facts">
            {rows
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            {contact.handles.length > 0 ? (
              <div>
                <dt>{t('caseDetail.handles')}</dt>
                <dd>
                  {contact.handles.map((handle) => (
                    <span key={`${handle.platform}:${handle.handle}`} className="tag">
                      {handle.platform}: {handle.handle}
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
        </>
      ) : null}
    </section>
  );
}
