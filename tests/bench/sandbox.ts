import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Item, type NodeContext, type NodeDefinition, normalizeResult } from '@sbss/sdk';
import {
  buildPlugin,
  createExpressionEvaluator,
  type GrantedCapabilities,
  installPlugin,
  PluginHost,
  type PluginPackage,
  readPluginPackageDir,
} from '@sbss/server';
import scoringPlugin from 'sbss-plugin-scoring';
import { repoRoot } from './child-server.js';
import { noopNode, scoreNode, scoreWithFieldsNode } from './fixtures/bench-nodes.js';

export type BenchResult = {
  scenario: string;
  figure: string;
  unit: string;
  value: number;
  spread?: number;
  baseline?: string;
  baselineValue?: number;
};

const benchNodes = fileURLToPath(new URL('./fixtures/bench-nodes.ts', import.meta.url));

const pluginSource = `
import { definePlugin } from '@sbss/sdk';
import { noopNode, scoreNode, scoreWithFieldsNode } from ${JSON.stringify(benchNodes)};
export default definePlugin({ name: 'bench', version: '1.0.0', nodes: [noopNode, scoreNode, scoreWithFieldsNode] });
`;

const words = [
  'love',
  'great',
  'broken',
  'refund',
  'the',
  'phone',
  'battery',
  'camera',
  'bad',
  'good',
  'store',
  'delivery',
];
const mentions = (count: number): Item[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    author: { name: `user${i}`, followers: i * 37 },
    text: Array.from({ length: 24 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' '),
  }));

const capabilities = {} as GrantedCapabilities;

/**
 * One side of a comparison. Each call gets items of its own, copied before the timed block: the
 * engine hands a node the items the step before built, so reusing one array would give the host
 * run objects warm in its caches and the sandbox a JSON text the server keeps per array.
 */
interface Side {
  call(items: Item[]): Promise<unknown>;
  items: Item[];
}

/** Milliseconds per call over `iterations` calls in a row, each on fresh copies of the items. */
async function msPerCall(iterations: number, side: Side): Promise<number> {
  const text = JSON.stringify(side.items);
  const copies = Array.from({ length: iterations }, () => JSON.parse(text) as Item[]);
  const started = performance.now();
  for (const items of copies) await side.call(items);
  return (performance.now() - started) / iterations;
}

/** Calls per second over `rounds` rounds of `iterations` calls: median, and max − min as spread. */
async function rate(iterations: number, side: Side, rounds = 5): Promise<{ value: number; spread: number }> {
  await msPerCall(Math.min(200, iterations), side);
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) rates.push(1000 / (await msPerCall(iterations, side)));
  return {
    value: Math.round(median(rates)),
    spread: Math.round(Math.max(...rates) - Math.min(...rates)),
  };
}

/**
 * The same work in the sandbox and in the host, measured in alternating blocks so both see the
 * same machine: this shared 2-core box drifts by a fifth within seconds, which skews a ratio of
 * two rates taken one after the other. Gives each side's median rate and the median of the
 * per-round ratios, with its spread (max − min).
 */
