import type { Item } from '@sbss/sdk';
import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { paramMeta } from './param-meta.js';

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
    workflowId: z
      .string()
      .min(1)
      .meta(
        paramMeta({
          title: { en: 'Workflow', 'zh-Hans': '工作流', 'zh-Hant': '工作流程' },
          description: {
            en: 'The workflow to run',
            'zh-Hans': '要运行的工作流',
            'zh-Hant': '要執行的工作流程',
          },
        }),
      ),
    mode: z
      .enum(['once', 'each'])
      .default('once')
      .meta(
        paramMeta({
          title: { en: 'Mode', 'zh-Hans': '运行方式', 'zh-Hant': '執行方式' },
          description: {
            en: 'once: one run with all items; each: one run per item, in order',
            'zh-Hans': 'once：用全部数据运行一次；each：每条数据各运行一次，依次进行',
            'zh-Hant': 'once：以全部資料執行一次；each：每筆資料各執行一次，依序進行',
          },
        }),
      ),
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
