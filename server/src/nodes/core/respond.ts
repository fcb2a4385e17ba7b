import { z } from 'zod';
import { defineHostNode } from '../host-node.js';
import { paramMeta } from './param-meta.js';

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
    status: z
      .number()
      .int()
      .min(100)
      .max(599)
      .default(200)
      .meta(
        paramMeta({
          title: { en: 'Status code', 'zh-Hans': '状态码', 'zh-Hant': '狀態碼' },
          description: { en: 'HTTP status code', 'zh-Hans': 'HTTP 状态码', 'zh-Hant': 'HTTP 狀態碼' },
        }),
      ),
    body: z
      .json()
      .optional()
      .meta(
        paramMeta({
          title: { en: 'Body', 'zh-Hans': '响应体', 'zh-Hant': '回應內容' },
          description: {
            en: 'Response body; by default the incoming items',
            'zh-Hans': '响应体；默认为传入的数据',
            'zh-Hant': '回應內容；預設為傳入的資料',
          },
        }),
      ),
    headers: z
      .record(z.string(), z.string())
      .default({})
      .meta(
        paramMeta({
          title: { en: 'Headers', 'zh-Hans': '响应头', 'zh-Hant': '回應標頭' },
          description: { en: 'Response headers', 'zh-Hans': '响应头', 'zh-Hant': '回應標頭' },
        }),
      ),
  }),
  run(ctx) {
    const items = ctx.input.main ?? [];
    const { status, body, headers } = ctx.params;
    ctx.host.respond({ status, headers, body: body === undefined ? items : body });
    return items;
  },
});
