import { fileURLToPath } from 'node:url';
import type { Item, NodeDefinition } from '@sbss/sdk';
import { type RunNodeOptions, runNode } from '@sbss/sdk/testing';
import { runNodeInSandbox } from '@sbss/server/testing';
import { describe, expect, it } from 'vitest';
import { rules } from './nodes/rules.js';
import { sentiment } from './nodes/sentiment.js';

const pluginDir = fileURLToPath(new URL('../', import.meta.url));
const now = new Date('2025-03-01T12:00:00Z');

const mention = (id: string, text: string, lang: string, followers: number, publishedAt: string) => ({
  id,
  source: 'weibo',
  author: { name: id, followers },
  text,
  lang,
  publishedAt,
});

const mentions = [
  mention('m1', '客服态度特别好，问题很快就解决了', 'zh-Hans', 120, '2025-03-01T10:00:00Z'),
  mention('m2', '網路一直斷線，客服都打不通，爛透了', 'zh-Hant', 52_000, '2025-02-28T12:00:00Z'),
  mention('m3', 'The app is not good at all. What is the price?', 'en', 900, '2025-03-01T12:00:00Z'),
  mention('m4', 'Starbucks is opening a new location on Main Street', 'en', 15, '2025-02-27T12:00:00Z'),
];

/** Stands in for the engine, which resolves each rule's `when` expression against the item. */
function resolveWhen(item: Item) {
  const label = (item.sentiment as { label: string }).label;
  const followers = (item.author as { followers: number }).followers;
  return {
    rules: [
      { name: 'negative', points: 40, when: label === 'negative' },
      { name: 'big author', points: 30, when: followers > 10_000, decay: false },
      { name: 'asks for price', points: 50, target: 'leadScore', when: String(item.text).includes('price') },
    ],
  };
}

/** Runs the node in-process and in the sandbox, and hands back the output they agree on. */
async function both(node: NodeDefinition, key: string, options: RunNodeOptions): Promise<Item[]> {
  const inProcess = await runNode(node, options);
  const sandboxed = await runNodeInSandbox(pluginDir, key, options);
  expect(sandboxed.output).toEqual(inProcess.output);
  return sandboxed.output.main ?? [];
}

describe('scoring nodes in the server sandbox (isolated-vm)', () => {
  it('score sentiment and rules exactly as they do in-process', { timeout: 60_000 }, async () => {
    const scored = await both(sentiment, 'sentiment@1', { input: mentions });
    const ranked = await both(rules, 'rules@1', { input: scored, itemParams: resolveWhen, now });
    expect(ranked.map((item) => item.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(ranked.find((item) => item.id === 'm2')?.urgency).toBeGreaterThanOrEqual(30);
    expect(ranked.find((item) => item.id === 'm3')?.leadScore).toBe(50);
  });
});
