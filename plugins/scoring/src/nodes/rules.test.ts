import type { Item } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { rules } from './rules.js';

const now = new Date('2025-03-01T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();

const negative = { name: 'negative', points: 40, target: 'urgency' };
const bigAuthor = { name: 'big author', points: 30, target: 'urgency', decay: false };
const pricing = { name: 'asks for price', points: 50, target: 'leadScore' };

/** Stands in for the engine, which resolves each rule's `when` expression against the item. */
function resolveWhen(item: Item) {
  const sentiment = item.sentiment as { label: string } | undefined;
  const followers = (item.author as { followers?: number }).followers ?? 0;
  return {
    halfLifeHours: 24,
    rules: [
      { ...negative, when: sentiment?.label === 'negative' },
      { ...bigAuthor, when: followers > 10_000 },
      { ...pricing, when: String(item.text).includes('price') },
    ],
  };
}

async function score(items: Item[]) {
  const { output } = await runNode(rules, { input: items, itemParams: resolveWhen, now });
  return output.main ?? [];
}

const mention = (text: string, label: string, followers: number, publishedAt = now.toISOString()) => ({
  id: text,
  text,
  author: { name: 'a', followers },
  sentiment: { label },
  publishedAt,
});

describe('scoring/rules', () => {
  it('adds the points of the rules whose condition holds for each mention', async () => {
    const [angryStar, happyFan] = await score([
      mention('awful', 'negative', 50_000),
      mention('what is the price?', 'positive', 10),
    ]);
    expect(angryStar).toMatchObject({ urgency: 70, leadScore: 0 });
    expect(happyFan).toMatchObject({ urgency: 0, leadScore: 50 });
  });

  it('explains which rules fired and what each added', async () => {
    const [item] = await score([mention('awful price', 'negative', 5)]);
    expect(item?.rulesFired).toEqual([
      { rule: 'negative', target: 'urgency', points: 40 },
      { rule: 'asks for price', target: 'leadScore', points: 50 },
    ]);
  });

  it('halves decaying points every half-life since publishedAt', async () => {
    const [fresh, dayOld, twoDaysOld] = await score([
      mention('awful', 'negative', 5, hoursAgo(0)),
      mention('awful', 'negative', 5, hoursAgo(24)),
      mention('awful', 'negative', 5, hoursAgo(48)),
    ]);
    expect([fresh?.urgency, dayOld?.urgency, twoDaysOld?.urgency]).toEqual([40, 20, 10]);
  });

  it('leaves rules marked not to decay at full points', async () => {
    const [item] = await score([mention('fine', 'neutral', 90_000, hoursAgo(240))]);
    expect(item?.urgency).toBe(30);
  });

  it('clamps scores to 0..max', async () => {
    const params = {
      max: 50,
      rules: [
        { name: 'a', points: 80 },
        { name: 'b', points: -10, target: 'leadScore' },
      ],
    };
    const { output } = await runNode(rules, { params, input: [mention('x', 'neutral', 0)], now });
    expect(output.main?.[0]).toMatchObject({ urgency: 50, leadScore: 0 });
  });

  it('rejects a condition that did not resolve to true or false', async () => {
    const params = { rules: [{ name: 'a', points: 1, when: 'sometimes' }] };
    await expect(runNode(rules, { params, input: [] })).rejects.toThrow();
  });
});
