import { defineNode, type Item, NodeError, z } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { manualTrigger as manual } from './in-process-invoker.test-support.js';
import type { StepRecord } from './ports.js';
import { engineHarness, testWorkflow } from './test-harness.test-support.js';

/** Fails its first `failures` calls in each test, then tags its items. */
let calls = 0;
const flaky = defineNode({
  id: 'flaky',
  title: 'Flaky',
  category: 'data',
  params: z.object({ failures: z.number().int().default(1_000) }),
  run(ctx) {
    calls++;
    if (calls <= ctx.params.failures) throw new NodeError('UPSTREAM_DOWN', `call ${calls} failed`);
    ctx.log.info('worked', { calls });
    return (ctx.input.main ?? []).map((item) => ({ ...item, ok: true }));
  },
});

const hang = defineNode({
  id: 'hang',
  title: 'Hang',
  category: 'data',
  params: z.object({}),
  run: () => new Promise<Item[]>(() => {}),
});

const slowEnough = defineNode({
  id: 'slow',
  title: 'Slow',
  category: 'data',
  params: z.object({}),
  run: async (ctx) => {
    for (let tick = 0; tick < 20; tick++) await Promise.resolve();
    return ctx.input.main ?? [];
  },
});

const greet = defineNode({
  id: 'greet',
  title: 'Greet',
  category: 'data',
  params: z.object({ text: z.string(), times: z.number().default(1) }),
  run: (ctx) => (ctx.input.main ?? []).map((item, index) => ({ ...item, text: ctx.paramsFor(index).text })),
});

const rogue = defineNode({
  id: 'rogue',
  title: 'Rogue',
  category: 'data',
  params: z.object({}),
  run: () => ({ surprise: [{}] }),
});

const nodes = [manual, flaky, hang, slowEnough, greet, rogue];
const trigger = { id: 'start', type: 'test/manual@1' };
const fired = (...items: Item[]) => ({ nodeId: 'start', items });
const stepOf = (steps: StepRecord[], nodeId: string) => steps.find((step) => step.nodeId === nodeId);

describe('retries', () => {
  it('retries with exponential backoff until an attempt succeeds', async () => {
    const { run, clock } = engineHarness(nodes);
    calls = 0;
    const retry = { maxAttempts: 4, delayMs: 100, factor: 2, maxDelayMs: 10_000 };
    const workflow = testWorkflow(
      [trigger, { id: 'f', type: 'test/flaky@1', params: { failures: 2 }, retry }],
      ['start -> f'],
    );
    const result = await run(workflow, { trigger: fired({ n: 1 }) });
    expect(result.status).toBe('succeeded');
    expect(clock.sleeps).toEqual([100, 200]);
    expect(stepOf(result.steps, 'f')).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(stepOf(result.steps, 'f')?.logs.map((line) => line.message)).toEqual(['worked']);
  });

  it('fails the step once maxAttempts is spent', async () => {
    const { run, clock } = engineHarness(nodes);
    calls = 0;
    const retry = { maxAttempts: 3, delayMs: 1000, factor: 3, maxDelayMs: 2000 };
    const workflow = testWorkflow([trigger, { id: 'f', type: 'test/flaky@1', retry }], ['start -> f']);
    const result = await run(workflow, { trigger: fired({}) });
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(stepOf(result.steps, 'f')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(result.error).toEqual({ code: 'UPSTREAM_DOWN', message: 'call 3 failed', nodeId: 'f' });
  });

  it('does not retry params that do not match the schema', async () => {
    const { run, clock } = engineHarness(nodes);
    const retry = { maxAttempts: 5, delayMs: 10, factor: 1, maxDelayMs: 10 };
    const workflow = testWorkflow(
      [trigger, { id: 'g', type: 'test/greet@1', params: { text: 42 }, retry }],
      ['start -> g'],
    );
    const result = await run(workflow, { trigger: fired({}) });
    expect(clock.sleeps).toEqual([]);
    expect(stepOf(result.steps, 'g')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(result.error?.code).toBe('NODE_PARAMS_INVALID');
    expect(result.error?.details).toEqual([expect.objectContaining({ path: ['text'] })]);
  });

  it('does not retry an error the node marks as not retryable', async () => {
    let attempts = 0;
    const rejecting = defineNode({
      ...flaky,
      id: 'rejecting',
      run() {
        attempts += 1;
        throw new NodeError('NOTIFY_REJECTED', 'the robot said no', { retryable: false });
      },
    });
    const { run, clock } = engineHarness([...nodes, rejecting]);
    const retry = { maxAttempts: 5, delayMs: 10, factor: 1, maxDelayMs: 10 };
    const workflow = testWorkflow([trigger, { id: 'r', type: 'test/rejecting@1', retry }], ['start -> r']);
    const result = await run(workflow, { trigger: fired({}) });
    expect(attempts).toBe(1);
    expect(clock.sleeps).toEqual([]);
    expect(result.error?.code).toBe('NOTIFY_REJECTED');
  });

  it('stops retrying once the execution is cancelled', async () => {
    const controller = new AbortController();
    const cancelling = defineNode({
      ...flaky,
      id: 'cancelling',
      run() {
        controller.abort();
        throw new NodeError('UPSTREAM_DOWN', 'down');
      },
    });
    const { run, clock } = engineHarness([...nodes, cancelling]);
    const retry = { maxAttempts: 5, delayMs: 10, factor: 1, maxDelayMs: 10 };
    const workflow = testWorkflow([trigger, { id: 'c', type: 'test/cancelling@1', retry }], ['start -> c']);
    const result = await run(workflow, { trigger: fired({}), signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(clock.sleeps).toEqual([]);
    expect(stepOf(result.steps, 'c')).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'EXECUTION_CANCELLED' },
    });
  });
});

describe('timeouts', () => {
  it('fails an attempt that outlives timeoutMs with NODE_TIMEOUT', async () => {
    const { run, clock } = engineHarness(nodes);
    const workflow = testWorkflow([trigger, { id: 'h', type: 'test/hang@1', timeoutMs: 50 }], ['start -> h']);
    const result = await run(workflow, { trigger: fired({}) });
    expect(clock.sleeps).toEqual([50]);
    expect(result.status).toBe('failed');
    expect(result.error).toMatchObject({ code: 'NODE_TIMEOUT', nodeId: 'h' });
  });

  it('lets a node that finishes in time succeed', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow([trigger, { id: 's', type: 'test/slow@1', timeoutMs: 50 }], ['start -> s']);
    const result = await run(workflow, { trigger: fired({ a: 1 }) });
    expect(result).toMatchObject({ status: 'succeeded', output: { main: [{ a: 1 }] } });
  });
});

