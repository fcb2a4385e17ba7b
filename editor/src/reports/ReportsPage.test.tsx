// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { ReportSummary } from '../api/contract';
import { initI18n } from '../i18n/i18n';
import { ReportsPage } from './ReportsPage';

const weekly: ReportSummary = {
  id: 'rp_weekly',
  title: 'Weekly share of voice',
  createdAt: '2025-03-10T01:00:00.000Z',
  period: { since: '2025-03-03T00:00:00.000Z', until: '2025-03-10T00:00:00.000Z' },
  summary: 'Mentions 1,284',
  workflowId: null,
};

vi.mock('../api/client', () => ({
  api: {
    listReports: vi.fn(async () => ({ items: [weekly] })),
    reportHtmlUrl: (id: string) => `/api/v1/reports/${id}/html`,
    reportPdfUrl: (id: string) => `/api/v1/reports/${id}/pdf`,
    reportPdf: vi.fn(async () => {
      throw new ApiError(503, { code: 'UNAVAILABLE', message: 'PDF rendering needs Chromium' });
    }),
  },
}));

beforeAll(() => {
  initI18n('en');
});

afterEach(cleanup);

describe('ReportsPage', () => {
  it('lists stored reports with their period', async () => {
    render(<ReportsPage reportId={undefined} />);
    const row = await screen.findByTestId('report-row-rp_weekly');
    expect(row.textContent).toContain('Weekly share of voice');
    expect(row.textContent).toMatch(/Mar 3\s–\s9, 2025/);
    expect(screen.queryByTestId('report-frame')).toBeNull();
  });

  it('opens a report in a frame that may run nothing', async () => {
    render(<ReportsPage reportId="rp_weekly" />);
    const frame = await screen.findByTestId('report-frame');
    expect(frame.getAttribute('src')).toBe('/api/v1/reports/rp_weekly/html');
    expect(frame.getAttribute('sandbox')).toBe('');
  });

  it('shows the server’s message when it cannot print a PDF', async () => {
    render(<ReportsPage reportId="rp_weekly" />);
    fireEvent.click(await screen.findByTestId('report-pdf'));
    const error = await screen.findByTestId('report-pdf-error');
    expect(error.textContent).toBe('No PDF: PDF rendering needs Chromium');
  });
});
