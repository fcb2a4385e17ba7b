import { defineNode, z } from '@sbss/sdk';
import { messageParams } from '../delivery/message-params.js';
import { excerpt, rejected } from '../delivery/notify-errors.js';
import { postJson } from '../delivery/post-json.js';
import { sendEach } from '../delivery/send-once.js';
import { robotWebhook } from '../delivery/webhook-credential.js';
import { slackBlocks } from '../messages/robot-messages.js';

const params = z.object(messageParams);

/**
 * Slack incoming webhooks carry no signature: the URL (hooks.slack.com/services/…) is the
 * secret, which is why it lives in a credential. Slack answers 200 "ok", or an error word as
 * plain text with a 4xx (invalid_payload, no_service, channel_is_archived, action_prohibited…),
 * 429 with Retry-After when throttled, 5xx when failing (api.slack.com, "Sending messages using
 * incoming webhooks").
 */
export const slackNode = defineNode({
  id: 'slack',
  title: { en: 'Slack webhook', 'zh-Hans': 'Slack 通知', 'zh-Hant': 'Slack 通知' },
  description: {
    en: 'Posts a Block Kit message with a link button through a Slack incoming webhook.',
    'zh-Hans': '通过 Slack Incoming Webhook 发送带按钮的 Block Kit 消息。',
    'zh-Hant': '透過 Slack Incoming Webhook 發送帶按鈕的 Block Kit 訊息。',
  },
  category: 'notify',
  credentials: ['robot-webhook'],
  params,
  run(ctx) {
    return sendEach(ctx, 'slack', async (p) => {
      const robot = await robotWebhook(ctx, p.credential);
      const response = await postJson(ctx, 'Slack', robot.url, slackBlocks(p));
      if (response.status >= 200 && response.status < 300) return { status: response.status };
      const error = excerpt(response.body);
      throw rejected('Slack', `HTTP ${response.status} ${error}`, { status: response.status, error });
    });
  },
});
