import { runNode } from '@sbss/sdk/testing';
import type { Mention } from 'sbss-plugin-listening/mention';
import { describe, expect, it } from 'vitest';
import { sentiment } from './sentiment.js';

const mention = (text: string, lang: string) =>
  ({
    id: text,
    source: 'weibo',
    author: { name: 'someone' },
    text,
    lang,
    publishedAt: '2025-01-01T00:00:00Z',
  }) satisfies Mention;

async function label(text: string, lang: string) {
  const { output } = await runNode(sentiment, { input: [mention(text, lang)] });
  return output.main?.[0]?.sentiment as { label: string; score: number; confidence: number };
}

describe('scoring/sentiment', () => {
  it('labels Simplified Chinese praise and complaints', async () => {
    expect((await label('客服态度特别好，问题很快就解决了', 'zh-Hans')).label).toBe('positive');
    expect((await label('快递三天都没到，客服也不理人，太失望了', 'zh-Hans')).label).toBe('negative');
  });

  it('reads Traditional Chinese through conversion to Simplified', async () => {
    expect((await label('這家店的服務超讚，下次還會再來', 'zh-Hant')).label).toBe('positive');
    expect((await label('網路一直斷線，客服都打不通，爛透了', 'zh-Hant')).label).toBe('negative');
  });

  it('flips a Chinese polar word after a negator', async () => {
    expect((await label('这次的体验不满意', 'zh-Hans')).score).toBeLessThan(0);
    expect((await label('一点都不贵', 'zh-Hans')).score).toBeGreaterThan(0);
  });

  it('labels English with negation and contrast', async () => {
    expect((await label('The support team was great, thank you!', 'en')).label).toBe('positive');
    expect((await label('The app is not good at all', 'en')).label).toBe('negative');
    expect((await label('The food was fine but the service was terrible', 'en')).label).toBe('negative');
  });

  it('labels English complaints, slang and irony of social posts', async () => {
    expect((await label('Still waiting on my refund, nobody answers emails', 'en')).label).toBe('negative');
    expect((await label('Never flying with them again 😡', 'en')).label).toBe('negative');
    expect((await label('Great service. 🙄', 'en')).label).toBe('negative');
    expect((await label('ngl the new menu slaps 🔥', 'en')).label).toBe('positive');
  });

  it('calls factual posts neutral', async () => {
    const result = await label('Starbucks is opening a new location on Main Street', 'en');
    expect(result.label).toBe('neutral');
  });

  it('keeps score within -1..1 and confidence within 0.5..1', async () => {
    for (const text of ['太棒了太棒了太棒了！！！', '垃圾垃圾垃圾', 'ok']) {
      const result = await label(text, 'und');
      expect(Math.abs(result.score)).toBeLessThanOrEqual(1);
      expect(result.confidence).toBeGreaterThanOrEqual(0.5);
      expect(result.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('calls an item with nothing to read neutral with no confidence, and says so in the log', async () => {
    const { text: _none, ...image } = { ...mention('', 'und'), media: ['photo.jpg'] };
    const { output, logs } = await runNode(sentiment, { input: [image, mention('好评', 'zh-Hans')] });
    expect(output.main?.[0]?.sentiment).toEqual({ label: 'neutral', score: 0, confidence: 0 });
    expect(output.main?.[1]?.sentiment).toMatchObject({ label: 'positive' });
    expect(logs).toMatchObject([
      { level: 'warn', message: '1 of 2 items have no text or title to score: neutral, confidence 0' },
    ]);
  });

  it('keeps the other fields of the mention', async () => {
    const { output } = await runNode(sentiment, { input: [mention('好评', 'zh-Hans')] });
    expect(output.main?.[0]).toMatchObject({ id: '好评', source: 'weibo', author: { name: 'someone' } });
  });

  it('fails clearly when the named model was never trained', async () => {
    await expect(runNode(sentiment, { params: { model: 'missing' }, input: [] })).rejects.toMatchObject({
      code: 'SENTIMENT_MODEL_NOT_FOUND',
    });
  });
});