describe('onError', () => {
  it('continue: passes the input items on with an error field', async () => {
    const { run } = engineHarness(nodes);
    calls = 0;
    const workflow = testWorkflow(
      [
        trigger,
        { id: 'f', type: 'test/flaky@1', onError: 'continue' },
        { id: 'g', type: 'test/greet@1', params: { text: 'hi' } },
      ],
      ['start -> f', 'f -> g'],
    );
    const result = await run(workflow, { trigger: fired({ n: 1 }, { n: 2 }) });
    expect(result.status).toBe('succeeded');
    const error = { code: 'UPSTREAM_DOWN', message: 'call 1 failed' };
    expect(stepOf(result.steps, 'f')).toMatchObject({ status: 'succeeded', error });
    expect(result.output).toEqual({
      main: [
        { n: 1, error, text: 'hi' },
        { n: 2, error, text: 'hi' },
      ],
    });
  });

  it('continue: emits one item holding the error when there was no input item', async () => {
    const { run } = engineHarness([{ ...manual, run: () => Promise.reject(new Error('no feed')) }]);
    const workflow = testWorkflow([{ ...trigger, onError: 'continue' }]);
    const result = await run(workflow, { trigger: fired() });
    expect(result.output).toEqual({ main: [{ error: { code: 'NODE_FAILED', message: 'no feed' } }] });
  });

  it('errorPort: routes the failed items to the error port only', async () => {
    const { run } = engineHarness(nodes);
    calls = 0;
    const workflow = testWorkflow(
      [
        trigger,
        { id: 'f', type: 'test/flaky@1', onError: 'errorPort' },
        { id: 'ok', type: 'test/greet@1', params: { text: 'fine' } },
        { id: 'handler', type: 'test/greet@1', params: { text: 'sorry' } },
      ],
      ['start -> f', 'f -> ok', 'f:error -> handler'],
    );
    const result = await run(workflow, { trigger: fired({ n: 1 }) });
    expect(stepOf(result.steps, 'ok')?.status).toBe('skipped');
    expect(result.lastNodeId).toBe('handler');
    expect(result.output?.main).toEqual([
      { n: 1, error: { code: 'UPSTREAM_DOWN', message: 'call 1 failed' }, text: 'sorry' },
    ]);
  });

  it('stop: fails the execution, schedules nothing new and lets running steps finish', async () => {
    const { run } = engineHarness(nodes);
    calls = 0;
    const workflow = testWorkflow(
      [
        trigger,
        { id: 'f', type: 'test/flaky@1' },
        { id: 'after', type: 'test/greet@1', params: { text: 'x' } },
        { id: 's', type: 'test/slow@1' },
      ],
      ['start -> f', 'f -> after', 'start -> s'],
    );
    const result = await run(workflow, { trigger: fired({}) });
    expect(result.status).toBe('failed');
    expect(result.error).toEqual({ code: 'UPSTREAM_DOWN', message: 'call 1 failed', nodeId: 'f' });
    expect(result.output).toBeUndefined();
    expect(result.steps.map((step) => [step.nodeId, step.status])).toEqual([
      ['start', 'succeeded'],
      ['f', 'failed'],
      ['s', 'succeeded'],
    ]);
  });
});

