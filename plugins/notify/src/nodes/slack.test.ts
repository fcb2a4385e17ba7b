import type { JsonObject } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Reply,
  type RobotServer,
  realFetch,
  startRobotServer,
} from '../testing/robot-server.test-support.js';
import { slackNode } from './slack.js';

const path = '/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
let server: RobotServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A Slack incoming webhook: text answers, "ok" on success; the secret path is the only credential. */
async function slack(reply: () => Reply = () => ({ body: 'ok' })) {
  server = await startRobotServer((request) =>
    request.url === path ? reply() : { status: 404, body: 'no_service' },
  );
  return server;
}

function send(robot: RobotServer, params: JsonObject = {}, hookPath = path) {
  return runNode(slackNode, {
    params: {
      credential: 'team-slack',
      title: 'Negative share spike: Acme',
      text: '## Numbers\n**45%** negative in the last hour, see [the thread](https://weibo.com/1/abc) & <reply>',
      link: 'https://sbss.example.com/cases/c-7',
      linkText: 'Open case',
      ...params,
    },
    input: [{ caseId: 'c-7' }],
    credentials: { 'team-slack': { url: `${robot.base}${hookPath}` } },
    http: realFetch,
  });
}

describe('notify/slack@1', () => {
  it('posts Block Kit with a header, mrkdwn text and a button to the case', async () => {
    const robot = await slack();
    const { output } = await send(robot);
    expect(robot.received[0]?.body).toEqual({
      text: 'Negative share spike: Acme',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Negative share spike: Acme', emoji: true } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*Numbers*\n*45%* negative in the last hour, see <https://weibo.com/1/abc|the thread> &amp; &lt;reply&gt;',
          },
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Open case' },
              url: 'https://sbss.example.com/cases/c-7',
              style: 'primary',
            },
          ],
        },
      ],
    });
    expect(output.main?.[0]?.notification).toMatchObject({ channel: 'slack', status: 200 });
  });

  it("fails with Slack's error text on a 4xx answer", async () => {
    const robot = await slack(() => ({ status: 400, body: 'invalid_blocks' }));
    await expect(send(robot)).rejects.toMatchObject({
      code: 'NOTIFY_REJECTED',
      message: 'Slack rejected the message: HTTP 400 invalid_blocks',
      details: { status: 400, error: 'invalid_blocks', retryable: false },
    });
  });

  it('reports no_service for a revoked webhook URL', async () => {
    const robot = await slack();
    await expect(send(robot, {}, '/services/T0/B0/revoked')).rejects.toMatchObject({
      details: { status: 404, error: 'no_service' },
    });
  });

  it('fails retryably on 429 with the Retry-After Slack sends, and on 5xx', async () => {
    const throttled = await slack(() => ({
      status: 429,
      body: 'rate_limited',
      headers: { 'retry-after': '12' },
    }));
    await expect(send(throttled)).rejects.toMatchObject({
      code: 'NOTIFY_RATE_LIMITED',
      details: { status: 429, retryAfterSeconds: 12, retryable: true },
    });
    await throttled.close();
    server = await slack(() => ({ status: 500, body: 'rollup_error' }));
    await expect(send(server)).rejects.toMatchObject({
      code: 'NOTIFY_UNAVAILABLE',
      message: expect.stringContaining('rollup_error'),
    });
  });
});
