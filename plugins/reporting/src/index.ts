import { definePlugin } from '@sbss/sdk';
import { aggregateNode } from './nodes/aggregate.js';
import { renderNode } from './nodes/render.js';
import { spikeNode } from './nodes/spike.js';

export { type AggregateResult, aggregateResultSchema } from './metrics/aggregate-result.js';
export { type ReportSpec, reportSpecSchema } from './render/report-spec.js';

/** `reporting/aggregate@1`, `reporting/spike@1` and `reporting/render@1`. Reads and writes only ctx.data. */
export default definePlugin({
  name: 'reporting',
  version: '0.1.0',
  title: { en: 'Reporting', 'zh-Hans': '报表', 'zh-Hant': '報表' },
  nodes: [aggregateNode, spikeNode, renderNode],
  permissions: {},
});
