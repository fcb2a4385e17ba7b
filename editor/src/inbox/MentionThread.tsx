import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import type { CaseView } from './case-record';

/** The mentions that opened and fed the case, oldest first, as a conversation reads. */
export function MentionThread({ item }: { item: CaseView }) {
  const { t, i18n } = useTranslation();
  const earlier = Array.isArray(item.data.mentionIds)
    ? item.data.mentionIds.length - item.mentions.length
    : 0;
  return (
    <section className="card" data-testid="case-mentions">
      <h3>
        {t('caseDetail.mentions')} <span className="count">{item.mentions.length}</span>
      </h3>
      {earlier > 0 ? (
        <p className="muted small">{t('caseDetail.olderMentions', { count: earlier })}</p>
      ) : null}
      {item.mentions.length === 0 ? <p className="muted">{t('caseDetail.noMentions')}</p> : null}
      <ol className="thread">
        {item.mentions.map((mention) => (
          <li
            key={`${mention.source}:${mention.id}`}
            className="mention"
            data-testid={`case-mention-${mention.id}`}
          >
            <div className="mention-head">
              <span className="avatar" aria-hidden="true">
                {(mention.authorName ?? mention.source).slice(0, 1).toUpperCase()}
              </span>
              <strong>{mention.authorName ?? '—'}</strong>
              <span className="tag">{mention.source}</span>
              <span className="muted small">{formatDateTime(mention.publishedAt, i18n.language)}</span>
            </div>
            <p className="mention-text">{mention.text}</p>
            <div className="mention-foot">
              {mention.sentiment ? (
                <span className={`sentiment sentiment-${mention.sentiment}`}>{mention.sentiment}</span>
              ) : null}
              {mention.urgency !== undefined ? (
                <span className="muted small">{t('caseDetail.urgency', { value: mention.urgency })}</span>
              ) : null}
              {mention.url ? (
                <a href={mention.url} target="_blank" rel="noopener noreferrer">
                  {t('caseDetail.openOriginal')} ↗
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
