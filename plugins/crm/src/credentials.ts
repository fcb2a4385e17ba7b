import { defineCredential, z } from '@sbss/sdk';
import { httpUrl } from './remote/http-url.js';

export const hubspotToken = defineCredential({
  id: 'hubspot-token',
  title: {
    en: 'HubSpot private app token',
    'zh-Hans': 'HubSpot 私有应用令牌',
    'zh-Hant': 'HubSpot 私有應用權杖',
  },
  fields: z.object({
    token: z
      .string()
      .min(1)
      .describe('Access token of a private app with the crm.objects.contacts and tickets scopes'),
    // httpUrl, not z.url(): the sandbox has no URL global, so z.url() refused every value there.
    baseUrl: httpUrl()
      .default('https://api.hubapi.com')
      .describe('API base URL; change only for a proxy or a test server'),
  }),
});

export const salesforceOAuth = defineCredential({
  id: 'salesforce-oauth',
  title: {
    en: 'Salesforce (OAuth client credentials)',
    'zh-Hans': 'Salesforce（OAuth 客户端凭据）',
    'zh-Hant': 'Salesforce（OAuth 用戶端憑證）',
  },
  fields: z.object({
    clientId: z.string().min(1).describe('Consumer key of the external client app'),
    clientSecret: z.string().min(1).describe('Consumer secret of the external client app'),
    // The client credentials flow is served by the org's My Domain, not login.salesforce.com.
    loginUrl: httpUrl().describe('My Domain URL, e.g. https://acme.my.salesforce.com'),
    instanceUrl: httpUrl()
      .optional()
      .describe('API host; defaults to the instance_url the token response names'),
    apiVersion: z
      .string()
      .regex(/^v\d+\.\d$/)
      .default('v62.0'),
    sessionMinutes: z.coerce
      .number()
      .int()
      .min(5)
      .default(60)
      .describe("How long a token is reused: the org's session timeout"),
  }),
});

export const webhookSecret = defineCredential({
  id: 'webhook-secret',
  title: { en: 'Webhook signing secret', 'zh-Hans': 'Webhook 签名密钥', 'zh-Hant': 'Webhook 簽名密鑰' },
  fields: z.object({
    secret: z.string().min(16).describe('Shared secret for HMAC-SHA256, at least 16 characters'),
  }),
});
