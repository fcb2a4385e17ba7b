import { defineNode, type JsonValue } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
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

  it('remembers mentions across runs within the window only', async () => {
    const first = await runNode(dedupeNode, { input: [post('1', 'hello there world, long enough text')] });
    const remembered = [...(first.data.get('listening-dedupe')?.values() ?? [])];
    expect(remembered).toHaveLength(1);
    const stored = remembered[0]?.data as Record<string, JsonValue>;
    const again = await rerun(stored, '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z');
    expect(again.output.duplicates).toHaveLength(1);
    const later = await rerun(stored, '2024-01-01T00:00:00.000Z', '2024-01-09T00:00:00.000Z');
    expect(later.output.main).toHaveLength(1);
  });
});

/** Runs with one remembered record, written at `storedAt`, seen again at `now` (72 h window). */
async function rerun(stored: Record<string, JsonValue>, storedAt: string, now: string) {
  // The harness stamps records with its own clock: insert at `storedAt`, then look at `now`.
  return runNode(
    defineNode({
      ...dedupeNode,
      async run(ctx) {
        await ctx.data.insert('listening-dedupe', [stored]);
        return dedupeNode.run({ ...ctx, now: () => new Date(now) });
      },
    }),
    {
      now: new Date(storedAt),
      input: [post('9', 'hello there world, long enough text!')],
      executionId: 'second',
    },
  );
}
