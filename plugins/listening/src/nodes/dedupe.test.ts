import type { Item, JsonObject } from '@sbss/sdk';
import { type RunNodeResult, runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { dedupeNode } from './dedupe.js';

const post = (id: string, text: string, url?: string) => ({
  id,
  source: 'weibo',
  text,
  ...(url ? { url } : {}),
});

describe('listening/dedupe', () => {
  it('drops exact repeats by canonical URL and by source id', async () => {
    const result = await runNode(dedupeNode, {
      input: [
        post('1', 'first post', 'https://weibo.com/1?utm_source=x'),
        post('2', 'a different text', 'https://WEIBO.com/1/'),
        post('1', 'edited text of one'),
      ],
    });
    expect(result.output.main?.map((item) => item.id)).toEqual(['1']);
    expect(result.output.duplicates?.map((item) => item.duplicateOf)).toEqual([
      { of: 'weibo:1', reason: 'url' },
      { of: 'weibo:1', reason: 'id' },
    ]);
  });

  it('drops near-duplicates such as a Traditional repost with a tag added', async () => {
    const original = '这家店的客服太差了，等了两个小时都没有人理我，再也不会来了';
    const repost = '這家店的客服太差了，等了兩個小時都沒有人理我，再也不會來了 #避雷';
    const result = await runNode(dedupeNode, {
      input: [
        post('1', original),
        post('2', repost),
        post('3', '物流很快，包装也很用心，下次还会买这家的东西'),
      ],
    });
    expect(result.output.main?.map((item) => item.id)).toEqual(['1', '3']);
    expect(result.output.duplicates?.[0]?.duplicateOf).toMatchObject({ of: 'weibo:1', reason: 'near' });
  });

  it('drops repeats within one batch, keeping the first', async () => {
    const text = 'the delivery came two days late and the box was crushed';
    const result = await runNode(dedupeNode, {
      input: [post('1', text), post('2', `${text}!`), post('1', 'same id again'), post('3', 'ok')],
    });
    expect(result.output.main?.map((item) => item.id)).toEqual(['1', '3']);
    expect(result.output.duplicates?.map((item) => item.duplicateOf)).toEqual([
      { of: 'weibo:1', reason: 'near', distance: expect.any(Number) },
      { of: 'weibo:1', reason: 'id' },
    ]);
  });

  it('drops exact repeats of an earlier run by URL and by id', async () => {
    const first = await runAt('2024-01-01T00:00:00.000Z', [post('1', 'first post', 'https://weibo.com/1')]);
    const again = await runAt(
      '2024-01-01T06:00:00.000Z',
      [post('7', 'other text', 'https://weibo.com/1?utm_source=x'), post('1', 'edited'), post('8', 'new')],
      first,
    );
    expect(again.output.main?.map((item) => item.id)).toEqual(['8']);
    expect(again.output.duplicates?.map((item) => item.duplicateOf)).toEqual([
      { of: 'weibo:1', reason: 'url' },
      { of: 'weibo:1', reason: 'id' },
    ]);
  });

  it('drops near-duplicates of an earlier run', async () => {
    const original = '这家店的客服太差了，等了两个小时都没有人理我，再也不会来了';
    const first = await runAt('2024-01-01T00:00:00.000Z', [post('1', original)]);
    const repost = await runAt(
      '2024-01-02T00:00:00.000Z',
      [post('2', `转发微博 ${original} #避雷`), post('3', '物流很快，包装也很用心，下次还会买这家的东西')],
      first,
    );
    expect(repost.output.main?.map((item) => item.id)).toEqual(['3']);
    expect(repost.output.duplicates?.[0]?.duplicateOf).toMatchObject({ of: 'weibo:1', reason: 'near' });
  });

  it('remembers mentions across runs within the window only', async () => {
    const text = 'hello there world, long enough text';
    const first = await runAt('2024-01-01T00:00:00.000Z', [post('1', text, 'https://weibo.com/1')]);
    const within = await runAt('2024-01-02T00:00:00.000Z', [post('9', `${text}!`)], first);
    expect(within.output.duplicates?.map((item) => item.duplicateOf)).toMatchObject([
      { of: 'weibo:1', reason: 'near' },
    ]);
    // The same URL, id and text: none of them counts once the 72 h window has passed.
    const later = await runAt('2024-01-09T00:00:00.000Z', [post('1', text, 'https://weibo.com/1')], first);
    expect(later.output.main?.map((item) => item.id)).toEqual(['1']);
  });

  it('refreshes an identity seen before the window with the mention that carries it now', async () => {
    const first = await runAt('2024-01-01T00:00:00.000Z', [post('1', 'first', 'https://weibo.com/1')]);
    const later = await runAt(
      '2024-01-09T00:00:00.000Z',
      [post('2', 'second', 'https://weibo.com/1')],
      first,
      'later',
    );
    expect(later.output.main).toHaveLength(1);
    const refreshed = later.data.get('listening-dedupe')?.get('url:https://weibo.com/1');
    expect(refreshed?.data).toEqual({
      mentionKey: 'weibo:2',
      by: 'later:dedupe:0',
      seenAt: '2024-01-09T00:00:00.000Z',
    });
    const next = await runAt('2024-01-09T01:00:00.000Z', [post('3', 'third', 'https://weibo.com/1')], later);
    expect(next.output.duplicates?.[0]?.duplicateOf).toEqual({ of: 'weibo:2', reason: 'url' });
  });

  it('forgets what left the window, so its collections stay the size of the window', async () => {
    const first = await runAt('2024-01-01T00:00:00.000Z', [
      post('1', 'hello there world, long enough text', 'https://weibo.com/1'),
    ]);
    const second = await runNode(dedupeNode, {
      now: new Date('2024-01-03T00:00:00.000Z'),
      input: [post('2', 'another post entirely, also long enough', 'https://weibo.com/2')],
      executionId: 'second',
      collections: first.data,
    });
    const keysOf = (run: RunNodeResult) =>
      Object.fromEntries([...run.data].map(([name, records]) => [name, [...records.keys()].sort()]));
    expect(keysOf(second)).toEqual({
      'listening-dedupe': ['id:weibo:1', 'id:weibo:2', 'url:https://weibo.com/1', 'url:https://weibo.com/2'],
      'listening-dedupe-simhash': ['run-2024-01-01T00:00:00.000Z:dedupe', 'second:dedupe'],
    });
    // Past the 72 h window of the first run's records, only the second run's are kept.
    const third = await runNode(dedupeNode, {
      now: new Date('2024-01-04T12:00:00.000Z'),
      input: [post('1', 'hello there world, long enough text', 'https://weibo.com/1')],
      executionId: 'third',
      collections: second.data,
    });
    expect(third.output.main?.map((item) => item.id)).toEqual(['1']);
    expect(keysOf(third)).toEqual({
      'listening-dedupe': ['id:weibo:1', 'id:weibo:2', 'url:https://weibo.com/1', 'url:https://weibo.com/2'],
      'listening-dedupe-simhash': ['second:dedupe', 'third:dedupe'],
    });
    // The identity the third run claimed again is written anew, so it stays.
    expect(third.data.get('listening-dedupe')?.get('id:weibo:1')?.updatedAt).toBe('2024-01-04T12:00:00.000Z');
  });

  it('does not take a retried step for a repeat of itself', async () => {
    const input = [post('1', 'hello there world, long enough text', 'https://weibo.com/1')];
    const first = await runAt('2024-01-01T00:00:00.000Z', input, undefined, 'same');
    const retried = await runAt('2024-01-01T00:01:00.000Z', input, first, 'same');
    expect(retried.output.main).toHaveLength(1);
  });

  it('remembers long URLs by a digest that fits a record key', async () => {
    const url = `https://weibo.com/${'x'.repeat(300)}`;
    const first = await runAt('2024-01-01T00:00:00.000Z', [{ text: 'a', url }]);
    const keys = [...(first.data.get('listening-dedupe')?.keys() ?? [])];
    expect(keys).toEqual([expect.stringMatching(/^url:sha256:[0-9a-f]{64}$/)]);
    const again = await runAt('2024-01-01T01:00:00.000Z', [{ text: 'b', url }], first);
    expect(again.output.duplicates).toHaveLength(1);
  });
});

/** Runs dedupe at `now`, remembering what `earlier` stored. */
async function runAt(now: string, input: Item[], earlier?: RunNodeResult, executionId = `run-${now}`) {
  return runNode(dedupeNode, {
    now: new Date(now),
    input,
    executionId,
    data: earlier ? rememberedBy(earlier) : {},
  });
}

function rememberedBy(run: RunNodeResult): Record<string, Record<string, JsonObject>> {
  return Object.fromEntries(
    [...run.data].map(([name, records]) => [
      name,
      Object.fromEntries([...records].map(([key, record]) => [key, record.data])),
    ]),
  );
}
