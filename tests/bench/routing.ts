import type { JsonObject, NodeContext, NodeDefinition } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
// The plugin is not a dependency of this package yet, hence the path into its workspace folder.
import crm from 'sbss-plugin-crm';
import { type BenchResult, rounds } from './bench-kit.js';

const owners = 50;
const openCases = 10_000;
const batch = Number(process.env.BENCH_ROUTING_BATCH ?? 1000);
const singles = Number(process.env.BENCH_ROUTING_SINGLES ?? 200);
const roundCount = Number(process.env.BENCH_ROUNDS ?? 5);
const now = new Date('2025-03-05T02:00:00Z');
const zones = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo'];
const languages = ['zh-Hans', 'zh-Hant', 'en', 'ja'];
const skills = ['billing', 'tech', 'delivery', 'returns', 'vip'];

function assignNode(): NodeDefinition {
  const node = crm.nodes.find((candidate) => candidate.id === 'assign');
  if (!node) throw new Error('crm/assign is missing');
  return node;
}
const assign = assignNode();

/** 50 members across five Asian zones, all within their working hours at `now` (10:00 in Shanghai). */
function members(): Record<string, JsonObject> {
  const entries = Array.from({ length: owners }, (_, n) => {
    const id = `m${String(n).padStart(2, '0')}`;
    return [
      id,
      {
        id,
        name: `Member ${n}`,
        active: true,
        skills: [skills[n % 5] ?? 'tech', skills[(n + 2) % 5] ?? 'tech'],
        languages: [languages[n % 4] ?? 'en'],
        regions: [n % 2 ? 'CN' : 'HK'],
        capacity: 1000,
        timeZone: zones[n % 5] ?? 'UTC',
        workingHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00' }],
      },
    ] satisfies [string, JsonObject];
  });
  return Object.fromEntries(entries);
}

function aCase(id: string, owner: string | null, n: number): JsonObject {
  return {
    id,
    contactId: null,
    topic: skills[n % 5] ?? 'general',
    subject: `Case ${n}`,
    status: 'open',
    priority: 'normal',
    owner,
    queue: null,
    slaDueAt: null,
    openedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    resolvedAt: null,
    escalationLevel: 0,
    lang: languages[n % 4] ?? 'en',
    region: n % 3 ? 'CN' : 'HK',
    skills: [skills[n % 5] ?? 'tech'],
    mentionIds: [],
    mentions: [],
    history: [],
  };
}

/** A workspace of 50 members, 10,000 open cases already owned, and `fresh` unowned cases to route. */
function workspace(fresh: number): Record<string, Record<string, JsonObject>> {
  const cases: Record<string, JsonObject> = {};
  for (let n = 0; n < openCases; n += 1)
    cases[`old${n}`] = aCase(`old${n}`, `m${String(n % owners).padStart(2, '0')}`, n);
  for (let n = 0; n < fresh; n += 1) cases[`new${n}`] = aCase(`new${n}`, null, n);
  return { members: members(), cases };
}

/**
 * Seeds the harness workspace inside the run, then times only the node's own run: the figure
 * is routing plus the in-memory store, without seeding.
 */
async function timedRun(params: JsonObject, fresh: number, perExecution: number): Promise<number> {
  const seed = workspace(fresh);
  let elapsed = 0;
  const node: NodeDefinition = {
    ...assign,
    async run(ctx: NodeContext) {
      for (const [name, records] of Object.entries(seed)) {
        for (const [key, data] of Object.entries(records)) await ctx.data.upsert(name, key, data);
      }
      const ids = Object.keys(seed.cases ?? {}).filter((key) => key.startsWith('new'));
      for (let start = 0; start < ids.length; start += perExecution) {
        const input = ids.slice(start, start + perExecution).map((id) => ({ case: { id } }));
        const began = performance.now();
        await assign.run({
          ...ctx,
          input: { main: input },
          paramsFor: () => ctx.params,
          idempotencyKey: (index) => `bench:${start + index}`,
        });
        elapsed += performance.now() - began;
      }
      return [];
    },
  };
  await runNode(node, { params, now });
  return fresh / (elapsed / 1000);
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const strategy of ['round-robin', 'least-loaded', 'match'] as const) {
    const params = { strategy, sticky: false };
    const batched = await rounds(roundCount, () => timedRun(params, batch, batch));
    const single = await rounds(roundCount, () => timedRun(params, singles, 1));
    results.push({
      scenario: `routing ${strategy}, ${owners} owners, ${openCases} open cases`,
      figure: `cases assigned per second (batches of ${batch})`,
      unit: 'cases/s',
      value: batched.median,
      spread: batched.spread,
      baseline: 'one case per execution',
      baselineValue: single.median,
    });
  }
  return results;
}
