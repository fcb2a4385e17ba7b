import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type BenchResult, residentBytes } from './bench-kit.js';
import { freePort, postJson, repoRoot, startSbss, stopChild, waitUntilUp } from './child-server.js';

const body = JSON.stringify({ followers: 5200, text: '客服太慢了' });
const connectionCounts = [1, 20, 100];
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 8);

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

async function load(url: string, connections: number, duration: number): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
  };
}

/** Warms up, then measures each connection count; memory is read at the end of each load. */
async function measure(url: string, pid: number) {
  await load(url, 20, 2);
  const figures = new Map<number, Load & { rss: number }>();
  for (const connections of connectionCounts) {
    const result = await load(url, connections, durationSeconds);
    figures.set(connections, { ...result, rss: await residentBytes(pid) });
  }
  return figures;
}

async function baseline() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(repoRoot, 'tests/bench/bare-hono.ts')],
    {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
      cwd: join(repoRoot, 'tests'),
    },
  );
  await waitUntilUp(`http://127.0.0.1:${port}/healthz`, started);
  try {
    return await measure(`http://127.0.0.1:${port}/hooks/hello`, child.pid ?? 0);
  } finally {
    await stopChild(child);
  }
}

async function platform() {
  const server = await startSbss();
  try {
    const workflow = JSON.parse(
      readFileSync(join(repoRoot, 'examples/workflows/hello-webhook.json'), 'utf8'),
    );
    const { id } = await postJson<{ id: string }>(`${server.url}/api/v1/workflows`, workflow);
    await postJson(`${server.url}/api/v1/workflows/${id}/activate`, {});
    const figures = await measure(`${server.url}/hooks/hello`, server.pid);
    const stored = (await (
      await fetch(`${server.url}/api/v1/executions?workflowId=${id}&limit=1`)
    ).json()) as {
      total: number;
    };
    return { figures, stored: stored.total };
  } finally {
    await server.stop();
  }
}

/** Webhook → set with two expressions, every execution and step stored, against a bare Hono route. */
export async function run(): Promise<BenchResult[]> {
  const bare = await baseline();
  const sbss = await platform();
  const results: BenchResult[] = [];
  for (const connections of connectionCounts) {
    const ours = sbss.figures.get(connections);
    const theirs = bare.get(connections);
    if (!ours || !theirs) continue;
    const scenario = `webhook c=${connections}`;
    const pair = (figure: string, unit: string, value: number, baselineValue: number) =>
      results.push({ scenario, figure, unit, value, baseline: 'bare Hono route', baselineValue });
    pair('requests/s', 'req/s', ours.requestsPerSecond, theirs.requestsPerSecond);
    pair('p50 latency', 'ms', ours.p50, theirs.p50);
    pair('p99 latency', 'ms', ours.p99, theirs.p99);
    pair('errors', 'count', ours.errors, theirs.errors);
    pair('resident memory', 'MB', ours.rss / 2 ** 20, theirs.rss / 2 ** 20);
  }
  results.push({ scenario: 'webhook', figure: 'executions stored', unit: 'count', value: sbss.stored });
  return results;
}
