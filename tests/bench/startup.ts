import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchResult, summarize } from './bench-kit.js';
import { postJson, repoRoot, startSbss } from './child-server.js';

const activeWorkflows = 100;
const template = JSON.parse(readFileSync(join(repoRoot, 'examples/workflows/hello-webhook.json'), 'utf8'));

/** A data directory holding `count` active webhook workflows. */
async function prepare(count: number): Promise<string> {
  const server = await startSbss();
  for (let index = 0; index < count; index += 1) {
    const workflow = structuredClone(template);
    workflow.name = `hook ${index}`;
    workflow.nodes[0].params.path = `hook-${index}`;
    const { id } = await postJson<{ id: string }>(`${server.url}/api/v1/workflows`, workflow);
    await postJson(`${server.url}/api/v1/workflows/${id}/activate`, {});
  }
  await server.stop();
  return server.dataDir;
}

/** Starts on `dataDir`; returns [ms to /healthz, ms to the first webhook answered]. */
async function boot(dataDir: string, hookPath: string | undefined): Promise<[number, number]> {
  const started = performance.now();
  const server = await startSbss({}, dataDir);
  try {
    if (!hookPath) return [server.startupMs, server.startupMs];
    await postJson(`${server.url}/hooks/${hookPath}`, { followers: 10, text: 'first' });
    return [server.startupMs, performance.now() - started];
  } finally {
    await server.stop();
  }
}

/** Time from process start to /healthz and to the first webhook answer, with 100 active workflows. */
export async function run(): Promise<BenchResult[]> {
  const loaded = await prepare(activeWorkflows);
  const empty = await prepare(0);
  const healthy: number[] = [];
  const firstHook: number[] = [];
  const emptyHealthy: number[] = [];
  await boot(loaded, undefined);
  for (let round = 0; round < 5; round += 1) {
    const [health, hook] = await boot(loaded, `hook-${activeWorkflows - 1}`);
    healthy.push(health);
    firstHook.push(hook);
    emptyHealthy.push((await boot(empty, undefined))[0]);
  }
  const scenario = `startup, ${activeWorkflows} active workflows`;
  const baseline = summarize(emptyHealthy);
  const figure = (name: string, values: number[]): BenchResult => {
    const { median, spread } = summarize(values);
    return {
      scenario,
      figure: name,
      unit: 'ms',
      value: median,
      spread,
      baseline: 'empty data dir',
      baselineValue: baseline.median,
    };
  };
  return [figure('to /healthz', healthy), figure('to first webhook answered', firstHook)];
}
