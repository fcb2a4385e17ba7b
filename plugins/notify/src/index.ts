import { definePlugin } from '@sbss/sdk';
import { robotWebhookCredential, smtpCredential } from './credentials.js';
import { dingtalkNode } from './nodes/dingtalk.js';
import { emailNode } from './nodes/email.js';
import { feishuNode } from './nodes/feishu.js';
import { slackNode } from './nodes/slack.js';
import { wecomNode } from './nodes/wecom.js';

/** Email over SMTP and the DingTalk, Feishu/Lark, WeCom and Slack robots. */
export default definePlugin({
  name: 'notify',
  version: '0.1.0',
  title: { en: 'Notifications', 'zh-Hans': '消息通知', 'zh-Hant': '訊息通知' },
  nodes: [emailNode, dingtalkNode, feishuNode, wecomNode, slackNode],
  credentials: [robotWebhookCredential, smtpCredential],
  permissions: {
    httpHosts: [
      'oapi.dingtalk.com',
      'open.feishu.cn',
      'open.larksuite.com',
      'qyapi.weixin.qq.com',
      'hooks.slack.com',
    ],
    mail: true,
  },
});
