/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { importNode } from './import.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../examples/data/${name}`, import.meta.url));
const columns = {
  id: '编号',
  source: '平台',
  'author.name': '作者',
  'author.followers': '粉丝数',
  text: '内容',
  publishedAt: '发布时间',
};

describe('listening/import', () => {
  it('reads a GBK CSV uploaded as base64, guessing the encoding', async () => {
    const result = await runNode(importNode, {
      params: { content: fixture('mentions-gbk.csv').toString('base64'), contentEncoding: 'base64', columns },
    });
    expect(result.output.main).toHaveLength(20);
    expect(result.output.main?.[0]).toMatchObject({
      id: 'xiaohongshu-100002',
      author: { name: '程序员阿飞', followers: 2540 },
      lang: 'zh-Hans',
    });
    expect(result.logs[0]?.data).toMatchObject({ charset: 'gb18030', rows: 20 });
  });

  it('reads a Big5 CSV and a UTF-8 CSV with a byte order mark', async () => {
    const big5 = await runNode(importNode, {
      params: {
        content: fixture('mentions-big5.csv').toString('base64'),
        contentEncoding: 'base64',
        columns: {
          ...columns,
          'author.followers': '粉絲數',
          id: '編號',
          text: '內容',
          publishedAt: '發佈時間',
        },
      },
    });
    expect(big5.output.main?.[0]).toMatchObject({
      id: 'dcard-100001',
      author: { name: '台北打工仔' },
      lang: 'zh-Hant',
    });
    const bom = await runNode(importNode, {
      params: {
        content: fixture('mentions-utf8-bom.csv').toString('base64'),
        contentEncoding: 'base64',
        columns,
      },
    });
    expect(bom.output.main?.[0]?.id).toBe('xiaohongshu-100002');
  });

  it('downloads the file as bytes and reads JSON Lines, reporting bad lines', async () => {
    const jsonl = '{"id":"1","text":"hello world","author":{"name":"a"}}\nnot json\n{"id":"2","title":""}\n';
    const result = await runNode(importNode, {
      params: { url: 'https://files.example/m.jsonl' },
      http: () => ({ status: 200, headers: {}, body: Buffer.from(jsonl).toString('base64') }),
    });
    expect(result.requests[0]?.responseType).toBe('base64');
    expect(result.output.main?.map((item) => item.id)).toEqual(['1']);
    expect(result.output.invalid?.map((item) => item.line)).toEqual([2, 3]);
  });

  it('takes columns already named like mention fields without a mapping', async () => {
    const csv = 'id,author.name,text,metrics.likes\n7,Ann,"Great, really",12\n';
    const result = await runNode(importNode, { params: { content: csv, source: 'survey' } });
    expect(result.output.main?.[0]).toMatchObject({
      id: '7',
      source: 'survey',
      text: 'Great, really',
      metrics: { likes: 12 },
    });
  });
});
