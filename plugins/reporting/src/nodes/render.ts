import { defineNode, type Item, NodeError, z } from '@sbss/sdk';
import { aggregateResultSchema } from '../metrics/aggregate-result.js';
import { safeColor } from '../render/escape.js';
import { reportFromAggregate } from '../render/from-aggregate.js';
import { renderReportHtml } from '../render/html.js';
import { reportId } from '../render/report-id.js';
import { type ReportSpec, reportSpecSchema } from '../render/report-spec.js';
import { summarize } from '../render/summary.js';

const params = z.object({
  title: z
    .string()
    .min(1)
    .optional()
    .describe('Report title; defaults to "Social listening report" in the chosen language'),
  subtitle: z.string().optional().describe('A line under the title, e.g. the brands or the client'),
  language: z.enum(['en', 'zh-Hans', 'zh-Hant']).default('en').describe('Language of the generated text'),
  accentColor: z
    .string()
    .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/)
    .default('#1d4ed8')
    .describe('Accent colour (#rrggbb) of the masthead and findings'),
  collection: z.string().min(1).default('reports').describe('Collection the report is stored in'),
  // A pattern rather than z.url(): that needs the URL global, which the sandbox does not have.
  linkBase: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+/, 'an http(s) URL')
    .optional()
    .describe("Base URL of the server's report pages; the report's id is appended to make `link`"),
  includeHtml: z
    .boolean()
    .default(false)
    .describe('Also put the HTML on the output item (e.g. to attach to an email)'),
});

export const renderNode = defineNode({
  id: 'render',
  title: { en: 'Render report', 'zh-Hans': '生成报告', 'zh-Hant': '產生報告' },
  description: {
    en: 'Turns an aggregate (or a hand-made report spec) into a self-contained HTML report with SVG charts, stored in the workspace.',
    'zh-Hans': '把汇总数据（或自定义报告结构）生成为带 SVG 图表的独立 HTML 报告，并保存到工作区。',
    'zh-Hant': '把匯總數據（或自訂報告結構）產生為帶 SVG 圖表的獨立 HTML 報告，並儲存到工作區。',
  },
  category: 'reporting',
  params,
  inputs: {
    main: {
      title: { en: 'Aggregate or report spec', 'zh-Hans': '汇总或报告结构', 'zh-Hant': '匯總或報告結構' },
    },
  },
  async run(ctx) {
    const reports: Item[] = [];
    for (const [index, item] of (ctx.input.main ?? []).entries()) {
      const p = ctx.paramsFor(index);
      const spec = specOf(item, p);
      const id = reportId(ctx.idempotencyKey(index));
      const createdAt = ctx.now().toISOString();
      const html = renderReportHtml(spec, {
        language: p.language,
        accent: safeColor(p.accentColor, '#1d4ed8'),
        generatedAt: createdAt,
      });
      const link = p.linkBase ? `${p.linkBase.replace(/\/?$/, '/')}${encodeURIComponent(id)}` : undefined;
      const summary = summarize(spec, p.language, link);
      const period = spec.period ?? null;
      await ctx.data.upsert(p.collection, id, {
        id,
        title: spec.title,
        html,
        createdAt,
        period,
        language: p.language,
        summary: summary.text,
        workflowId: ctx.workflowId,
        executionId: ctx.executionId,
      });
      reports.push({
        id,
        title: spec.title,
        createdAt,
        period,
        ...(link ? { link } : {}),
        summary: summary.text,
        markdown: summary.markdown,
        bytes: html.length,
        ...(p.includeHtml ? { html } : {}),
      });
    }
    return reports;
  },
});

function specOf(
  item: Item,
  p: { title?: string | undefined; subtitle?: string | undefined; language: 'en' | 'zh-Hans' | 'zh-Hant' },
): ReportSpec {
  const aggregate = aggregateResultSchema.safeParse(item);
  if (aggregate.success) return reportFromAggregate(aggregate.data, p);
  const spec = reportSpecSchema.safeParse(item.report ?? item);
  if (!spec.success) {
    throw new NodeError(
      'REPORT_INPUT_INVALID',
      'Render expects the output of reporting/aggregate@1 or a report spec ({ title, kpis, charts, tables })',
      { issues: spec.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`) },
    );
  }
  return {
    ...spec.data,
    ...(p.title ? { title: p.title } : {}),
    ...(p.subtitle ? { subtitle: p.subtitle } : {}),
  };
}
