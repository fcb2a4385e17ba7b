import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { TestServer } from './server-harness.js';
import type { startMailPeer, startWebPeer } from './template-peers.js';
import { hubspotToken, robotSecret } from './template-peers.js';

/** The 3,000 sample mentions, pushed to a template's intake webhook as one batch. */
export const sampleMentions = readFileSync(
  fileURLToPath(new URL('../../examples/data/mentions-zh-en.jsonl', import.meta.url)),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown>);

export type Item = Record<string, unknown> & {
  case?: { id: string; priority: string; owner?: string };
};
export type RunResult = { executionId: string; status: string; error?: unknown };
export type CaseRecord = {
  key: string;
  data: {
    topic: string;
    priority: string;
    owner: string | null;
    queue: string;
    slaDueAt: string;
    escalationLevel: number;
  };
};

type Peers = {
  mail: Awaited<ReturnType<typeof startMailPeer>>;
  web: Awaited<ReturnType<typeof startWebPeer>>;
};

/** Credentials for every credential a template lists, pointing at the loopback peers. */
export async function createCredentials(
  server: TestServer,
  credentials: { name: string; type: string }[],
  { mail, web }: Peers,
): Promise<void> {
  for (const { name, type } of credentials) {
    const data =
      type === 'smtp'
        ? { host: '127.0.0.1', port: String(mail.port), secure: 'false' }
        : type === 'hubspot-token'
          ? { token: hubspotToken, baseUrl: `${web.url}/hubspot` }
          : { url: robotUrl(web.url, name), secret: robotSecret };
    const created = await server.call('POST', '/api/v1/credentials', { name, type, data });
    if (created.status !== 201) throw new Error(`credential ${name}: ${JSON.stringify(created.body)}`);
  }
}

function robotUrl(base: string, name: string): string {
  if (name.includes('dingtalk')) return `${base}/dingtalk/robot/send?access_token=test-token`;
  if (name.includes('feishu')) return `${base}/feishu/open-apis/bot/v2/hook/test-hook`;
  if (name.includes('wecom')) return `${base}/wecom/cgi-bin/webhook/send?key=test-key`;
  return `${base}/slack/services/T000/B000/test`;
}

/** Installs a bundled template through the API and returns the workflow id. */
export async function install(
  server: TestServer,
  name: string,
  params: Record<string, unknown>,
): Promise<{ id: string; credentials: { name: string; type: string }[] }> {
  const list = await server.call<{ items: { id: string; credentials: { name: string; type: string }[] }[] }>(
    'GET',
    '/api/v1/templates',
  );
  const entry = list.body.items.find((item) => item.id === name);
  if (!entry) throw new Error(`no bundled template ${name}`);
  const installed = await server.call<{ id: string; version: number }>('POST', '/api/v1/templates/install', {
    name,
    params: { serverUrl: server.url, ...params },
  });
  if (installed.status !== 201) throw new Error(`install ${name}: ${JSON.stringify(installed.body)}`);
  return { id: installed.body.id, credentials: entry.credentials };
}

export async function run(server: TestServer, id: string, startNodeId: string, items: unknown[] = [{}]) {
  const result = await server.call<RunResult>('POST', `/api/v1/workflows/${id}/run`, { startNodeId, items });
  return result.body;
}

/** What one node emitted on a port in an execution. */
export async function outputOf(server: TestServer, executionId: string, nodeId: string, port = 'main') {
  const execution = await server.call<{ steps: { nodeId: string; output?: Record<string, Item[]> }[] }>(
    'GET',
    `/api/v1/executions/${executionId}`,
  );
  return execution.body.steps.find((step) => step.nodeId === nodeId)?.output?.[port] ?? [];
}

export async function records<T>(server: TestServer, collection: string, limit = 1000): Promise<T[]> {
  const answer = await server.call<{ items: T[] }>(
    'GET',
    `/api/v1/collections/${collection}/records?limit=${limit}`,
  );
  return answer.body.items;
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumMissing = existsSync(chromiumPath) ? undefined : `No Chromium at ${chromiumPath}`;
const artifacts = fileURLToPath(new URL('../artifacts/templates/', import.meta.url));

/** Opens the report's HTML page in Chromium and keeps a full-page screenshot. */
export async function screenshotReport(server: TestServer, reportId: string, file: string) {
  if (chromiumMissing) {
    console.warn(`${chromiumMissing}: skipping the screenshot of ${file}`);
    return undefined;
  }
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
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const response = await page.goto(`${server.url}/api/v1/reports/${reportId}/html`);
    const heading = await page.locator('h1').first().textContent();
    const charts = await page.locator('svg').count();
    await page.screenshot({ path: `${artifacts}${file}`, fullPage: true });
    return { status: response?.status(), heading, charts };
  } finally {
    await browser.close();
  }
}
