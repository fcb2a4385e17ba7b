import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item } from '@sbss/sdk';
import { createPlatform, workflowInputSchema } from '@sbss/server';
import type { BenchResult } from './bench-kit.js';
import { repoRoot } from './child-server.js';

const total = Number(process.env.BENCH_MENTIONS ?? 100_000);
const batchSize = 2_000;
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 4);

/** The example stream repeated with fresh ids and urls until there are `count` mentions. */
function mentions(count: number): Item[] {
  const stream = readFileSync(join(repoRoot, 'examples/data/mentions-zh-en.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Item);
  return Array.from({ length: count }, (_, index) => {
    const mention = stream[index % stream.length] as Item;
    return { ...mention, id: `bench-${index}`, url: `https://bench.example/${index}` };
  });
}

const workflow = {
  name: 'pipeline bench',
  nodes: [
    { id: 'start', type: 'core/manual@1', params: {} },
    { id: 'watch', type: 'listening/monitor@1', params: { query: 'NOT lang:ja' } },
    { id: 'dedupe', type: 'listening/dedupe@1', params: { near: false } },
    { id: 'feel', type: 'scoring/sentiment@1', params: {} },
    { id: 'reach', type: 'scoring/influence@1', params: {} },
    {
      id: 'urgent',
      type: 'scoring/rules@1',
      params: {
        rules: [
          {
            name: 'negative',
            when: "{{ $json.sentiment.label === 'negative' }}",
            points: 60,
            target: 'urgency',
          },
          { name: 'big voice', when: '{{ $json.influence > 50 }}', points: 40, target: 'urgency' },
        ],
      },
    },
  ],
  edges: [
    { source: 'start', target: 'watch' },
    { source: 'watch', sourcePort: 'matched', target: 'dedupe' },
    { source: 'dedupe', target: 'feel' },
    { source: 'feel', target: 'reach' },
    { source: 'reach', target: 'urgent' },
  ],
};

/** Mentions that went through every node: each adds its own field. */
function countScored(items: Item[]): number {
  return items.filter(
    (item) => item.sentiment && typeof item.influence === 'number' && item.urgency !== undefined,
  ).length;
}

/**
 * 100,000 mentions through monitor → dedupe → sentiment → influence → rules, every plugin node
 * in its sandbox and every step stored, in executions of 2,000 mentions.
 */
export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbss-pipeline-'));
  const platform = createPlatform({ databaseFile: join(dataDir, 'sbss.db'), dataDir, onError: () => {} });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    // Parsed as the API parses it, so edges get their default ports.
    const { id } = await platform.store.workflows.create('default', workflowInputSchema.parse(workflow));
    const items = mentions(total);
    const warm = await platform.executions.run({
      workspaceId: 'default',
      workflowId: id,
      mode: 'manual',
      trigger: { items: items.slice(0, 200) },
    });
    if (warm.status !== 'succeeded') throw new Error(`Pipeline failed: ${JSON.stringify(warm.error)}`);
    const started = performance.now();
    let scored = 0;
    // Several executions in flight, as on a busy server: each plugin's isolate runs on its own
    // thread, so batches at different stages overlap.
    const offsets = Array.from({ length: Math.ceil(total / batchSize) }, (_, index) => index * batchSize);
    const worker = async () => {
      for (let offset = offsets.shift(); offset !== undefined; offset = offsets.shift()) {
        const outcome = await platform.executions.run({
          workspaceId: 'default',
          workflowId: id,
          mode: 'manual',
          trigger: { items: items.slice(offset, offset + batchSize) },
        });
        if (outcome.status !== 'succeeded')
          throw new Error(`Pipeline failed: ${JSON.stringify(outcome.error)}`);
        scored += countScored(outcome.output?.main ?? []);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    const seconds = (performance.now() - started) / 1000;
    return [
      {
        scenario: `pipeline, ${total.toLocaleString('en')} mentions`,
        figure: 'mentions/s in',
        unit: '/s',
        value: total / seconds,
      },
      {
        scenario: `pipeline, ${total.toLocaleString('en')} mentions`,
        figure: 'mentions scored out',
        unit: 'count',
        value: scored,
      },
      {
        scenario: `pipeline, ${total.toLocaleString('en')} mentions`,
        figure: 'peak resident memory',
        unit: 'MB',
        value: peak / 2 ** 20,
      },
    ];
  } finally {
    clearInterval(sampler);
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