async function paired(
  iterations: number,
  sandbox: Side,
  host: Side,
  rounds = 15,
): Promise<{ sandbox: number; host: number; ratio: number; spread: number }> {
  await msPerCall(Math.min(200, iterations), sandbox);
  await msPerCall(Math.min(200, iterations), host);
  const sandboxTimes: number[] = [];
  const hostTimes: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // Alternating which goes first cancels a drift within the round.
    const [first, second] = round % 2 === 0 ? [sandbox, host] : [host, sandbox];
    const a = await msPerCall(iterations, first);
    const b = await msPerCall(iterations, second);
    const [inSandbox, inHost] = round % 2 === 0 ? [a, b] : [b, a];
    sandboxTimes.push(inSandbox);
    hostTimes.push(inHost);
    ratios.push(inSandbox / inHost);
  }
  return {
    sandbox: Math.round(1000 / median(sandboxTimes)),
    host: Math.round(1000 / median(hostTimes)),
    ratio: round(median(ratios), 2),
    spread: round(Math.max(...ratios) - Math.min(...ratios), 2),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The host run parses params once per call, as the sandbox runtime does. */
function inHost(node: NodeDefinition, items: Item[], params: Record<string, unknown>): Side {
  return {
    items,
    call: async (fresh) => {
      const parsed = node.params.parse(params);
      const ctx = {
        params: parsed,
        input: { main: fresh },
        paramsFor: () => parsed,
      } as unknown as NodeContext;
      return normalizeResult(await node.run(ctx));
    },
  };
}

/** The call the server makes: the node's declared `reads` come from the plugin's manifest. */
function inSandbox(
  host: PluginHost,
  plugin: PluginPackage,
  node: string,
  items: Item[],
  params: Record<string, unknown>,
): Side {
  const reads = plugin.manifest.nodes.find((entry) => `${entry.id}@${entry.version}` === node)?.reads;
  return {
    items,
    call: (fresh) =>
      host.run(plugin.bundle, {
        ...(reads ? { reads } : {}),
        node,
        params,
        itemParams: { main: fresh.map(() => params) },
        input: { main: fresh },
        ids: { executionId: 'bench', workflowId: 'bench', workspaceId: 'bench', nodeId: 'n' },
        now: new Date(),
        capabilities,
      }),
  };
}

export async function run(): Promise<BenchResult[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'sbss-bench-'));
  try {
    const dir = join(scratch, 'plugin');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'sbss-plugin-bench', version: '1.0.0', type: 'module' }),
    );
    writeFileSync(join(dir, 'src', 'index.ts'), pluginSource);
    await buildPlugin(dir);
    const results: BenchResult[] = [];

    const installStarted = performance.now();
    const installed = await installPlugin(dir, { dataDir: join(scratch, 'data') });
    const installMs = performance.now() - installStarted;
    const firstStarted = performance.now();
    const plugin = readPluginPackageDir(installed.dir);
    const host = new PluginHost();
    const first = inSandbox(host, plugin, 'noop@1', mentions(1), {});
    await first.call(first.items);
    const firstCallMs = performance.now() - firstStarted;
    results.push(
      {
        scenario: 'sandbox: freshly installed plugin',
        figure: 'time to first call',
        unit: 'ms',
        value: round(firstCallMs),
      },
      {
        scenario: 'sandbox: plugin install (verify, copy)',
        figure: 'install time',
        unit: 'ms',
        value: round(installMs),
      },
    );

    for (const count of [1, 100]) {
      const items = mentions(count);
      const sandbox = await rate(count === 1 ? 5_000 : 1_000, inSandbox(host, plugin, 'noop@1', items, {}));
      const native = await rate(
        count === 1 ? 5_000 : 1_000,
        inHost(noopNode as unknown as NodeDefinition, items, {}),
      );
      results.push({
        scenario: `no-op node, ${count} item${count === 1 ? '' : 's'}`,
        figure: 'calls/s (sandbox)',
        unit: 'calls/s',
        ...sandbox,
        baseline: 'same node in the host',
        baselineValue: native.value,
      });
      if (count === 1) {
        results.push({
          scenario: 'no-op node, 1 item',
          figure: 'time per sandbox call',
          unit: 'µs',
          value: round(1e6 / sandbox.value),
        });
      }
    }

    const items = mentions(100);
    const params = {
      lexicon: { love: 2, great: 2, good: 1, bad: -1, broken: -2, refund: -2 },
      field: 'score',
    };
    const score = await paired(
      100,
      inSandbox(host, plugin, 'score@1', items, params),
      inHost(scoreNode as unknown as NodeDefinition, items, params),
    );
    results.push(...comparison('keyword scoring of 100 mentions', score));
    // The same scoring with items copied by withFields: the host run loses the spread's cost.
    const scoreWithFields = await paired(
      100,
      inSandbox(host, plugin, 'score-with-fields@1', items, params),
      inHost(scoreWithFieldsNode as unknown as NodeDefinition, items, params),
    );
    results.push(...comparison('keyword scoring of 100 mentions, withFields', scoreWithFields));

    // The shipped sentiment node (Chinese and English models) on 100 mentions of the example stream.
    const scoring = readPluginPackageDir(join(repoRoot, 'plugins/scoring'));
    const sentiment = scoringPlugin.nodes.find((node) => node.id === 'sentiment') as NodeDefinition;
    const stream = exampleMentions(100);
    const feel = await paired(
      40,
      inSandbox(host, scoring, 'sentiment@1', stream, {}),
      inHost(sentiment, stream, {}),
    );
    results.push(...comparison('scoring/sentiment@1 on 100 example mentions', feel));
    // The same node on 1,000 mentions a call, nearer the pipeline's batches: the isolate's cold
    // start is paid once a call (README, "Where a sentiment call's extra time goes").
    const stream1000 = exampleMentions(1_000);
    const feel1000 = await paired(
      6,
      inSandbox(host, scoring, 'sentiment@1', stream1000, {}),
      inHost(sentiment, stream1000, {}),
    );
    results.push(...comparison('scoring/sentiment@1 on 1,000 example mentions', feel1000));
    host.dispose();

    const evaluator = createExpressionEvaluator();
    const context = {
      nodes: {},
      execution: { id: 'e', workflowId: 'w', mode: 'manual' as const },
      workflow: { id: 'w', name: 'bench', version: 1 },
      vars: {},
      now: new Date().toISOString(),
    };
    const expressions = await rate(500, {
      items,
      call: (fresh) =>
        evaluator.resolve(
          { followers: '{{ $json.author.followers * 2 }}', tag: 'mention {{ $json.id }}' },
          context,
          fresh,
        ),
    });
    evaluator.dispose();
    results.push({
      scenario: 'expressions, 2 per item over 100 items',
      figure: 'evaluations/s',
      unit: 'evaluations/s',
      value: expressions.value * 200,
      spread: expressions.spread * 200,
    });
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function comparison(
  scenario: string,
  measured: { sandbox: number; host: number; ratio: number; spread: number },
): BenchResult[] {
  return [
    {
      scenario,
      figure: 'calls/s (sandbox)',
      unit: 'calls/s',
      value: measured.sandbox,
      baseline: 'same node in the host',
      baselineValue: measured.host,
    },
    {
      scenario,
      figure: 'sandbox time ÷ host time, median of paired rounds',
      unit: '×',
      value: measured.ratio,
      spread: measured.spread,
    },
  ];
}

/** The first `count` mentions of the example stream (examples/data). */
function exampleMentions(count: number): Item[] {
  return readFileSync(join(repoRoot, 'examples/data/mentions-zh-en.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .slice(0, count)
    .map((line) => JSON.parse(line) as Item);
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
