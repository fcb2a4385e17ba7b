import type { JsonObject } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Reply,
  type RobotServer,
  realFetch,
  startRobotServer,
} from '../testing/robot-server.test-support.js';
import { feishuSignatureValid } from '../testing/signature-checks.test-support.js';
import { feishuNode } from './feishu.js';

const secret = 'feishu-bot-secret';
const hook = '/open-apis/bot/v2/hook/2b8f0a6e-4c1d-4f0e-9d1a-000000000000';
let server: RobotServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Feishu custom bot: signature in the JSON body, { code, msg } answers. */
async function feishu(reply: () => Reply = () => ({ body: { code: 0, msg: 'success', data: {} } })) {
  server = await startRobotServer((request) => {
    if (request.url !== hook)
      return {
        status: 404,
        body: { code: 19001, msg: 'param invalid: incoming webhook access token invalid' },
      };
    if (!feishuSignatureValid(request.body as JsonObject, secret)) {
      return {
        body: { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' },
      };
    }
    return reply();
  });
  return server;
}

function send(robot: RobotServer, params: JsonObject = {}, robotSecret = secret) {
  return runNode(feishuNode, {
    params: {
      credential: 'pr-feishu',
      title: '周报已生成',
      text: '## 要点\n声量 **+43%**',
      link: 'https://sbss.example.com/reports/rpt_1',
      linkText: '查看报告',
      ...params,
    },
    input: [{ reportId: 'rpt_1' }],
    credentials: { 'pr-feishu': { url: `${robot.base}${hook}`, secret: robotSecret } },
    http: realFetch,
  });
}

describe('notify/feishu@1', () => {
  it('posts a signed interactive card with a button linking to the report', async () => {
    const robot = await feishu();
    const { output } = await send(robot, { color: 'red' });
    const body = robot.received[0]?.body as JsonObject;
    expect(body.timestamp).toMatch(/^\d{10}$/);
    expect(body).toMatchObject({
      msg_type: 'interactive',
      card: {
        header: { template: 'red', title: { tag: 'plain_text', content: '周报已生成' } },
        elements: [
          { tag: 'div', text: { tag: 'lark_md', content: '**要点**\n声量 **+43%**' } },
          {
            tag: 'action',
            actions: [
              {
                tag: 'button',
                text: { content: '查看报告' },
                type: 'primary',
                url: 'https://sbss.example.com/reports/rpt_1',
              },
            ],
          },
        ],
      },
    });
    expect(output.main?.[0]?.notification).toMatchObject({ channel: 'feishu', code: 0 });
  });

  it("fails with Feishu's code 19021 when the signature does not match", async () => {
    const robot = await feishu();
    await expect(send(robot, {}, 'wrong-secret')).rejects.toMatchObject({
      code: 'NOTIFY_REJECTED',
      message: expect.stringContaining('code 19021'),
      details: { platform: 'Feishu', code: 19021, retryable: false },
    });
  });

  it('fails retryably when Feishu throttles the bot (code 9499, code 11232, HTTP 429)', async () => {
    for (const reply of [
      { body: { code: 9499, msg: 'too many request' } },
      { status: 400, body: { code: 11232, msg: 'frequency limited' } },
      { status: 429, body: { code: 99991400, msg: 'request trigger frequency limit' } },
    ]) {
      const robot = await feishu(() => reply);
      await expect(send(robot)).rejects.toMatchObject({
        code: 'NOTIFY_RATE_LIMITED',
        details: { retryable: true },
      });
      await robot.close();
      server = undefined;
    }
  });

  it('fails retryably on a 5xx answer', async () => {
    const robot = await feishu(() => ({ status: 502, body: 'Bad Gateway' }));
    await expect(send(robot)).rejects.toMatchObject({
      code: 'NOTIFY_UNAVAILABLE',
      details: { status: 502, retryable: true },
    });
  });

  it('accepts the older { StatusCode: 0 } answer', async () => {
    const robot = await feishu(() => ({ body: { StatusCode: 0, StatusMessage: 'success' } }));
    const { output } = await send(robot);
    expect(output.main?.[0]?.notification).toMatchObject({ code: 0 });
  });
});
