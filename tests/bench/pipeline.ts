import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item, NodeDefinition, PluginDefinition } from '@sbss/sdk';
import { createPlatform, type Platform, workflowInputSchema } from '@sbss/server';
import listeningPlugin from 'sbss-plugin-listening';
import scoringPlugin from 'sbss-plugin-scoring';
import { type BenchResult, summarize } from './bench-kit.js';
import { repoRoot } from './child-server.js';

const total = Number(process.env.BENCH_MENTIONS ?? 100_000);
const batchSize = 2_000;
const inFlight = Number(process.env.BENCH_IN_FLIGHT ?? 4);
/** Each side's mentions go through in this many rounds, the two sides taking turns. */
const roundsPerSide = 4;
/** Mentions each side runs before its first round, so that both are compiled and warm when measured. */
const warmUp = 2 * batchSize;

const stream = readFileSync(join(repoRoot, 'examples/data/mentions-zh-en.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Item);

/**
 * Mentions `first` to `first + count - 1` of the example stream repeated with fresh ids and urls,
 * made when their execution starts: a server holds the mentions in flight, not a day's worth.
 */
function mentions(first: number, count: number): Item[] {
  return Array.from({ length: count }, (_, offset) => {
    const index = first + offset;
    const mention = stream[index % stream.length] as Item;
    return { ...mention, id: `bench-${index}`, url: `https://bench.example/${index}` };
  });
}

/** monitor → dedupe → sentiment → influence → rules, with the plugins registered as `listening` and `scoring`. */
function workflow(listening: string, scoring: string) {
  return {
    name: `pipeline bench (${listening}, ${scoring})`,
    nodes: [
      { id: 'start', type: 'core/manual@1', params: {} },
      { id: 'watch', type: `${listening}/monitor@1`, params: { query: 'NOT lang:ja' } },
      // A collection per side: each side's dedupe looks keys up among as many remembered ones.
      {
        id: 'dedupe',
        type: `${listening}/dedupe@1`,
        params: { near: false, collection: `dedupe-${listening}` },
      },
      { id: 'feel', type: `${scoring}/sentiment@1`, params: {} },
      { id: 'reach', type: `${scoring}/influence@1`, params: {} },
      {
        id: 'urgent',
        type: `${scoring}/rules@1`,
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
}

/** The same plugin's nodes registered to run in the server process, under another name. */
function inHost(plugin: PluginDefinition, name: string) {
  const nodes = plugin.nodes.map((node: NodeDefinition) => ({ ...node, runsInHost: true as const }));
  return { ...plugin, name, nodes };
}

/** Mentions that went through every node: each adds its own field. */
function countScored(items: Item[]): number {
  return items.filter(
    (item) => item.sentiment && typeof item.influence === 'number' && item.urgency !== undefined,
  ).length;
}

interface Side {
  workflowId: string;
  seconds: number;
  cpuMicros: number;
  /** The kernel's share of `cpuMicros`. */
  systemMicros: number;
  pageFaults: number;
  mentions: number;
  scored: number;
  rates: number[];
}

/** Runs `count` mentions from `first` on through the workflow in executions of `batchSize`, `inFlight` at a time. */
async function pass(platform: Platform, workflowId: string, first: number, count: number): Promise<number> {
  let scored = 0;
  const offsets = Array.from({ length: Math.ceil(count / batchSize) }, (_, index) => index * batchSize);
  const worker = async () => {
    for (let offset = offsets.shift(); offset !== undefined; offset = offsets.shift()) {
      const outcome = await platform.executions.run({
        workspaceId: 'default',
        workflowId,
        mode: 'manual',
        trigger: { items: mentions(first + offset, Math.min(batchSize, count - offset)) },
      });
      if (outcome.status !== 'succeeded')
        throw new Error(`Pipeline failed: ${JSON.stringify(outcome.error)}`);
      scored += countScored(outcome.output?.main ?? []);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return scored;
}

/**
 * `total` mentions through monitor → dedupe → sentiment → influence → rules, every step stored,
 * in executions of 2,000 mentions with 4 in flight: once with every plugin node in its sandbox,
 * and once with the same nodes run in the server process as the baseline. The two take turns in
 * rounds, so both see the same machine; CPU time counts every thread of the process (isolates,
 * SQLite, V8's helpers), which a busy shared machine disturbs less than the wall clock.
 */
export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbss-pipeline-'));
  const platform = createPlatform({ databaseFile: join(dataDir, 'sbss.db'), dataDir, onError: () => {} });
  platform.registry.registerHostPlugin(inHost(listeningPlugin, 'host-listening'));
  platform.registry.registerHostPlugin(inHost(scoringPlugin, 'host-scoring'));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const create = async (listening: string, scoring: string) =>
      // Parsed as the API parses it, so edges get their default ports.
      (
        await platform.store.workflows.create(
          'default',
          workflowInputSchema.parse(workflow(listening, scoring)),
        )
      ).id;
    const side = async (listening: string, scoring: string): Promise<Side> => ({
      workflowId: await create(listening, scoring),
      seconds: 0,
      cpuMicros: 0,
      systemMicros: 0,
      pageFaults: 0,
      mentions: 0,
      scored: 0,
      rates: [],
    });
    const sandboxed = await side('listening', 'scoring');
    const hosted = await side('host-listening', 'host-scoring');
    const roundSize = Math.ceil(total / roundsPerSide);
    // Every pass takes mentions of its own, so none is a duplicate of an earlier one.
    let next = 0;
    const take = (count: number) => {
      next += count;
      return next - count;
    };
    // The peak before the host side first runs is the sandboxed side's own.
    let sandboxedPeak = 0;
    for (let round = 0; round < roundsPerSide; round++) {
      for (const each of round % 2 === 0 ? [sandboxed, hosted] : [hosted, sandboxed]) {
        if (round === 0 && each === hosted) sandboxedPeak = Math.max(peak, process.memoryUsage().rss);
        if (round === 0) await pass(platform, each.workflowId, take(warmUp), warmUp);
        const cpu = process.cpuUsage();
        const faults = process.resourceUsage().minorPageFault;
        const started = performance.now();
        each.scored += await pass(platform, each.workflowId, take(roundSize), roundSize);
        const seconds = (performance.now() - started) / 1000;
        const used = process.cpuUsage(cpu);
        each.seconds += seconds;
        each.cpuMicros += used.user + used.system;
        each.systemMicros += used.system;
        each.pageFaults += process.resourceUsage().minorPageFault - faults;
        each.mentions += roundSize;
        each.rates.push(roundSize / seconds);
      }
    }
    const scenario = `pipeline, ${total.toLocaleString('en')} mentions`;
    const rate = (each: Side) => each.mentions / each.seconds;
    const perMention = (figure: string, unit: string, total: (each: Side) => number): BenchResult => ({
      scenario,
      figure,
      unit,
      value: total(sandboxed) / sandboxed.mentions,
      baseline: 'same nodes in the host',
      baselineValue: total(hosted) / hosted.mentions,
    });
    return [
      {
        scenario,
        figure: 'mentions/s in, sandboxed',
        unit: '/s',
        value: rate(sandboxed),
        spread: summarize(sandboxed.rates).spread,
        baseline: 'same nodes in the host',
        baselineValue: rate(hosted),
      },
      perMention('CPU time per mention, all threads', 'µs', (each) => each.cpuMicros),
      // Page faults cost about 11 µs each on the development machine, where they are most of the
      // system time; elsewhere they usually cost well under 1 µs.
      perMention('of which system time', 'µs', (each) => each.systemMicros),
      perMention('page faults per mention', 'count', (each) => each.pageFaults),
      {
        scenario,
        figure: 'mentions scored out, sandboxed',
        unit: 'count',
        value: sandboxed.scored,
        baseline: 'same nodes in the host',
        baselineValue: hosted.scored,
      },
      {
        scenario,
        figure: 'peak resident memory, sandboxed side (its first round)',
        unit: 'MB',
        value: sandboxedPeak / 2 ** 20,
      },
      {
        scenario,
        figure: 'peak resident memory, the whole run',
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
