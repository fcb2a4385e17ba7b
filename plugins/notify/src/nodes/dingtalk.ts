import { defineNode, z } from '@sbss/sdk';
import { messageParams } from '../delivery/message-params.js';
import { excerpt, rateLimited, rejected } from '../delivery/notify-errors.js';
import { bodyObject, postJson } from '../delivery/post-json.js';
import { sendEach } from '../delivery/send-once.js';
import { robotWebhook } from '../delivery/webhook-credential.js';
import { dingtalkMessage } from '../messages/robot-messages.js';
import { dingtalkSign } from '../signing/robot-signatures.js';

const params = z.object({
  ...messageParams,
  atMobiles: z.array(z.string().min(1)).default([]).describe('Mobile numbers of group members to @-mention'),
  atAll: z.boolean().default(false).describe('@-mention everyone in the group'),
});

// DingTalk's documented limit is 20 messages a minute per robot; past it errcode 410100
// ("send too fast") and the robot is throttled for a while.
const rateLimitCodes = new Set([410100]);

export const dingtalkNode = defineNode({
  id: 'dingtalk',
  title: { en: 'DingTalk robot', 'zh-Hans': '钉钉群机器人', 'zh-Hant': '釘釘群機器人' },
  description: {
    en: 'Posts an action card with a link button to a DingTalk group robot, signed when the robot has a secret.',
    'zh-Hans': '向钉钉群机器人发送带链接按钮的卡片消息，配置了加签密钥时自动签名。',
    'zh-Hant': '向釘釘群機器人發送帶連結按鈕的卡片訊息，設定了加簽密鑰時自動簽名。',
  },
  category: 'notify',
  credentials: ['robot-webhook'],
  params,
  run(ctx) {
    return sendEach(ctx, 'dingtalk', async (p) => {
      const robot = await robotWebhook(ctx, p.credential);
      // Wall-clock time, not ctx.now(): DingTalk refuses timestamps an hour old, and a resumed
      // execution's clock can be older than that.
      const timestamp = Date.now();
      const url = robot.secret
        ? `${robot.url}${robot.url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${dingtalkSign(robot.secret, timestamp)}`
        : robot.url;
      const message = dingtalkMessage(p, { atMobiles: p.atMobiles, isAtAll: p.atAll });
      const response = await postJson(ctx, 'DingTalk', url, message);
      const body = bodyObject(response.body);
      const errcode = typeof body.errcode === 'number' ? body.errcode : undefined;
      if (response.status === 200 && errcode === 0) return { errcode: 0, msgtype: String(message.msgtype) };
      const details = {
        status: response.status,
        errcode: errcode ?? null,
        errmsg: String(body.errmsg ?? excerpt(response.body)),
      };
      const reason = `errcode ${details.errcode} (${details.errmsg})`;
      if (errcode !== undefined && rateLimitCodes.has(errcode))
        throw rateLimited('DingTalk', reason, details);
      throw rejected(
        'DingTalk',
        `${reason}; check the robot's webhook, secret and keyword settings`,
        details,
      );
    });
  },
});