describe('disabled nodes', () => {
  it('pass their main input through without being invoked', async () => {
    const { run } = engineHarness(nodes);
    calls = 0;
    const workflow = testWorkflow(
      [
        trigger,
        { id: 'f', type: 'test/flaky@1', disabled: true },
        { id: 'g', type: 'test/greet@1', params: { text: 'hi' } },
      ],
      ['start -> f', 'f -> g'],
    );
    const result = await run(workflow, { trigger: fired({ n: 1 }) });
    expect(calls).toBe(0);
    expect(stepOf(result.steps, 'f')).toMatchObject({
      status: 'succeeded',
      attempts: 0,
      output: { main: [{ n: 1 }] },
    });
    expect(result.output).toEqual({ main: [{ n: 1, text: 'hi' }] });
  });
});

describe('params', () => {
  it('resolves expressions per item', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, { id: 'g', type: 'test/greet@1', params: { text: 'Hello {{ $json.name }}' } }],
      ['start -> g'],
    );
    const result = await run(workflow, { trigger: fired({ name: 'Ana' }, { name: 'Bo' }) });
    expect(result.output?.main?.map((item) => item.text)).toEqual(['Hello Ana', 'Hello Bo']);
  });

  it('lets expressions read earlier nodes by name and by id', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [
        { ...trigger, name: 'Start' },
        { id: 'a', type: 'test/greet@1', params: { text: '{{ $node["Start"].json.name }}' } },
        { id: 'b', type: 'test/greet@1', params: { text: '{{ $node["a"].json.text }}!' } },
      ],
      ['start -> a', 'a -> b'],
    );
    const result = await run(workflow, { trigger: fired({ name: 'Ana' }) });
    expect(result.output?.main?.[0]?.text).toBe('Ana!');
  });

  it('parses params once and evaluates nothing when they hold no expression', async () => {
    const { run, expressions, invoker } = engineHarness(nodes);
    const seen: unknown[][] = [];
    const spying = {
      invoke: (invocation: Parameters<typeof invoker.invoke>[0]) => {
        seen.push(invocation.itemParams.main ?? []);
        return invoker.invoke(invocation);
      },
    };
    const workflow = testWorkflow(
      [trigger, { id: 'g', type: 'test/greet@1', params: { text: 'plain' } }],
      ['start -> g'],
    );
    await run(workflow, { trigger: fired({}, {}, {}), invoker: spying });
    expect(expressions.resolveCalls).toBe(0);
    const [, greetParams = []] = seen;
    expect(greetParams).toHaveLength(3);
    expect(new Set(greetParams).size).toBe(1);
    expect(greetParams[0]).toEqual({ text: 'plain', times: 1 });
  });

  it('fails with NODE_PARAMS_INVALID when a resolved value does not match the schema', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, { id: 'g', type: 'test/greet@1', params: { text: 'x', times: '{{ $json.count }}' } }],
      ['start -> g'],
    );
    const result = await run(workflow, { trigger: fired({ count: 'many' }) });
    expect(result.error).toMatchObject({ code: 'NODE_PARAMS_INVALID', nodeId: 'g' });
  });

  it('keeps the code of an expression that fails', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow(
      [trigger, { id: 'g', type: 'test/greet@1', params: { text: '{{ nonsense() }}' } }],
      ['start -> g'],
    );
    const result = await run(workflow, { trigger: fired({}) });
    expect(result.error).toMatchObject({ code: 'EXPRESSION_FAILED', nodeId: 'g' });
  });
});

describe('outputs', () => {
  it('fails a node that returns items on a port it did not declare', async () => {
    const { run } = engineHarness(nodes);
    const workflow = testWorkflow([trigger, { id: 'r', type: 'test/rogue@1' }], ['start -> r']);
    const result = await run(workflow, { trigger: fired({}) });
    expect(result.error).toMatchObject({ code: 'NODE_FAILED', nodeId: 'r' });
    expect(result.error?.message).toContain('"surprise"');
  });
});
