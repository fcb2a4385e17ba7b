import { checkParams, type Item } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { topics } from './topics.js';

async function tag(text: string, params: object = {}) {
  const { output } = await runNode(topics, { params, input: [{ id: '1', text }] });
  return output.main?.[0] as { topics: string[]; topicHits: Record<string, string[]> };
}

describe('scoring/topics', () => {
  it('tags mentions with the example taxonomy the form starts with', async () => {
    expect((await tag('快递三天没到，申请退款也没人理')).topics).toEqual(['delivery', 'billing']);
  });

  it('adds the parent topic of a nested one', async () => {
    expect((await tag('电池续航太差')).topics).toEqual(['product/battery', 'product']);
    expect((await tag('电池续航太差', { includeParents: false })).topics).toEqual(['product/battery']);
  });

  it('matches Traditional text against Simplified keywords and back', async () => {
    expect((await tag('電池一天就沒電了')).topics).toContain('product/battery');
    expect((await tag('发票开错了', { taxonomy: 'billing: [發票]' })).topics).toEqual(['billing']);
  });

  it('reads a taxonomy written as JSON', async () => {
    const taxonomy = JSON.stringify({ pricing: { keywords: ['price', '价格'] } });
    expect((await tag('What is the PRICE?', { taxonomy })).topics).toEqual(['pricing']);
  });

  it('matches Latin keywords as whole words only', async () => {
    const taxonomy = 'apps: [app]';
    expect((await tag('so happy today', { taxonomy })).topics).toEqual([]);
    expect((await tag('the app crashed', { taxonomy })).topics).toEqual(['apps']);
  });

  it('skips a topic when one of its exclusions is present', async () => {
    const taxonomy = 'delivery: { keywords: [快递], exclude: [快递柜广告] }';
    expect((await tag('楼下的快递柜广告', { taxonomy })).topics).toEqual([]);
  });

  it('reports which keywords hit', async () => {
    expect((await tag('refund please, I was charged twice')).topicHits).toEqual({
      billing: ['refund', 'charged'],
    });
  });

  it('puts a mention in a topic by a monitor query, beside or instead of keywords', async () => {
    const taxonomy = [
      'complaint:',
      '  query: (慢 OR refund) AND NOT (谢谢 OR thanks)',
      'delivery:',
      '  keywords: [courier]',
      `  query: '"parcel late"~3'`,
      'quiet:',
      '  query: NOT followers:>100',
    ].join('\n');
    const run = (input: Item[]) => runNode(topics, { params: { taxonomy }, input });
    const { output } = await run([
      { id: '1', text: '发货太慢了', author: { name: 'a', followers: 5 } },
      { id: '2', text: 'refund done, thanks!', author: { name: 'b', followers: 900 } },
      { id: '3', text: 'my parcel was very late, asked for a refund', author: { name: 'c', followers: 900 } },
    ]);
    const [slow, thanked, late] = output.main as { topics: string[]; topicHits: Record<string, string[]> }[];
    expect(slow?.topics).toEqual(['complaint', 'quiet']);
    expect(slow?.topicHits).toEqual({ complaint: ['慢'], quiet: [] });
    expect(thanked?.topics).toEqual([]);
    expect(late?.topicHits).toEqual({ complaint: ['refund'], delivery: ['parcel', 'late'] });
  });

  it('points at the column of a query error with the topic it is in', async () => {
    const taxonomy = 'product:\n  topics:\n    battery: { query: "battery AND (drain" }';
    await expect(tag('x', { taxonomy })).rejects.toMatchObject({
      code: 'TAXONOMY_INVALID',
      message: expect.stringContaining('product/battery.query: Missing ")"'),
      details: { column: 19, pointer: 'battery AND (drain\n                  ^' },
    });
  });

  it('reports taxonomy errors as params issues while the workflow is edited', async () => {
    const taxonomy = 'product:\n  topics:\n    battery: { query: "battery AND (drain" }';
    expect(await checkParams(topics, { taxonomy })).toEqual([
      {
        path: ['taxonomy'],
        message: expect.stringContaining('product/battery.query: Missing ")"'),
        details: { column: 19, pointer: 'battery AND (drain\n                  ^' },
      },
    ]);
    expect(await checkParams(topics, { taxonomy: 'delivery: [快递\nbilling: ]' })).toEqual([
      {
        path: ['taxonomy'],
        message: expect.stringMatching(/^Taxonomy is not valid YAML or JSON/),
        details: { line: expect.any(Number), col: expect.any(Number) },
      },
    ]);
    expect(await checkParams(topics, {})).toEqual([]);
  });

  it('warns of a lower-case operator in a topic query, which is searched as a word', async () => {
    const taxonomy = 'billing:\n  query: refund or 退款';
    expect(await checkParams(topics, { taxonomy })).toEqual([
      {
        path: ['taxonomy'],
        severity: 'warning',
        message: 'billing.query: "or" is searched as a word: the operator is written OR (column 8)',
        details: { column: 8, pointer: 'refund or 退款\n       ^' },
      },
    ]);
  });

  it('says how to write a query YAML took for a comment', async () => {
    await expect(tag('x', { taxonomy: 'brand:\n  query: #华为 AND 退款' })).rejects.toMatchObject({
      code: 'TAXONOMY_INVALID',
      message: 'brand.query is empty: in YAML, put a query that starts with # or a quote in single quotes',
    });
  });

  it('fails with the line of a YAML error', async () => {
    const taxonomy = 'delivery: [快递\nbilling: ]';
    await expect(tag('x', { taxonomy })).rejects.toMatchObject({ code: 'TAXONOMY_INVALID' });
  });

  it('refuses keywords that are not a list', async () => {
    await expect(tag('x', { taxonomy: 'delivery: { keywords: 快递 }' })).rejects.toMatchObject({
      code: 'TAXONOMY_INVALID',
      message: 'delivery.keywords must be a list of keywords',
    });
  });
});
