import type { Item, PortItems } from '@sbss/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noteDerivation } from '../engine/item-derivation.js';
import { notePairing } from '../engine/item-lineage.js';
import { workflowInputSchema } from '../engine/model.js';
import type { StepRecord } from '../engine/ports.js';
import { openDatabase } from './database.js';
import { listQueries } from './execution-list.js';
import { createExecutionStatements } from './execution-statements.js';
import type { ExecutionFinish, ExecutionStatus, NewExecution, Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

const minute = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * minute).toISOString();

describe('execution repository', () => {
  let temp: TempStore;
  let store: Store;
  let workflowId: string;
  let otherWorkflowId: string;

  const newExecution = (
    id: string,
    minutes: number,
    overrides: Partial<NewExecution> = {},
  ): NewExecution => ({
    id,
    workspaceId: 'default',
    workflowId,
    version: 1,
    mode: 'webhook',
    status: 'queued',
    trigger: { nodeId: 'hook', items: [{ body: { id } }] },
    createdAt: at(minutes),
    ...overrides,
  });
  const step = (nodeId: string, minutes: number, overrides: Partial<StepRecord> = {}): StepRecord => ({
    nodeId,
    status: 'running',
    attempts: 1,
    startedAt: at(minutes),
    input: { main: [{ n: minutes }] },
    logs: [],
    ...overrides,
  });

  beforeEach(async () => {
    temp = openTempStore();
    store = temp.store;
    await store.workspaces.create({ id: 'acme', name: 'Acme' });
    const workflow = workflowInputSchema.parse({
      name: 'w',
      nodes: [{ id: 'hook', type: 'core/webhook@1' }],
    });
    workflowId = (await store.workflows.create('default', workflow)).id;
    otherWorkflowId = (await store.workflows.create('default', workflow)).id;
  });
  afterEach(() => temp.remove());

  it('stores the trigger items durably before create resolves', async () => {
    await store.executions.create(newExecution('e1', 0));
    const row = temp.raw((db) =>
      db
        .prepare(
          'select status, node_id, items from executions join execution_triggers on execution_id = id where id = ?',
        )
        .get('e1'),
    );
    expect(row).toEqual({
      status: 'queued',
      node_id: 'hook',
      items: JSON.stringify([{ body: { id: 'e1' } }]),
    });
  });

  it('pages newest first with a cursor, with the same total on every page', async () => {
    // Two executions share a creation time: the id breaks the tie, so none is skipped or repeated.
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    await Promise.all(
      ids.map((id, index) => store.executions.create(newExecution(id, index === 6 ? 5 : index))),
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = store.executions.list('default', { limit: 3, cursor });
      expect(page.total).toBe(7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
  });

  it("pages a workflow's executions newest first across their statuses", async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    // 'g' shares its creation time with 'f' and stays queued.
    await Promise.all(ids.map((id, index) => store.executions.create(newExecution(id, Math.min(index, 5)))));
    await store.executions.create(newExecution('other', 3, { workflowId: otherWorkflowId }));
    const finished: [string, ExecutionFinish['status']][] = [
      ['a', 'succeeded'],
      ['b', 'failed'],
      ['c', 'succeeded'],
      ['d', 'cancelled'],
      ['e', 'failed'],
      ['f', 'succeeded'],
    ];
    await Promise.all(
      finished.map(([id, status]) => store.executions.finish(id, { status, finishedAt: at(9) })),
    );

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = store.executions.list('default', { workflowId, limit: 2, cursor });
      expect(page.total).toBe(7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
  });

  it('filters by workflow and status, and counts only what matches', async () => {
    await store.executions.create(newExecution('q1', 1));
    await store.executions.create(newExecution('s1', 2));
    await store.executions.create(newExecution('o1', 3, { workflowId: otherWorkflowId }));
    await store.executions.finish('s1', { status: 'succeeded', finishedAt: at(3) });

    const byWorkflow = store.executions.list('default', { workflowId });
    expect(byWorkflow.items.map((item) => item.id)).toEqual(['s1', 'q1']);
    expect(byWorkflow.total).toBe(2);

    const byStatus = store.executions.list('default', { status: 'queued' });
    expect(byStatus.items.map((item) => item.id)).toEqual(['o1', 'q1']);
    expect(byStatus.total).toBe(2);

    const both = store.executions.list('default', { workflowId, status: 'succeeded' as ExecutionStatus });
    expect(both).toEqual({
      items: [expect.objectContaining({ id: 's1', finishedAt: at(3) })],
      total: 1,
      nextCursor: null,
    });
  });

  it('rejects a cursor it did not hand out', () => {
    expect(() => store.executions.list('default', { cursor: 'not-a-cursor' })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
  });

  it('marks an execution running once and keeps its first start time', async () => {
    await store.executions.create(newExecution('e1', 0));
    await store.executions.markRunning('e1', at(1));
    await store.executions.markRunning('e1', at(5));
    expect(store.executions.get('default', 'e1')).toMatchObject({ status: 'running', startedAt: at(1) });
  });

  it('does not bring a finished execution back to running', async () => {
    await store.executions.create(newExecution('e1', 0));
    await store.executions.finish('e1', { status: 'cancelled', finishedAt: at(1) });
    await store.executions.markRunning('e1', at(2));
    expect(store.executions.get('default', 'e1')?.status).toBe('cancelled');
  });

  it('finishes with output or error', async () => {
    await store.executions.create(newExecution('ok', 0));
    await store.executions.create(newExecution('bad', 1));
    await store.executions.finish('ok', {
      status: 'succeeded',
      output: { main: [{ x: 1 }] },
      finishedAt: at(2),
    });
    await store.executions.finish('bad', {
      status: 'failed',
      error: { code: 'NODE_FAILED', message: 'boom' },
      finishedAt: at(3),
    });

    expect(store.executions.get('default', 'ok')).toMatchObject({
      output: { main: [{ x: 1 }] },
      finishedAt: at(2),
    });
    expect(store.executions.get('default', 'bad')).toMatchObject({
      error: { code: 'NODE_FAILED', message: 'boom' },
    });
    await expect(
      store.executions.finish('missing', { status: 'failed', finishedAt: at(4) }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('upserts one step per node and returns steps in the order they started', async () => {
    await store.executions.create(newExecution('e1', 0, { status: 'running', startedAt: at(0) }));
    await store.executions.upsertStep('e1', 'default', step('second', 2));
    await store.executions.upsertStep('e1', 'default', step('first', 1));
    await store.executions.upsertStep(
      'e1',
      'default',
      step('first', 1, {
        status: 'failed',
        attempts: 3,
        finishedAt: at(2),
        output: { error: [{ n: 1 }] },
        error: { code: 'NODE_TIMEOUT', message: 'slow' },
        logs: [{ level: 'warn', message: 'retrying', at: at(1) }],
      }),
    );

    const steps = store.executions.getSteps('e1');
    expect(steps.map(({ nodeId, status, attempts }) => ({ nodeId, status, attempts }))).toEqual([
      { nodeId: 'first', status: 'failed', attempts: 3 },
      { nodeId: 'second', status: 'running', attempts: 1 },
    ]);
    expect(steps[0]).toEqual({
      nodeId: 'first',
      status: 'failed',
      attempts: 3,
      startedAt: at(1),
      finishedAt: at(2),
      input: { main: [{ n: 1 }] },
      output: { error: [{ n: 1 }] },
      error: { code: 'NODE_TIMEOUT', message: 'slow' },
      logs: [{ level: 'warn', message: 'retrying', at: at(1) }],
      // Equal values in the output item at the input item's position: taken as made from it.
      lineage: { inputs: {}, paired: { error: [0] } },
    });
    expect(store.executions.get('default', 'e1')?.steps).toEqual(steps);
  });

  it("stores a step's input that is an earlier step's output as a reference, and reads the items back", async () => {
    await store.executions.create(newExecution('e1', 0, { status: 'running', startedAt: at(0) }));
    const matched = [{ n: 1 }, { n: 2 }];
    const finished = { status: 'succeeded' as const, finishedAt: at(2) };
    await store.executions.upsertStep(
      'e1',
      'default',
      step('watch', 1, { ...finished, output: { matched } }),
    );
    await store.executions.upsertStep(
      'e1',
      'default',
      step('score', 2, { ...finished, input: { main: matched } }),
    );
    await store.executions.create(newExecution('e2', 0));
    await store.executions.upsertStep('e2', 'default', step('other', 3, { input: { main: matched } }));

    const stored = temp.raw((db) =>
      db.prepare('select node_id, input from execution_steps order by node_id').all(),
    );
    expect(stored).toContainEqual({ node_id: 'score', input: '{"main":{"step":"watch","port":"matched"}}' });
    expect(stored).toContainEqual({ node_id: 'other', input: JSON.stringify({ main: matched }) });
    expect(store.executions.getSteps('e1').find((s) => s.nodeId === 'score')?.input).toEqual({
      main: matched,
    });
  });

  it("stores a plugin's output as its differences from the step's input, and reads the items back", async () => {
    await store.executions.create(newExecution('e1', 0, { status: 'running', startedAt: at(0) }));
    const finished = { status: 'succeeded' as const, finishedAt: at(2) };
    const mentions = [
      { id: 'a', text: 'great' },
      { id: 'b', text: 'awful' },
    ];
    // As expandOutput rebuilds a plugin's answer: one item passed on, one with a field added.
    const watchInput = { main: mentions };
    const matched = [mentions[1] as Item];
    noteDerivation(matched, { input: watchInput, from: [1], changes: [{}] });
    await store.executions.upsertStep(
      'e1',
      'default',
      step('watch', 1, { ...finished, input: watchInput, output: { matched } }),
    );
    const scoreInput = { main: matched };
    const scored = [
      { ...mentions[1], sentiment: 'negative' },
      { id: 'c', text: 'new' },
    ];
    noteDerivation(scored, {
      input: scoreInput,
      from: [0, -1],
      changes: [{ sentiment: 'negative' }, scored[1]],
    });
    await store.executions.upsertStep(
      'e1',
      'default',
      step('score', 2, { ...finished, input: scoreInput, output: { main: scored } }),
    );
    // A disabled node hands its input array on: its derivation is from another step's input, and
    // the array is the score step's.
    await store.executions.upsertStep(
      'e1',
      'default',
      step('skip', 3, { ...finished, input: { main: [{ n: 9 }] }, output: { main: scored } }),
    );

    const stored = temp.raw((db) =>
      db.prepare('select node_id, output from execution_steps order by node_id').all(),
    );
    expect(stored).toContainEqual({
      node_id: 'score',
      output: '{"main":{"from":[0,-1],"changes":[{"sentiment":"negative"},{"id":"c","text":"new"}]}}',
    });
    expect(stored).toContainEqual({ node_id: 'watch', output: '{"matched":{"from":[1],"changes":[{}]}}' });
    expect(stored).toContainEqual({ node_id: 'skip', output: '{"main":{"step":"score","port":"main"}}' });
    const steps = store.executions.getSteps('e1');
    expect(steps.find((s) => s.nodeId === 'watch')?.output).toEqual({ matched: [mentions[1]] });
    expect(steps.find((s) => s.nodeId === 'score')?.input).toEqual({ main: [mentions[1]] });
    expect(steps.find((s) => s.nodeId === 'score')?.output).toEqual({ main: scored });
    expect(JSON.stringify(steps.find((s) => s.nodeId === 'score')?.output)).toBe(
      JSON.stringify({ main: scored }),
    );
    expect(steps.find((s) => s.nodeId === 'skip')?.output).toEqual({ main: scored });
  });

  it("stores a host node's output as its differences from the step's input, and reads the same JSON back", async () => {
    await store.executions.create(newExecution('e1', 0, { status: 'running', startedAt: at(0) }));
    const finished = { status: 'succeeded' as const, finishedAt: at(2) };
    const mentions: Item[] = [
      { id: 'a', text: 'great', author: { name: 'Ana' } },
      { id: 'b', text: 'awful', author: { name: 'Bo' } },
      { id: 'c', text: 'fine', author: { name: 'Cy' } },
    ];
    const [a, b, c] = mentions as [Item, Item, Item];
    const input = { main: mentions };
    // As an `if` splits items and a `set` spreads them: passed on, changed, and made anew.
    const branch = { true: [a, c], false: [b] };
    const set = [
      { ...a, score: 1 },
      { ...b, text: 'edited' },
      { tag: 't', ...c },
    ];
    await store.executions.upsertStep('e1', 'default', step('if', 1, { ...finished, input, output: branch }));
    await store.executions.upsertStep(
      'e1',
      'default',
      step('set', 2, { ...finished, input, output: { main: set } }),
    );

    const stored = temp.raw((db) =>
      db.prepare('select node_id, output from execution_steps order by node_id').all(),
    );
    expect(stored).toContainEqual({
      node_id: 'if',
      output: '{"true":{"from":[0,2],"changes":[{},{}]},"false":{"from":[1],"changes":[{}]}}',
    });
    expect(stored).toContainEqual({
      node_id: 'set',
      output: `{"main":{"from":[0,1,-1],"changes":[{"score":1},{"text":"edited"},${JSON.stringify(set[2])}]}}`,
    });
    const steps = store.executions.getSteps('e1');
    expect(JSON.stringify(steps.find((s) => s.nodeId === 'if')?.output)).toBe(JSON.stringify(branch));
    expect(JSON.stringify(steps.find((s) => s.nodeId === 'set')?.output)).toBe(JSON.stringify({ main: set }));
  });

  it("stores the trigger items a step hands on and the execution's output as references", async () => {
    const items = [{ id: 'a' }, { id: 'b' }];
    await store.executions.create(
      newExecution('e1', 0, { status: 'running', startedAt: at(0), trigger: { nodeId: 'start', items } }),
    );
    const finished = { status: 'succeeded' as const, finishedAt: at(2) };
    await store.executions.upsertStep(
      'e1',
      'default',
      step('start', 1, { ...finished, input: { main: items }, output: { main: items } }),
    );
    const last = [{ id: 'a', done: true }];
    await store.executions.upsertStep(
      'e1',
      'default',
      step('end', 2, { ...finished, input: { main: items }, output: { main: last } }),
    );
    await store.executions.finish('e1', { status: 'succeeded', output: { main: last }, finishedAt: at(3) });

    const { steps, execution } = temp.raw((db) => ({
      steps: db.prepare('select node_id, input, output from execution_steps order by node_id').all(),
      execution: db.prepare('select output from executions').get(),
    }));
    expect(steps).toEqual([
      { node_id: 'end', input: '{"main":{"trigger":true}}', output: JSON.stringify({ main: last }) },
      { node_id: 'start', input: '{"main":{"trigger":true}}', output: '{"main":{"trigger":true}}' },
    ]);
    expect(execution).toEqual({ output: '{"main":{"step":"end","port":"main"}}' });
    const detail = store.executions.get('default', 'e1');
    expect(detail?.output).toEqual({ main: last });
    expect(detail?.steps.map((s) => [s.nodeId, s.input, s.output])).toEqual([
      ['start', { main: items }, { main: items }],
      ['end', { main: items }, { main: last }],
    ]);
    expect(store.executions.getSteps('e1').find((s) => s.nodeId === 'end')?.input).toEqual({ main: items });
  });

  it('reads back how each step\'s items came from the steps before, for $("Name").item in the editor', async () => {
    const mentions: Item[] = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    await store.executions.create(
      newExecution('e1', 0, {
        status: 'running',
        startedAt: at(0),
        trigger: { nodeId: 'start', items: mentions },
      }),
    );
    const finished = { status: 'succeeded' as const, finishedAt: at(2) };
    const [a, , c] = mentions as [Item, Item, Item];
    const kept = [c, a];
    const coded: Item[] = [{ text: 'C' }, { text: 'A' }];
    notePairing(coded, [0, 1]);
    const started = { main: mentions };
    const ran: [string, PortItems, PortItems][] = [
      ['start', started, started],
      ['filter', started, { main: kept }],
      ['code', { main: kept }, { main: coded }],
      ['off', { main: coded }, { main: coded }],
      ['reshape', { main: coded }, { main: [{ n: 1 }, { n: 2 }] }],
    ];
    for (const [nodeId, input, output] of ran) {
      await store.executions.upsertStep('e1', 'default', step(nodeId, 1, { ...finished, input, output }));
    }

    const lineage = Object.fromEntries(store.executions.getSteps('e1').map((s) => [s.nodeId, s.lineage]));
    expect(lineage.start).toEqual({ inputs: {}, paired: {} });
    expect(lineage.filter).toEqual({
      inputs: { main: { step: 'start', port: 'main' } },
      paired: { main: [2, 0] },
    });
    expect(lineage.code).toEqual({
      inputs: { main: { step: 'filter', port: 'main' } },
      paired: { main: [0, 1] },
    });
    expect(lineage.off).toEqual({
      inputs: { main: { step: 'code', port: 'main' } },
      paired: { main: [0, 1] },
    });
    expect(lineage.reshape).toEqual({ inputs: { main: { step: 'code', port: 'main' } }, paired: {} });
    expect(store.executions.get('default', 'e1')?.steps.find((s) => s.nodeId === 'code')?.output).toEqual({
      main: coded,
    });
  });

  it('reads back an execution whose output is its trigger items', async () => {
    const items = [{ id: 'a' }];
    await store.executions.create(newExecution('e1', 0, { trigger: { nodeId: 'start', items } }));
    await store.executions.finish('e1', { status: 'succeeded', output: { main: items }, finishedAt: at(1) });
    expect(temp.raw((db) => db.prepare('select output from executions').get())).toEqual({
      output: '{"main":{"trigger":true}}',
    });
    expect(store.executions.get('default', 'e1')?.output).toEqual({ main: items });
  });

  it('stores what a step was when upserted, not what the caller changes it to later', async () => {
    await store.executions.create(newExecution('e1', 0));
    const record = step('node', 1);
    const write = store.executions.upsertStep('e1', 'default', record);
    record.status = 'succeeded';
    await write;
    expect(store.executions.getSteps('e1')[0]?.status).toBe('running');
  });

  it('lists queued and running executions of every workspace, oldest first, for resuming', async () => {
    const { id: acmeWorkflow } = await store.workflows.create(
      'acme',
      workflowInputSchema.parse({ name: 'a', nodes: [] }),
    );
    await store.executions.create(newExecution('running', 2, { status: 'running', startedAt: at(2) }));
    await store.executions.create(newExecution('queued', 1));
    await store.executions.create(newExecution('acme', 3, { workspaceId: 'acme', workflowId: acmeWorkflow }));
    await store.executions.create(newExecution('done', 0));
    await store.executions.finish('done', { status: 'succeeded', finishedAt: at(1) });

    const unfinished = store.executions.listUnfinished();
    expect(unfinished.map((execution) => execution.id)).toEqual(['queued', 'running', 'acme']);
    expect(unfinished[0]).toMatchObject({
      workflowId,
      version: 1,
      mode: 'webhook',
      trigger: { nodeId: 'hook', items: [{ body: { id: 'queued' } }] },
    });
  });

  it('answers list, count, detail, steps and resume from indexes, never a table scan', () => {
    const { db, sqlite, close } = openDatabase({ file: ':memory:' });
    const plan = ({ sql }: { sql: string }) =>
      sqlite
        .prepare(`explain query plan ${sql}`)
        .all(...Array.from(sql.matchAll(/\?/g), () => 'x'))
        .map((row) => (row as { detail: string }).detail)
        .join('; ');
    // Each filter combination walks the index led by its equality filters, then (created_at, id),
    // backwards from the cursor: a page reads about `limit` entries whatever the filters. The
    // total reads a few rows of execution_counts and never touches executions.
    const pageIndexes = new Map([
      ['false:false', 'executions_workspace_created_idx'],
      ['false:true', 'executions_status_created_idx'],
      ['true:false', 'executions_workflow_created_idx'],
      ['true:true', 'executions_workflow_status_created_idx'],
    ]);
    for (const workflow of [false, true]) {
      for (const status of [false, true]) {
        for (const cursor of [false, true]) {
          const list = listQueries(db, { workflow, status, cursor });
          const range = ['workspace_id=?'];
          if (workflow) range.push('workflow_id=?');
          if (status) range.push('status=?');
          if (cursor) range.push('(created_at,id)<(?,?)');
          const index = pageIndexes.get(`${workflow}:${status}`);
          expect(plan(list.page.toSQL())).toBe(
            `SEARCH executions USING INDEX ${index} (${range.join(' AND ')})`,
          );
          expect(plan(list.count.toSQL())).toMatch(
            /^SEARCH execution_counts USING (PRIMARY KEY|INDEX \w+) \(workspace_id=\?[^;]*\)$/,
          );
        }
      }
    }
    // Sorting one execution's steps in a temporary b-tree is fine.
    const queries: { sql: string; sorted: boolean }[] = [];
    const statements = createExecutionStatements(db);
    queries.push(
      { ...statements.byId.getQuery(), sorted: true },
      { ...statements.steps.getQuery(), sorted: false },
    );

    for (const query of queries) {
      const detail = plan(query);
      expect(detail, query.sql).toMatch(/^SEARCH /);
      expect(detail, query.sql).not.toMatch(query.sorted ? /SCAN|TEMP B-TREE/ : /SCAN/);
    }
    // The partial index holds only unfinished executions, so walking all of it is the point.
    expect(plan(statements.unfinished.getQuery())).toBe(
      'SCAN executions USING INDEX executions_unfinished_idx; ' +
        'SEARCH execution_triggers USING INDEX sqlite_autoindex_execution_triggers_1 (execution_id=?)',
    );
    close();
  });
});
