import { z } from 'zod';
import { defineHostNode } from '../host-node.js';

export const respondNode = defineHostNode({
  id: 'respond',
  title: { en: 'Respond to webhook', 'zh-Hans': '响应 Webhook', 'zh-Hant': '回應 Webhook' },
  description: {
    en: 'Answers the webhook call that started the run (webhook response mode "respondNode").',
    'zh-Hans': '回应启动本次运行的 Webhook 请求（Webhook 响应方式为“由响应节点返回”）。',
    'zh-Hant': '回應啟動本次執行的 Webhook 請求（Webhook 回應方式為「由回應節點返回」）。',
  },
  category: 'flow',
  params: z.object({
    status: z.number().int().min(100).max(599).default(200).describe('HTTP status code'),
    body: z.json().optional().describe('Response body; by default the incoming items'),
    headers: z.record(z.string(), z.string()).default({}).describe('Response headers'),
  }),
  run(ctx) {
    const items = ctx.input.main ?? [];
    const { status, body, headers } = ctx.params;
    ctx.host.respond({ status, headers, body: body === undefined ? items : body });
    return items;
  },
});
