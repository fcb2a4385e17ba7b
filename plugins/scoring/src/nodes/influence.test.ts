import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { influence } from './influence.js';

const item = (followers: number, metrics = {}, verified = false) => ({
  id: 'm',
  text: 'x',
  author: { name: 'a', followers, verified },
  metrics,
});

async function score(input: object[], params = {}) {
  const { output } = await runNode(influence, { input: input as never, params });
  return (output.main ?? []).map((row) => row.influence as number);
}

describe('scoring/influence', () => {
  it('scores a silent account with no followers zero and a verified star with viral reach 100', async () => {
    const star = item(10_000_000, { likes: 100_000, shares: 100_000, comments: 100_000 }, true);
    expect(await score([item(0), star])).toEqual([0, 100]);
  });

  it('grows reach with the logarithm of followers', async () => {
    const [hundred = 0, thousand = 0, tenThousand = 0] = await score([item(100), item(1000), item(10_000)]);
    expect(thousand - hundred).toBeCloseTo(tenThousand - thousand, 0);
    expect(thousand).toBeGreaterThan(hundred);
  });

  it('counts a share as more than a like', async () => {
    const [liked = 0, shared = 0] = await score([item(0, { likes: 50 }), item(0, { shares: 50 })]);
    expect(shared).toBeGreaterThan(liked);
  });

  it('follows the configured weights', async () => {
    const params = { reachWeight: 0, engagementWeight: 0, verifiedWeight: 1 };
    expect(await score([item(5_000_000, {}, false), item(0, {}, true)], params)).toEqual([0, 100]);
  });

  it('explains the score by its factors', async () => {
    const { output } = await runNode(influence, { input: [item(0, {}, true)] });
    expect(output.main?.[0]?.influenceFactors).toEqual({ reach: 0, engagement: 0, verified: 1 });
  });

  it('treats missing metrics and followers as none', async () => {
    expect(await score([{ id: 'm', text: 'x', author: { name: 'a' } }])).toEqual([0]);
  });
});
