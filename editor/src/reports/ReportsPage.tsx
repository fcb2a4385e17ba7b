import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { routeHref } from '../app/hash-route';
import { useListed } from '../app/use-listed';
import { formatShortDateTime } from '../i18n/format';
import { ReportViewer } from './ReportViewer';
import { formatPeriod } from './report-period';
import './reports.css';

/** Reports that workflows rendered (`reporting/render@1`): a list, and the opened one beside it. */
export function ReportsPage({ reportId }: { reportId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { items, reload } = useListed(api.listReports);
  const opened = items?.find((item) => item.id === reportId);
  return (
    <section className="page reports" data-testid="reports-page">
      <div className="page-head">
        <h1>{t('reports.title')}</h1>
        <div className="actions">
          <button type="button" data-testid="reports-refresh" onClick={() => void reload()}>
            {t('reports.refresh')}
          </button>
        </div>
      </div>
      {items === undefined ? <p className="muted">{t('common.loading')}</p> : null}
      {items?.length === 0 ? (
        <p className="empty" data-testid="reports-empty">
          {t('reports.empty')}
        </p>
      ) : null}
      {items && items.length > 0 ? (
        <div className="reports-body">
          <ul className="report-list" data-testid="report-list">
            {items.map((item) => {
              const period = formatPeriod(item.period, i18n.language);
              return (
                <li key={item.id}>
                  <a
                    href={routeHref({ page: 'reports', reportId: item.id })}
                    className={`report-row ${item.id === reportId ? 'on' : ''}`}
                    data-testid={`report-row-${item.id}`}
                    aria-current={item.id === reportId ? 'true' : undefined}
                  >
                    <strong>{item.title}</strong>
                    <span className="muted small">
                      {period ? `${period} · ` : ''}
                      {formatShortDateTime(item.createdAt, i18n.language)}
                    </span>
                    {item.summary ? <span className="report-summary">{item.summary}</span> : null}
                  </a>
                </li>
              );
            })}
          </ul>
          <div className="report-pane">
            {opened ? <ReportViewer report={opened} /> : null}
            {!reportId ? <p className="empty">{t('reports.pick')}</p> : null}
            {reportId && !opened ? (
              <p className="empty" data-testid="report-missing">
                {t('reports.notFound', { id: reportId })}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
