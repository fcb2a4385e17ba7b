import { type JsonObject, NodeError } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { sampleWeek } from '../testing/sample-week.test-support.js';
import { seededData, withData } from '../testing/seeded-data.test-support.js';
import { aggregateNode } from './aggregate.js';
import { renderNode } from './render.js';

const now = new Date('2025-03-08T00:00:00Z');

async function weeklyAggregate() {
  const data = seededData(sampleWeek());
  const params = {
    lookbackHours: 168,
    metrics: ['volume', 'sentiment', 'shareOfVoice', 'topAuthors', 'topTopics', 'trend', 'cases'],
  };
  const { output } = await runNode(withData(aggregateNode, data), { params, now });
  return output.main ?? [];
}

describe('reporting/render@1', () => {
  it('stores a self-contained HTML report with SVG charts in the reports collection', async () => {
    const input = await weeklyAggregate();
    const { output, data } = await runNode(renderNode, {
      input,
      params: {
        title: 'Weekly brand report',
        subtitle: 'Acme vs Globex vs Initech',
        linkBase: 'https://sbss.example.com/reports',
      },
      now,
    });
    const [report] = output.main ?? [];
    const stored = data.get('reports')?.get(String(report?.id))?.data;
    const html = String(stored?.html);
    expect(stored).toMatchObject({
      id: report?.id,
      title: 'Weekly brand report',
      createdAt: '2025-03-08T00:00:00.000Z',
      period: { since: '2025-03-01T00:00:00.000Z', until: '2025-03-08T00:00:00.000Z' },
    });
    expect(report?.link).toBe(`https://sbss.example.com/reports/${report?.id}`);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)?.length).toBe(5);
    expect(html).toContain('@page{size:A4');
    expect(html).not.toMatch(/<script|<link|src=|url\((?!#)/i);
    expect(html).not.toMatch(/style="[^"]*"[^ >/]/);
    expect(html).toContain('1 Mar 2025 – 7 Mar 2025');
    expect(report?.html).toBeUndefined();
  });

  it('summarises the report in text and Markdown for the notification that links to it', async () => {
    const { output } = await runNode(renderNode, {
      input: await weeklyAggregate(),
      params: { linkBase: 'https://x.test/r/' },
      now,
    });
    const report = output.main?.[0];
    expect(report?.summary).toMatch(/^Social listening report\n1 Mar 2025 – 7 Mar 2025\n\nMentions: [\d,]+/);
    expect(report?.summary).toContain(`https://x.test/r/${report?.id}`);
    expect(report?.markdown).toMatch(
      /\*\*Mentions\*\* [\d,]+ \(\+\d+%\) · \*\*Net sentiment\*\* [+−][\d.]+ ·/,
    );
  });

  it('writes the report in Chinese when asked', async () => {
    const { output, data } = await runNode(renderNode, {
      input: await weeklyAggregate(),
      params: { language: 'zh-Hans' },
      now,
    });
    const html = String(data.get('reports')?.get(String(output.main?.[0]?.id))?.data.html);
    expect(html).toContain('<html lang="zh-Hans">');
    expect(html).toContain('社交聆听报告');
    expect(html).toContain('2025年3月1日 – 2025年3月7日');
  });

  it('keeps the same id when a retried execution renders the same item again', async () => {
    const input = await weeklyAggregate();
    const first = await runNode(renderNode, { input, now, executionId: 'exec-1' });
    const again = await runNode(renderNode, { input, now, executionId: 'exec-1' });
    const other = await runNode(renderNode, { input, now, executionId: 'exec-2' });
    expect(again.output.main?.[0]?.id).toBe(first.output.main?.[0]?.id);
    expect(other.output.main?.[0]?.id).not.toBe(first.output.main?.[0]?.id);
  });

  it('renders a hand-made report spec and escapes its text', async () => {
    const spec: JsonObject = {
      title: 'Launch <b>recap</b>',
      kpis: [{ label: 'Reach', value: 120000, change: 0.12, goodWhen: 'up' }],
      charts: [
        {
          title: 'Signups',
          type: 'bar',
          categories: ['Mon', 'Tue'],
          series: [{ name: 'Signups', data: [3, 5] }],
        },
      ],
      tables: [
        {
          title: 'Channels',
          columns: [{ label: 'Channel' }, { label: 'Posts', align: 'right' }],
          rows: [['Weibo', 4]],
        },
      ],
    };
    const { output } = await runNode(renderNode, {
      input: [{ report: spec }],
      params: { includeHtml: true },
      now,
    });
    const html = String(output.main?.[0]?.html);
    expect(html).toContain('<h1>Launch &lt;b&gt;recap&lt;/b&gt;</h1>');
    expect(html).toContain('120,000');
    expect(html).toContain('<span class="change good">▲ +12%</span>');
    expect(html.match(/<svg /g)?.length).toBe(1);
  });

  it('fails with REPORT_INPUT_INVALID on an item that is neither an aggregate nor a spec', async () => {
    const run = runNode(renderNode, { input: [{ hello: 'world' }], now });
    await expect(run).rejects.toBeInstanceOf(NodeError);
    await expect(run).rejects.toMatchObject({ code: 'REPORT_INPUT_INVALID' });
  });
});
