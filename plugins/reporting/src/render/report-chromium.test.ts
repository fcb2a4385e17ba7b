import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '@sbss/sdk/testing';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { aggregateNode } from '../nodes/aggregate.js';
import { renderNode } from '../nodes/render.js';
import { sampleWeek } from '../testing/sample-week.test-support.js';
import { seededData, withData } from '../testing/seeded-data.test-support.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = existsSync(chromiumPath)
  ? undefined
  : `No Chromium at ${chromiumPath}: skipping the report screenshot test.`;
if (missing) console.warn(missing);

// Kept for people to look at (git-ignored): tests/artifacts/reports/ at the repository root.
const artifacts = fileURLToPath(new URL('../../../../tests/artifacts/reports/', import.meta.url));

async function weeklyReportHtml(language: 'en' | 'zh-Hans'): Promise<string> {
  const now = new Date('2025-03-08T00:00:00Z');
  const metrics = ['volume', 'sentiment', 'shareOfVoice', 'topAuthors', 'topTopics', 'trend', 'cases'];
  const aggregate = await runNode(withData(aggregateNode, seededData(sampleWeek())), {
    params: { metrics },
    now,
  });
  const params = {
    title: language === 'en' ? 'Weekly brand health report' : '品牌健康周报',
    subtitle:
      language === 'en'
        ? 'Acme vs Globex and Initech · all channels'
        : 'Acme 对比 Globex 与 Initech · 全渠道',
    language,
    includeHtml: true,
  };
  const { output } = await runNode(renderNode, { input: aggregate.output.main ?? [], params, now });
  return String(output.main?.[0]?.html);
}

describe.skipIf(missing)('rendered report in Chromium', () => {
  it('lays out charts and tables within the page, on screen and on A4 paper', {
    timeout: 60_000,
  }, async () => {
    mkdirSync(artifacts, { recursive: true });
    const browser = await chromium.launch({
      executablePath: chromiumPath,
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
      for (const language of ['en', 'zh-Hans'] as const) {
        const html = await weeklyReportHtml(language);
        writeFileSync(join(artifacts, `weekly-${language}.html`), html);
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        const errors: string[] = [];
        page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
        page.on('pageerror', (error) => void errors.push(error.message));
        page.on(
          'request',
          (request) => void (request.url().startsWith('http') && errors.push(`fetched ${request.url()}`)),
        );
        await page.setContent(html, { waitUntil: 'load' });

        const layout = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          charts: [...document.querySelectorAll('figure svg')].map(
            (svg) => svg.getBoundingClientRect().height,
          ),
          kpis: document.querySelectorAll('.kpi').length,
        }));
        expect(errors).toEqual([]);
        expect(layout.overflow).toBeLessThanOrEqual(0);
        expect(layout.charts).toHaveLength(5);
        for (const height of layout.charts) expect(height).toBeGreaterThan(150);
        expect(layout.kpis).toBe(6);
        await page.screenshot({ path: join(artifacts, `weekly-${language}.png`), fullPage: true });

        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
        writeFileSync(join(artifacts, `weekly-${language}.pdf`), pdf);
        const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(3);
        // The width of A4 paper between the @page margins (186 mm at 96 dpi).
        await page.setViewportSize({ width: 703, height: 1000 });
        await page.screenshot({ path: join(artifacts, `weekly-${language}-print.png`), fullPage: true });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
