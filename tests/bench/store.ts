import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatform, type Platform } from '@sbss/server';
import { type BenchResult, summarize } from './bench-kit.js';

const sizes = [10_000, 100_000, 1_000_000];
const batch = 2_000;

function uuidLike(index: number): string {
  return `00000000-0000-7000-8000-${index.toString(16).padStart(12, '0')}`;
}

/** Writes executions as the runtime does: create, running, two steps, finish; in group commits. */
async function write(platform: Platform, workflowId: string, from: number, to: number): Promise<void> {
  const { executions } = platform.store;
  for (let start = from; start < to; start += batch) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(to, start + batch); index += 1) {
      const id = uuidLike(index);
      const at = new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString();
      const trigger = { nodeId: 'hook', items: [{ followers: index, text: 'mention' }] };
      writes.push(
        executions.create({
          id,
          workspaceId: 'default',
          workflowId,
          version: 1,
          mode: 'webhook',
          status: 'running',
          trigger,
          startedAt: at,
        }),
      );
      for (const nodeId of ['hook', 'score']) {
        writes.push(
          executions.upsertStep(id, 'default', {
            nodeId,
            status: 'succeeded',
            attempts: 1,
            startedAt: at,
            finishedAt: at,
            input: { main: trigger.items },
            output: { main: [{ score: 1, text: 'mention' }] },
            logs: [],
          }),
        );
      }
      writes.push(
        executions.finish(id, { status: 'succeeded', output: { main: [{ score: 1 }] }, finishedAt: at }),
      );
    }
    await Promise.all(writes);
  }
}

function timeQueries(platform: Platform, workflowId: string, stored: number) {
  const { executions } = platform.store;
  const detail: number[] = [];
  const page: number[] = [];
  const filtered: number[] = [];
  for (let round = 0; round < 200; round += 1) {
    const id = uuidLike(Math.floor((round * 7919) % stored));
    let started = performance.now();
    executions.get('default', id);
    detail.push(performance.now() - started);
    started = performance.now();
    executions.list('default', { limit: 50 });
    page.push(performance.now() - started);
    started = performance.now();
    executions.list('default', { workflowId, status: 'succeeded', limit: 50 });
    filtered.push(performance.now() - started);
  }
  return { detail: summarize(detail), page: summarize(page), filtered: summarize(filtered) };
}

/** Executions written per second with their steps, and list/detail latency from 10k to 1M stored. */
export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbss-store-bench-'));
  const platform = createPlatform({ databaseFile: join(dataDir, 'sbss.db'), dataDir, onError: () => {} });
  const results: BenchResult[] = [];
  try {
    const { id: workflowId } = await platform.store.workflows.create('default', {
      name: 'bench',
      nodes: [],
      edges: [],
      stickyNotes: [],
      settings: {},
    });
    let stored = 0;
    let baseline: ReturnType<typeof timeQueries> | undefined;
    for (const size of sizes) {
      const started = performance.now();
      await write(platform, workflowId, stored, size);
      const perSecond = ((size - stored) / (performance.now() - started)) * 1000;
      stored = size;
      const times = timeQueries(platform, workflowId, stored);
      baseline ??= times;
      const scenario = `store, ${size.toLocaleString('en')} executions`;
      const vs = { baseline: '10,000 executions' };
      results.push(
        { scenario, figure: 'executions written with 2 steps', unit: '/s', value: perSecond },
        {
          scenario,
          figure: 'execution detail',
          unit: 'ms',
          value: times.detail.median,
          spread: times.detail.spread,
          ...vs,
          baselineValue: baseline.detail.median,
        },
        {
          scenario,
          figure: 'list page (50)',
          unit: 'ms',
          value: times.page.median,
          spread: times.page.spread,
          ...vs,
          baselineValue: baseline.page.median,
        },
        {
          scenario,
          figure: 'list by workflow + status',
          unit: 'ms',
          value: times.filtered.median,
          spread: times.filtered.spread,
          ...vs,
          baselineValue: baseline.filtered.median,
        },
      );
    }
    return results;
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
