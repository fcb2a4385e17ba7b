import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';

export const subworkflowNode = defineHostNode({
  id: 'subworkflow',
  title: { en: 'Run workflow', 'zh-Hans': '运行子工作流', 'zh-Hant': '執行子工作流程' },
  description: {
    en: 'Runs another workflow of this workspace with the items and outputs what it returns.',
    'zh-Hans': '用当前数据运行本工作区的另一个工作流，并输出其返回结果。',
    'zh-Hant': '以目前資料執行本工作區的另一個工作流程，並輸出其回傳結果。',
  },
  category: 'flow',
  params: z.object({
    workflowId: z.string().min(1).describe('The workflow to run'),
    mode: z
      .enum(['once', 'each'])
      .default('once')
      .describe('once: one run with all items; each: one run per item, in order'),
  }),
  async run(ctx) {
    const items = ctx.input.main ?? [];
    if (ctx.params.mode === 'once') {
      return (await ctx.host.runWorkflow(ctx.params.workflowId, items)).main ?? [];
    }
    const output: Item[] = [];
    for (const [index, item] of items.entries()) {
      const result = await ctx.host.runWorkflow(ctx.paramsFor(index).workflowId, [item]);
      output.push(...(result.main ?? []));
    }
    return output;
  },
});
