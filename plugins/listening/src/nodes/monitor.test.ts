import { checkParams } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { monitorNode } from './monitor.js';

const mentions = [
  {
    id: '1',
    source: 'weibo',
    author: { name: '小王' },
    text: '這家店發貨太慢了，客服也不回',
    lang: 'zh-Hant',
  },
  { id: '2', source: 'twitter', author: { name: 'dana' }, text: 'Loving the new release', lang: 'en' },
  { id: '3', source: 'zhihu', author: { name: '李雷' }, text: '发货很快，包装不错', lang: 'zh-Hans' },
];

describe('listening/monitor', () => {
  it('sends matching mentions to matched with the terms that hit, the rest to unmatched', async () => {
    const result = await runNode(monitorNode, {
      params: { query: '发货 AND (慢 OR 客服) AND NOT 包装' },
      input: mentions,
    });
    expect(result.output.matched?.map((item) => item.id)).toEqual(['1']);
    expect(result.output.matched?.[0]?.matches).toEqual({ monitor: ['发货', '慢', '客服'] });
    expect(result.output.unmatched?.map((item) => item.id)).toEqual(['2', '3']);
  });

  it('keeps the terms of earlier monitors under their own names', async () => {
    const result = await runNode(monitorNode, {
      params: { query: 'lang:en AND release', name: 'launch' },
      input: [{ ...mentions[1], matches: { brand: ['acme'] } }],
    });
    expect(result.output.matched?.[0]?.matches).toEqual({ brand: ['acme'], launch: ['lang:en', 'release'] });
  });

  it('filters by site, verified authors and counts from the Mention fields', async () => {
    const loud = {
      ...mentions[0],
      url: 'https://weibo.com/2001/status/9',
      author: { name: '小王', followers: 52_000, verified: true },
      metrics: { likes: 830, shares: 214, comments: 96, views: 41_000 },
    };
    const quiet = {
      ...mentions[2],
      url: 'https://www.zhihu.com/answer/1',
      author: { name: '李雷', followers: 90 },
    };
    const result = await runNode(monitorNode, {
      params: {
        query: '(site:weibo.com OR site:zhihu.com) AND followers:>=10k AND verified:true AND shares:>100',
      },
      input: [loud, quiet],
    });
    expect(result.output.matched?.map((item) => item.id)).toEqual(['1']);
    expect(result.output.matched?.[0]?.matches).toEqual({
      monitor: ['site:weibo.com', 'followers:>=10k', 'verified:true', 'shares:>100'],
    });
  });

  it('fails with the column of a syntax error', async () => {
    const run = runNode(monitorNode, { params: { query: '(发货 OR 物流' }, input: mentions });
    await expect(run).rejects.toMatchObject({
      code: 'QUERY_INVALID',
      // Chinese characters take two columns: ideographic spaces keep the caret under the end.
      details: { column: 10, pointer: '(发货 OR 物流\n \u3000\u3000    \u3000\u3000^' },
    });
  });

  it('reports the same error as a params issue while the workflow is edited', async () => {
    expect(await checkParams(monitorNode, { query: '(发货 OR 物流' })).toEqual([
      {
        path: ['query'],
        message: 'Missing ")" to close the "(" at column 1 (column 10)',
        details: { column: 10, pointer: '(发货 OR 物流\n \u3000\u3000    \u3000\u3000^' },
      },
    ]);
    expect(await checkParams(monitorNode, { query: '(发货 OR 物流) AND NOT 广告' })).toEqual([]);
  });

  it('warns of operators written in lower case, which are searched as words', async () => {
    expect(await checkParams(monitorNode, { query: '华为 and (退款 or "or") AND NOT author:and' })).toEqual([
      {
        path: ['query'],
        severity: 'warning',
        message: '"and" is searched as a word: the operator is written AND (column 4)',
        details: { column: 4, pointer: '华为 and (退款 or "or") AND NOT author:and\n\u3000\u3000 ^' },
      },
      {
        path: ['query'],
        severity: 'warning',
        message: '"or" is searched as a word: the operator is written OR (column 12)',
        details: {
          column: 12,
          pointer: `华为 and (退款 or "or") AND NOT author:and\n\u3000\u3000 ${' '.repeat(5)}\u3000\u3000 ^`,
        },
      },
    ]);
  });
});
