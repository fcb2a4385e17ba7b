import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '@sbss/server';
import { type Browser, chromium, type Page } from 'playwright-core';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, not a browser build of Playwright's own: nothing is downloaded at test time.
 * A laptop without it skips the browser tests with this message; CI installs it, so there a
 * missing browser is a failure rather than a silent skip.
 */
export const browserMissing = existsSync(chromiumPath)
  ? undefined
  : `No Chromium at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH to run the browser tests.`;

if (browserMissing) {
  if (process.env.CI) throw new Error(browserMissing);
  console.warn(`Skipping browser tests. ${browserMissing}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The real server, serving the built editor, on a free port with a fresh data folder. */
export async function startEditorServer(): Promise<RunningServer & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbss-e2e-'));
  const server = await startServer({ port: 0, dataDir, examples: false, log: () => {} });
  const page = await fetch(server.url);
  if (!page.ok) {
    await server.close();
    throw new Error(`The server does not serve the editor (${page.status}): run \`pnpm build\` first.`);
  }
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Console errors and uncaught exceptions of a page, collected for a final "none" check. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

const artifactsRoot = fileURLToPath(new URL('../artifacts/e2e/', import.meta.url));

/** Numbered screenshots of one scenario, kept under tests/artifacts/e2e/<scenario>/. */
export function screenshots(page: Page, scenario: string) {
  const folder = join(artifactsRoot, scenario);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let step = 0;
  return async (name: string): Promise<void> => {
    step += 1;
    await page.screenshot({ path: join(folder, `${String(step).padStart(2, '0')}-${name}.png`) });
  };
}

export interface BrowserSession {
  serverUrl: string;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** The real server and a Chromium page on it, at a laptop-sized viewport. */
export async function openBrowserSession(): Promise<BrowserSession> {
  const server = await startEditorServer();
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  return {
    serverUrl: server.url,
    page,
    errors: collectPageErrors(page),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
