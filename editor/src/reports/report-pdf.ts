import { api } from '../api/client';

/**
 * Fetches the PDF before handing it to the browser, so that a server without Chromium (503)
 * shows its message on the page instead of an error document in a new tab.
 */
export async function downloadReportPdf(id: string): Promise<void> {
  const blob = await api.reportPdf(id);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${id.replace(/[^\w.-]/g, '_')}.pdf`;
  link.click();
  // The download has started from the URL by now; keep it a moment for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
