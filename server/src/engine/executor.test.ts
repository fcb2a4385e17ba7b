import { defineNode, type Item, z } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { manualTrigger as manual } from './in-process-invoker.test-support.js';
import type { StepRecord } from './ports.js';
import { engineHarness, testWorkflow } from './test-harness.test-support.js';

const ran: string[] = [];

const webhook = defineNode({ ...manual, id: 'webhook', trigger: 'webhook' });

const set = defineNode({
  id: 'set',
  title: 'Set',
  category: 'data',
  params: z.object({ field: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) }),
  run(ctx) {
    ran.push(ctx.nodeId);
    return (ctx.input.main ?? []).map((item, index) => {
      const { field, value } = ctx.paramsFor(index);
      return { ...item, [field]: value };
    });
  },
});

const branch = defineNode({
  id: 'if',
  title: 'If',
  category: 'flow',
  params: z.object({ field: z.string() }),
  outputs: { true: {}, false: {} },
  run: (ctx) => {
    const items = ctx.input.main ?? [];
    return {
      true: items.filter((item) => item[ctx.params.field]),
      false: items.filter((item) => !item[ctx.params.field]),
    };
  },
});

const merge = defineNode({
  id: 'merge',
  title: 'Merge',
  category: 'flow',
  params: z.object({}),
  inputs: { a: {}, b: {} },
  run: (ctx) => [...(ctx.input.a ?? []), ...(ctx.input.b ?? [])],
});

/** Waits for another branch to open it: only finishes when branches really overlap. */
let openGate: () => void = () => {};
const gate = defineNode({
  id: 'gate',
  title: 'Gate',
  category: 'flow',
  params: z.object({}),
  run: async (ctx) => {
    await new Promise<void>((resolve) => {
      openGate = resolve;
    });
    return ctx.input.main ?? [];
  },
});
const opener = defineNode({
  id: 'opener',
  title: 'Opener',
  category: 'flow',
  params: z.object({}),
  run: async (ctx) => {
    await Promise.resolve();
    openGate();
    return ctx.input.main ?? [];
  },
});

const hang = defineNode({
  id: 'hang',
  title: 'Hang',
  category: 'data',
  params: z.object({}),
  run: () => new Promise<Item[]>(() => {}),
});

const nodes = [manual, webhook, set, branch, merge, gate, opener, hang];
const trigger = { id: 'start', type: 'test/manual@1' };
const setNode = (id: string, field: string, value: string | number | boolean) => ({
  id,
  type: 'test/set@1',
  params: { field, value },
});
const statuses = (steps: StepRecord[]) => Object.fromEntries(steps.map((step) => [step.nodeId, step.status]));
const items = (...values: Item[]) => ({ nodeId: 'start', items: values });

