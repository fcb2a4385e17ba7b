import { z } from 'zod';
import { defineHostNode } from '../host-node.js';

/** Starts a run by hand, from the editor or `sbss run`, with the items given for the test. */
export const manualNode = defineHostNode({
  id: 'manual',
  title: { en: 'Manual trigger', 'zh-Hans': '手动触发', 'zh-Hant': '手動觸發' },
  description: {
    en: 'Starts the workflow when you run it by hand, with the sample items you give it.',
    'zh-Hans': '手动运行工作流时触发，输出你提供的样例数据。',
    'zh-Hant': '手動執行工作流程時觸發，輸出你提供的範例資料。',
  },
  category: 'trigger',
  trigger: 'manual',
  params: z.object({}),
  run: (ctx) => ctx.input.main ?? [],
});
