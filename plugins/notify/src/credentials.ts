import { defineCredential, z } from '@sbss/sdk';

const httpUrl = /^https?:\/\/[^\s/?#]+/;

/**
 * A group robot's webhook. The URL carries the robot's token (DingTalk `access_token`, WeCom
 * `key`, the Feishu hook id, Slack's path), so it is a secret in itself and lives here rather
 * than in node params. Tests and private deployments point it at another host.
 */
export const robotWebhookCredential = defineCredential({
  id: 'robot-webhook',
  title: { en: 'Robot webhook', 'zh-Hans': '群机器人 Webhook', 'zh-Hant': '群機器人 Webhook' },
  fields: z.object({
    url: z
      .string()
      .regex(httpUrl, 'an http(s) URL')
      .describe('Webhook address exactly as the platform shows it'),
    secret: z
      .string()
      .optional()
      .describe('Signing secret (DingTalk "加签", Feishu "签名校验"); WeCom and Slack robots have none'),
  }),
});

/** An SMTP account; `ctx.mail` (the host, with nodemailer) reads these fields, never the plugin. */
export const smtpCredential = defineCredential({
  id: 'smtp',
  title: { en: 'SMTP server', 'zh-Hans': 'SMTP 邮件服务器', 'zh-Hant': 'SMTP 郵件伺服器' },
  fields: z.object({
    host: z.string().min(1),
    port: z.string().regex(/^\d+$/).optional().describe('587 unless set'),
    secure: z.enum(['true', 'false']).optional().describe('"true" for implicit TLS (port 465)'),
    user: z.string().optional(),
    pass: z.string().optional(),
  }),
});
