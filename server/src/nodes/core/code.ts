import { z } from 'zod';
import { sharedCodeSandbox } from '../../sandbox/code-sandbox.js';
import { defineHostNode } from '../host-node.js';

/**
 * The Code node is declared here with the core nodes, but its code never runs in the host: it
 * goes to the Code node sandbox (`sandbox/code-sandbox.ts`), a fresh isolate context per call
 * with CPU, wall-time, memory and output limits and no capabilities at all.
 */
export const codeNode = defineHostNode({
  id: 'code',
  title: { en: 'Code', 'zh-Hans': '代码', 'zh-Hant': '程式碼' },
  description: {
    en: 'Runs JavaScript over the items in a sandbox: return the items to pass on. No network or file access.',
    'zh-Hans': '在沙箱中对数据运行 JavaScript，返回要传下去的数据。不能访问网络或文件。',
    'zh-Hant': '在沙箱中對資料執行 JavaScript，回傳要傳下去的資料。不能存取網路或檔案。',
  },
  category: 'data',
  params: z.object({
    code: z
      .string()
      .default('return items;')
      .describe('Body of an async function: gets items (or item and index) and returns items; await works'),
    mode: z
      .enum(['all', 'each'])
      .default('all')
      .describe('all: run once with items; each: run once per item with item and index'),
  }),
  async run(ctx) {
    const { code, mode } = ctx.params;
    const result = await sharedCodeSandbox().run({
      code,
      mode,
      items: ctx.input.main ?? [],
      signal: ctx.host.signal,
    });
    for (const line of result.logs) ctx.log[line.level](line.message, line.data);
    return result.items;
  },
});