describe('executeWorkflow', () => {
  it('runs a linear flow and returns the output of its last node', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, setNode('a', 'x', 1), setNode('b', 'y', 2)],
      ['start -> a', 'a -> b'],
    );
    const result = await run(workflow, { trigger: items({ id: 1 }) });
    expect(result.status).toBe('succeeded');
    expect(result.lastNodeId).toBe('b');
    expect(result.output).toEqual({ main: [{ id: 1, x: 1, y: 2 }] });
    expect(result.steps.map((step) => step.nodeId)).toEqual(['start', 'a', 'b']);
  });

  it('reads the workspace variables once, and only when an expression names $vars', async () => {
    const { run } = engineHarness(nodes);
    let reads = 0;
    const vars = () => {
      reads += 1;
      return { brand: 'Acme' };
    };
    const plain = testWorkflow([trigger, setNode('a', 'x', 1)], ['start -> a']);
    await run(plain, { trigger: items({ id: 1 }), vars });
    expect(reads).toBe(0);
    const named = testWorkflow(
      [trigger, setNode('a', 'x', '{{ $vars.brand }}'), setNode('b', 'y', '{{ $vars.brand }}')],
      ['start -> a', 'a -> b'],
    );
    const result = await run(named, { trigger: items({ id: 1 }, { id: 2 }), vars });
    expect(result.output).toEqual({
      main: [
        { id: 1, x: 'Acme', y: 'Acme' },
        { id: 2, x: 'Acme', y: 'Acme' },
      ],
    });
    expect(reads).toBe(1);
  });

  it('skips the branch an if-style node sends no items to', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [
        trigger,
        { id: 'if', type: 'test/if@1', params: { field: 'urgent' } },
        setNode('yes', 'r', 'y'),
        setNode('no', 'r', 'n'),
      ],
      ['start -> if', 'if:true -> yes', 'if:false -> no'],
    );
    const result = await run(workflow, { trigger: items({ urgent: true }) });
    expect(statuses(result.steps)).toEqual({
      start: 'succeeded',
      if: 'succeeded',
      yes: 'succeeded',
      no: 'skipped',
    });
    expect(result.lastNodeId).toBe('yes');
    expect(result.output).toEqual({ main: [{ urgent: true, r: 'y' }] });
  });

  it('merges two branches, concatenating each input port in edge order', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [
        trigger,
        { id: 'if', type: 'test/if@1', params: { field: 'vip' } },
        setNode('vip', 'tier', 'gold'),
        setNode('rest', 'tier', 'basic'),
        { id: 'merge', type: 'test/merge@1' },
      ],
      [
        'start -> if',
        'if:true -> vip',
        'if:false -> rest',
        'rest -> merge:a',
        'vip -> merge:a',
        'vip -> merge:b',
      ],
    );
    const result = await run(workflow, { trigger: items({ vip: true, n: 1 }, { vip: false, n: 2 }) });
    expect(result.output?.main?.map((item) => [item.n, item.tier])).toEqual([
      [2, 'basic'],
      [1, 'gold'],
      [1, 'gold'],
    ]);
    expect(result.steps.filter((step) => step.nodeId === 'merge')).toHaveLength(1);
  });

  it('runs a merge when only one of its inputs has items', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [
        trigger,
        { id: 'if', type: 'test/if@1', params: { field: 'vip' } },
        { id: 'merge', type: 'test/merge@1' },
      ],
      ['start -> if', 'if:true -> merge:a', 'if:false -> merge:b'],
    );
    const result = await run(workflow, { trigger: items({ vip: false }) });
    expect(statuses(result.steps).merge).toBe('succeeded');
    expect(result.output).toEqual({ main: [{ vip: false }] });
  });

  it('runs independent branches at the same time', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, { id: 'gate', type: 'test/gate@1' }, { id: 'opener', type: 'test/opener@1' }],
      ['start -> gate', 'start -> opener'],
    );
    const result = await run(workflow, { trigger: items({}) });
    expect(result.status).toBe('succeeded');
    expect(result.lastNodeId).toBe('gate');
  });

  it('skips trigger nodes that did not fire, and what only they feed', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, { id: 'hook', type: 'test/webhook@1' }, setNode('a', 'x', 1), setNode('b', 'x', 2)],
      ['start -> a', 'hook -> b'],
    );
    const result = await run(workflow, { trigger: items({}) });
    expect(statuses(result.steps)).toEqual({
      start: 'succeeded',
      hook: 'skipped',
      a: 'succeeded',
      b: 'skipped',
    });
    expect(result.lastNodeId).toBe('a');
  });

  it('journals the start and the finish of every step, skipped ones included', async () => {
    const { run, journal } = engineHarness(nodes);
    const workflow = testWorkflow(
      [
        trigger,
        { id: 'if', type: 'test/if@1', params: { field: 'ok' } },
        setNode('yes', 'r', 1),
        setNode('no', 'r', 0),
      ],
      ['start -> if', 'if:true -> yes', 'if:false -> no'],
    );
    await run(workflow, { trigger: items({ ok: true }) });
    const events = journal.events.map(({ event, step }) => `${event}:${step.nodeId}:${step.status}`);
    expect(events).toEqual([
      'started:start:running',
      'finished:start:succeeded',
      'started:if:running',
      'finished:if:succeeded',
      'started:yes:running',
      'started:no:running',
      'finished:no:skipped',
      'finished:yes:succeeded',
    ]);
    const finished = journal.events.find(({ event, step }) => event === 'finished' && step.nodeId === 'yes');
    expect(finished?.step).toMatchObject({
      attempts: 1,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:00.000Z',
      input: { main: [{ ok: true }] },
      output: { main: [{ ok: true, r: 1 }] },
    });
  });

  it('resumes from completed steps without running them again', async () => {
    const { run, journal } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, setNode('a', 'x', 1), setNode('b', 'y', 2)],
      ['start -> a', 'a -> b'],
    );
    const done = (nodeId: string, status: StepRecord['status'], output?: Item[]): StepRecord => ({
      nodeId,
      status,
      attempts: 1,
      startedAt: '2025-12-31T00:00:00.000Z',
      input: {},
      ...(output ? { output: { main: output } } : {}),
      logs: [],
    });
    ran.length = 0;
    const result = await run(workflow, {
      trigger: items({ id: 'fresh' }),
      completedSteps: [
        done('start', 'succeeded', [{ id: 'saved' }]),
        done('a', 'succeeded', [{ id: 'saved', x: 9 }]),
      ],
    });
    expect(ran).toEqual(['b']);
    expect(result.output).toEqual({ main: [{ id: 'saved', x: 9, y: 2 }] });
    expect(journal.events.map(({ step }) => step.nodeId)).toEqual(['b', 'b']);
  });

  it('runs again a step that was still running when the process stopped', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow([trigger, setNode('a', 'x', 1)], ['start -> a']);
    ran.length = 0;
    const running: StepRecord = {
      nodeId: 'a',
      status: 'running',
      attempts: 1,
      startedAt: '',
      input: {},
      logs: [],
    };
    const result = await run(workflow, { trigger: items({}), completedSteps: [running] });
    expect(ran).toEqual(['a']);
    expect(result.output).toEqual({ main: [{ x: 1 }] });
  });

  it('runs only the stopAfter node and the nodes it depends on', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, setNode('a', 'x', 1), setNode('b', 'y', 2), setNode('side', 'z', 3)],
      ['start -> a', 'a -> b', 'start -> side'],
    );
    ran.length = 0;
    const result = await run(workflow, { trigger: items({}), stopAfter: 'a' });
    expect(ran).toEqual(['a']);
    expect(result.lastNodeId).toBe('a');
    expect(result.output).toEqual({ main: [{ x: 1 }] });
  });

  it('ends cancelled when the signal aborts mid-run, failing the running step', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, { id: 'hang', type: 'test/hang@1' }, setNode('after', 'x', 1)],
      ['start -> hang', 'hang -> after'],
    );
    const controller = new AbortController();
    const running = run(workflow, { trigger: items({}), signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const result = await running;
    expect(result.status).toBe('cancelled');
    expect(result.error?.code).toBe('EXECUTION_CANCELLED');
    expect(statuses(result.steps)).toEqual({ start: 'succeeded', hang: 'failed' });
  });

  it('runs nothing when cancelled before it starts', async () => {
    const { run, journal } = engineHarness(nodes);
    const result = await run(testWorkflow([trigger]), { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ status: 'cancelled', steps: [] });
    expect(journal.events).toEqual([]);
  });

  it('refuses a trigger or stopAfter node the workflow does not have', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow([trigger]);
    await expect(run(workflow, { trigger: { nodeId: 'nope', items: [] } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(run(workflow, { stopAfter: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses to run a workflow with a cycle', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, setNode('a', 'x', 1), setNode('b', 'x', 2)],
      ['start -> a', 'a -> b', 'b -> a'],
    );
    await expect(run(workflow)).rejects.toMatchObject({ code: 'WORKFLOW_INVALID' });
  });

  it('surfaces a journal failure instead of carrying on without durability', async () => {
    const { run, journal } = engineHarness(nodes);
    journal.stepFinished = () => Promise.reject(new Error('disk full'));
    const workflow = testWorkflow([trigger, setNode('a', 'x', 1)], ['start -> a']);
    await expect(run(workflow, { trigger: items({}) })).rejects.toThrow('disk full');
  });
});
