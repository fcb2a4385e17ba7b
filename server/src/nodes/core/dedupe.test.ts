import type { JsonValue } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { dedupeNode } from './dedupe.js';
import { trimOldest } from './dedupe-history.js';

const workflowScope = { fields: ['url'], scope: 'workflow' };

describe('core/dedupe', () => {
  it('drops repeated whole items within a batch, whatever their key order', async () => {
    const result = await runNode(dedupeNode, { input: [{ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 2 }] });
    expect(result.output.main).toEqual([{ a: 1, b: 2 }, { a: 2 }]);
  });

  it('compares only the given fields, keeping the first occurrence', async () => {
    const result = await runNode(dedupeNode, {
      params: { fields: ['url'] },
      input: [
        { url: 'https://weibo.com/1', n: 1 },
        { url: 'https://weibo.com/1', n: 2 },
        { url: 'https://weibo.com/2', n: 3 },
      ],
    });
    expect(result.output.main?.map((item) => item.n)).toEqual([1, 3]);
  });

  it('remembers nothing across runs with batch scope', async () => {
    const result = await runNode(dedupeNode, { params: { fields: ['url'] }, input: [{ url: 'x' }] });
    expect(result.state.size).toBe(0);
  });

  it('drops items seen in an earlier run with workflow scope', async () => {
    const first = await runNode(dedupeNode, {
      params: workflowScope,
      input: [{ url: 'a' }, { url: 'b' }],
      executionId: 'e1',
    });
    expect(first.output.main).toHaveLength(2);

    const second = await runNode(dedupeNode, {
      params: workflowScope,
      input: [{ url: 'b' }, { url: 'c' }],
      state: Object.fromEntries(first.state),
      executionId: 'e2',
    });
    expect(second.output.main).toEqual([{ url: 'c' }]);
  });

  it('lets a replayed step through again instead of dropping its own items', async () => {
    const first = await runNode(dedupeNode, {
      params: workflowScope,
      input: [{ url: 'a' }],
      executionId: 'e1',
    });
    const replay = await runNode(dedupeNode, {
      params: workflowScope,
      input: [{ url: 'a' }],
      state: Object.fromEntries(first.state),
      executionId: 'e1',
    });
    expect(replay.output.main).toEqual([{ url: 'a' }]);
    expect(replay.state).toEqual(first.state);
  });

  it('forgets the oldest keys beyond historySize', async () => {
    const params = { ...workflowScope, historySize: 2 };
    let state: Record<string, JsonValue> = {};
    for (const [execution, url] of [
      ['e1', 'a'],
      ['e2', 'b'],
      ['e3', 'c'],
    ] as const) {
      state = Object.fromEntries(
        (await runNode(dedupeNode, { params, input: [{ url }], state, executionId: execution })).state,
      );
    }
    const again = await runNode(dedupeNode, {
      params,
      input: [{ url: 'a' }, { url: 'b' }, { url: 'c' }],
      state,
      executionId: 'e4',
    });
    expect(again.output.main).toEqual([{ url: 'a' }]);
  });

  it('starts over with a warning when the stored history is unreadable', async () => {
    const result = await runNode(dedupeNode, {
      params: workflowScope,
      input: [{ url: 'a' }],
      state: { 'dedupe.history': 'garbage' },
    });
    expect(result.output.main).toEqual([{ url: 'a' }]);
    expect(result.logs[0]).toMatchObject({ level: 'warn' });
  });
});

describe('trimOldest', () => {
  it('drops whole old runs, then the oldest keys of the next', () => {
    const runs = [
      { execution: 'e1', keys: ['a', 'b'] },
      { execution: 'e2', keys: ['c', 'd', 'e'] },
    ];
    expect(trimOldest(runs, 2)).toEqual([{ execution: 'e2', keys: ['d', 'e'] }]);
    expect(trimOldest(runs, 10)).toEqual(runs);
  });
});
