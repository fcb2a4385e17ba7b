import { useTranslation } from 'react-i18next';
import { dismiss, useNotices } from './notices';

export function NoticeBar() {
  const { t } = useTranslation();
  const notices = useNotices();
  if (notices.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          data-testid={`notice-${notice.kind}`}
          role="alert"
        >
          <span>
            {notice.code ? <code>{notice.code}</code> : null} {notice.text}
          </span>
          <button
            type="button"
            className="link"
            onClick={() => dismiss(notice.id)}
            aria-label={t('common.dismiss')}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
