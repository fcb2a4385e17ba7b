import { z } from '@sbss/sdk';

const valueFormat = z.enum(['number', 'signed', 'percent', 'minutes', 'text']);

export const kpiSchema = z.object({
  label: z.string().min(1),
  value: z.union([z.number(), z.string()]).nullable(),
  format: valueFormat.default('number'),
  /** Relative change against the previous period (0.25 = +25%). */
  change: z.number().nullable().optional(),
  /** Which way is good news, so the change is coloured green or red. */
  goodWhen: z.enum(['up', 'down']).optional(),
  hint: z.string().optional(),
});

export const chartSchema = z.object({
  title: z.string().min(1),
  type: z.enum(['line', 'area', 'bar', 'hbar', 'stacked-hbar', 'donut']),
  categories: z.array(z.string()).default([]),
  series: z
    .array(z.object({ name: z.string(), data: z.array(z.number()), color: z.string().optional() }))
    .min(1),
  /** Colours per category (donut slices, bars), e.g. green/grey/red for sentiment. */
  colors: z.array(z.string()).optional(),
  width: z.enum(['full', 'half']).default('half'),
  valueFormat: z.enum(['number', 'percent']).default('number'),
  note: z.string().optional(),
});

export const tableSchema = z.object({
  title: z.string().min(1),
  columns: z.array(z.object({ label: z.string(), align: z.enum(['left', 'right']).default('left') })).min(1),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  width: z.enum(['full', 'half']).default('full'),
  note: z.string().optional(),
});

/** A report as data: what `reporting/render@1` turns into HTML. Hand-made specs are welcome too. */
export const reportSpecSchema = z.object({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  period: z.object({ since: z.string(), until: z.string() }).optional(),
  highlights: z.array(z.string()).default([]),
  kpis: z.array(kpiSchema).default([]),
  charts: z.array(chartSchema).default([]),
  tables: z.array(tableSchema).default([]),
  footnote: z.string().optional(),
});

export type Kpi = z.output<typeof kpiSchema>;
export type Chart = z.output<typeof chartSchema>;
export type Table = z.output<typeof tableSchema>;
export type ReportSpec = z.output<typeof reportSpecSchema>;
export type ValueFormat = z.output<typeof valueFormat>;
