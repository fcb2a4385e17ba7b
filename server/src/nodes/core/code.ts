import { z } from 'zod';
import { notePairing } from '../../engine/item-lineage.js';
import { codeTooLongMessage, maxCodeLength, sharedCodeSandbox } from '../../sandbox/code-sandbox.js';
import { codeSyntaxIssues } from '../../sandbox/code-syntax.js';
import { defineHostNode } from '../host-node.js';
import { paramMeta } from './param-meta.js';

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
      .max(maxCodeLength, codeTooLongMessage)
      .default('return items;')
      .meta(
        paramMeta({
          title: { en: 'Code', 'zh-Hans': '代码', 'zh-Hant': '程式碼' },
          description: {
            en: 'Body of an async function: gets items (or item and index) and returns items; await works. $json, $node, $vars, $execution, $now and the $str/$num/$date helpers work as in expressions, and so do n8n\'s $input and $("Name"); items returned as { json } are unwrapped',
            'zh-Hans':
              '异步函数的函数体：接收 items（或 item 和 index），返回 items；可以使用 await。$json、$node、$vars、$execution、$now 与 $str/$num/$date 辅助函数和表达式中相同，n8n 的 $input 与 $("节点名") 也可用；以 { json } 形式返回的条目会被解包',
            'zh-Hant':
              '非同步函式的主體：接收 items（或 item 與 index），回傳 items；可使用 await。$json、$node、$vars、$execution、$now 與 $str/$num/$date 輔助函式和運算式中相同，n8n 的 $input 與 $("節點名") 也可用；以 { json } 形式回傳的項目會被解包',
          },
        }),
      ),
    mode: z
      .enum(['all', 'each'])
      .default('all')
      .meta(
        paramMeta({
          title: { en: 'Mode', 'zh-Hans': '运行方式', 'zh-Hant': '執行方式' },
          description: {
            en: 'all: run once with items; each: run once per item with item and index',
            'zh-Hans': 'all：用 items 运行一次；each：每条数据运行一次，传入 item 和 index',
            'zh-Hant': 'all：以 items 執行一次；each：每筆資料執行一次，傳入 item 與 index',
          },
        }),
      ),
  }),
  check: ({ code }) => codeSyntaxIssues(code),
  async run(ctx) {
    const { code, mode } = ctx.params;
    const result = await sharedCodeSandbox().run({
      code,
      mode,
      items: ctx.input.main ?? [],
      scope: ctx.host.scope(),
      signal: ctx.host.signal,
    });
    for (const line of result.logs) ctx.log[line.level](line.message, line.data);
    if (result.paired) notePairing(result.items, result.paired);
    return result.items;
  },
});
