import { z } from 'zod';
import { defineHostNode } from '../host-node.js';

/** Starts a run by hand, from the editor or `sbss run`, with the items given for the test. */
export const manualNode = defineHostNode({
  id: 'manual',
  title: { en: 'Manual trigger', 'zh-Hans': '手动触发', 'zh-Hant': '手動觸發' },
  description: {
    en: 'Starts the workflow when you run it by hand, with the sample items you give it, or one empty item.',
    'zh-Hans': '手动运行工作流时触发，输出你提供的样例数据；没有样例时输出一个空数据项。',
    'zh-Hant': '手動執行工作流程時觸發，輸出你提供的範例資料；沒有範例時輸出一個空資料項。',
  },
  category: 'trigger',
  trigger: 'manual',
  params: z.object({}),
  // Without sample items it gives one empty item, as n8n's manual trigger does: a workflow that
  // starts by reading a file or a feed then runs when started by hand with nothing to give it.
  run: (ctx) => {
    const items = ctx.input.main ?? [];
    return items.length > 0 ? items : [{}];
  },
});
