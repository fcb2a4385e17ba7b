import { existsSync } from 'node:fs';
import { SbssError } from '../engine/index.js';

/** Where Chromium is, if anywhere: reports render to PDF only where a browser is installed. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.SBSS_CHROMIUM_PATH,
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
}

/**
 * Prints a report's HTML to an A4 PDF in headless Chromium. The page gets no network: the
 * report is self-contained, and a report built from user data must not fetch anything.
 */
export async function renderPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new SbssError(
      'UNAVAILABLE',
      'PDF rendering needs Chromium; set SBSS_CHROMIUM_PATH or install chromium',
    );
  }
  // Loaded on first use: most servers never print a report, and the module is large.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
