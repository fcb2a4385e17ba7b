import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { ReportSummary } from '../api/contract';
import { formatShortDateTime } from '../i18n/format';
import { downloadReportPdf } from './report-pdf';
import { formatPeriod } from './report-period';

type PdfState = { state: 'idle' } | { state: 'preparing' } | { state: 'failed'; message: string };

/**
 * One report in a frame. The server sends it with a CSP that forbids scripts and loads; the
 * empty `sandbox` also gives it an opaque origin, so it can reach neither the editor nor the API.
 */
export function ReportViewer({ report }: { report: ReportSummary }) {
  const { t, i18n } = useTranslation();
  const [pdf, setPdf] = useState<PdfState>({ state: 'idle' });
  const period = formatPeriod(report.period, i18n.language);
  const html = api.reportHtmlUrl(report.id);
  const printPdf = async () => {
    setPdf({ state: 'preparing' });
    try {
      await downloadReportPdf(report.id);
      setPdf({ state: 'idle' });
    } catch (error) {
      setPdf({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <article className="report-viewer" data-testid="report-viewer" data-report-id={report.id}>
      <header className="report-head">
        <div>
          <h2>{report.title}</h2>
          <p className="muted small">
            {period ? `${period} · ` : ''}
            {formatShortDateTime(report.createdAt, i18n.language)}
          </p>
        </div>
        <div className="actions">
          <a className="button" href={html} target="_blank" rel="noopener" data-testid="report-open-tab">
            {t('reports.newTab')} ↗
          </a>
          <a
            className="button primary"
            href={api.reportPdfUrl(report.id)}
            data-testid="report-pdf"
            aria-busy={pdf.state === 'preparing'}
            onClick={(event) => {
              event.preventDefault();
              if (pdf.state !== 'preparing') void printPdf();
            }}
          >
            {pdf.state === 'preparing' ? t('reports.pdfPreparing') : t('reports.pdf')}
          </a>
        </div>
      </header>
      {pdf.state === 'failed' ? (
        <p className="report-error" role="alert" data-testid="report-pdf-error">
          {t('reports.pdfFailed', { message: pdf.message })}
        </p>
      ) : null}
      <iframe
        key={report.id}
        className="report-frame"
        data-testid="report-frame"
        title={t('reports.frameTitle', { title: report.title })}
        src={html}
        sandbox=""
        referrerPolicy="no-referrer"
      />
    </article>
  );
}
