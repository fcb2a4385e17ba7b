import { defineNode, z } from '@sbss/sdk';
import { messageParams } from '../delivery/message-params.js';
import { excerpt, rateLimited, rejected } from '../delivery/notify-errors.js';
import { bodyObject, postJson } from '../delivery/post-json.js';
import { sendEach } from '../delivery/send-once.js';
import { robotWebhook } from '../delivery/webhook-credential.js';
import { wecomMarkdown } from '../messages/robot-messages.js';

const params = z.object(messageParams);

// WeCom's global error codes: 45009 is "api freq out of limit" (a group robot takes 20
// messages a minute).
const rateLimitCodes = new Set([45009]);

/**
 * WeCom group robots have no signature scheme: the `key` in the webhook URL is the only secret,
 * which is why the URL lives in a credential. A `secret` on the credential is ignored.
 */
export const wecomNode = defineNode({
  id: 'wecom',
  title: { en: 'WeCom robot', 'zh-Hans': '企业微信群机器人', 'zh-Hant': '企業微信群機器人' },
  description: {
    en: 'Posts a Markdown message with a link to a WeCom (企业微信) group robot.',
    'zh-Hans': '向企业微信群机器人发送带链接的 Markdown 消息。',
    'zh-Hant': '向企業微信群機器人發送帶連結的 Markdown 訊息。',
  },
  category: 'notify',
  credentials: ['robot-webhook'],
  params,
  run(ctx) {
    return sendEach(ctx, 'wecom', async (p) => {
      const robot = await robotWebhook(ctx, p.credential);
      const response = await postJson(ctx, 'WeCom', robot.url, wecomMarkdown(p));
      const body = bodyObject(response.body);
      const errcode = typeof body.errcode === 'number' ? body.errcode : undefined;
      if (response.status === 200 && errcode === 0) return { errcode: 0 };
      const details = {
        status: response.status,
        errcode: errcode ?? null,
        errmsg: String(body.errmsg ?? excerpt(response.body)),
      };
      const reason = `errcode ${details.errcode} (${details.errmsg})`;
      if (errcode !== undefined && rateLimitCodes.has(errcode)) throw rateLimited('WeCom', reason, details);
      throw rejected('WeCom', `${reason}; check the robot's webhook key`, details);
    });
  },
});
