import type { Item } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../spam/fingerprint.js';
import { spam } from './spam.js';

const now = new Date('2025-03-01T12:00:00Z');
const post = (text: string, followers = 120): Item => ({ id: text, text, author: { name: 'a', followers } });

async function check(items: Item[], options: { params?: object; state?: Record<string, never> } = {}) {
  const result = await runNode(spam, { input: items, now, ...options });
  const verdicts = (result.output.main ?? []).map(
    (item) => item.spam as { isSpam: boolean; reasons: { code: string }[] },
  );
  return { verdicts, state: result.state };
}

const codes = (verdict?: { reasons: { code: string }[] }) => verdict?.reasons.map((reason) => reason.code);

describe('scoring/spam', () => {
  it('flags a burst of the same text even when links, spacing and case vary', async () => {
    const { verdicts } = await check([
      post('低价代购 加微信 http://a.example/1'),
      post('低价代购，加微信！ https://b.example/2'),
      post('低價代購 加微信'),
      post('今天天气不错'),
    ]);
    expect(verdicts.map((verdict) => verdict.isSpam)).toEqual([true, true, true, false]);
    expect(codes(verdicts[0])).toEqual(['duplicate-burst']);
  });

  it('remembers recent texts across executions within the window', async () => {
    const first = await check([post('Win a free phone now'), post('Win a FREE phone now!')]);
    const recent = first.state.get('recent-fingerprints') as never;
    const again = await check([post('win a free phone now')], { state: { 'recent-fingerprints': recent } });
    expect(codes(again.verdicts[0])).toEqual(['duplicate-burst']);
  });

  it('forgets texts older than the window', async () => {
    const recent = Array.from({ length: 5 }, () => [
      fingerprint('x'),
      now.getTime() - 2 * 3_600_000,
    ]) as never;
    const { verdicts } = await check([post('x')], { state: { 'recent-fingerprints': recent } });
    expect(verdicts[0]?.reasons).toEqual([]);
  });

  it('flags link farms with the number of links', async () => {
    const { verdicts } = await check([post('deals http://a.io http://b.io www.c.io')]);
    expect(verdicts[0]?.reasons).toEqual([{ code: 'link-farm', detail: '3 links' }]);
  });

  it('counts zero followers as a sign that alone stays below the threshold', async () => {
    const { verdicts } = await check([post('hello there', 0)]);
    expect(verdicts[0]).toMatchObject({ isSpam: false, reasons: [{ code: 'zero-followers' }] });
  });

  it('reports every reason when several apply', async () => {
    const text = 'cheap http://a.io http://b.io http://c.io';
    const { verdicts } = await check([post(text, 0), post(text, 0), post(text, 0)]);
    expect(codes(verdicts[0])).toEqual(['duplicate-burst', 'link-farm', 'zero-followers']);
  });

  it('does not count posts that are only a link as duplicates of each other', async () => {
    const { verdicts } = await check([post('http://a.io'), post('http://b.io'), post('http://c.io')]);
    expect(verdicts.every((verdict) => verdict.reasons.length === 0)).toBe(true);
  });
});
