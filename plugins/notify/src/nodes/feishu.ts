import { defineNode, type JsonObject, z } from '@sbss/sdk';
import { messageParams } from '../delivery/message-params.js';
import { excerpt, rateLimited, rejected } from '../delivery/notify-errors.js';
import { bodyObject, postJson } from '../delivery/post-json.js';
import { sendEach } from '../delivery/send-once.js';
import { robotWebhook } from '../delivery/webhook-credential.js';
import { feishuCard } from '../messages/robot-messages.js';
import { feishuSign } from '../signing/robot-signatures.js';

const params = z.object({
  ...messageParams,
  color: z
    .enum([
      'blue',
      'wathet',
      'turquoise',
      'green',
      'yellow',
      'orange',
      'red',
      'carmine',
      'violet',
      'purple',
      'indigo',
      'grey',
    ])
    .default('blue')
    .describe('Card header colour, e.g. red for a crisis alert'),
});

// Feishu custom bots allow 100 messages a minute and 5 a second; 9499 ("too many request") and
// 11232 (frequency limit) are its throttling codes.
const rateLimitCodes = new Set([9499, 11232]);

export const feishuNode = defineNode({
  id: 'feishu',
  title: { en: 'Feishu / Lark bot', 'zh-Hans': '飞书群机器人', 'zh-Hant': '飛書群機器人' },
  description: {
    en: 'Posts an interactive card with a link button to a Feishu or Lark custom bot, signed when the bot has a secret.',
    'zh-Hans': '向飞书（Lark）自定义机器人发送带按钮的消息卡片，配置了签名校验时自动签名。',
    'zh-Hant': '向飛書（Lark）自訂機器人發送帶按鈕的訊息卡片，設定了簽名校驗時自動簽名。',
  },
  category: 'notify',
  credentials: ['robot-webhook'],
  params,
  run(ctx) {
    return sendEach(ctx, 'feishu', async (p) => {
      const robot = await robotWebhook(ctx, p.credential);
      // Wall-clock seconds, not ctx.now(): Feishu refuses timestamps an hour away from its clock.
      const timestamp = Math.floor(Date.now() / 1000);
      const signature: JsonObject = robot.secret
        ? { timestamp: String(timestamp), sign: feishuSign(robot.secret, timestamp) }
        : {};
      const response = await postJson(ctx, 'Feishu', robot.url, { ...signature, ...feishuCard(p, p.color) });
      const body = bodyObject(response.body);
      // Current bots answer { code, msg }; older ones { StatusCode, StatusMessage }.
      const code =
        typeof body.code === 'number'
          ? body.code
          : typeof body.StatusCode === 'number'
            ? body.StatusCode
            : undefined;
      if (response.status === 200 && code === 0) return { code: 0 };
      const msg = String(body.msg ?? body.StatusMessage ?? excerpt(response.body));
      const details = { status: response.status, code: code ?? null, msg };
      const reason = `code ${details.code} (${msg})`;
      if (code !== undefined && rateLimitCodes.has(code)) throw rateLimited('Feishu', reason, details);
      throw rejected('Feishu', `${reason}; check the bot's webhook, secret and keyword settings`, details);
    });
  },
});
