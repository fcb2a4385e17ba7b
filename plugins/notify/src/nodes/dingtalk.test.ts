import type { JsonObject, JsonValue } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Reply,
  type RobotServer,
  realFetch,
  startRobotServer,
} from '../testing/robot-server.test-support.js';
import { withState } from '../testing/shared-state.test-support.js';
import { dingtalkSignatureValid } from '../testing/signature-checks.test-support.js';
import { dingtalkNode } from './dingtalk.js';

const secret = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
const token = 'robot-token';
let server: RobotServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** DingTalk's robot endpoint as documented: token and signature in the query, errcode in the body. */
async function dingtalk(reply: (body: JsonObject) => Reply = () => ({ body: { errcode: 0, errmsg: 'ok' } })) {
  server = await startRobotServer((request) => {
    if (request.query.get('access_token') !== token)
      return { body: { errcode: 300001, errmsg: 'token is not exist' } };
    if (!dingtalkSignatureValid(request.query, secret))
      return { body: { errcode: 310000, errmsg: 'sign not match' } };
    return reply(request.body as JsonObject);
  });
  return server;
}

function send(
  robot: RobotServer,
  params: JsonObject,
  options: { secret?: string; input?: JsonObject[] } = {},
) {
  const credential = {
    url: `${robot.base}/robot/send?access_token=${token}`,
    secret: options.secret ?? secret,
  };
  return runNode(dingtalkNode, {
    params: {
      credential: 'ops-dingtalk',
      title: 'Negative spike: Acme',
      text: '**84** mentions in the last hour',
      ...params,
    },
    input: options.input ?? [{ caseId: 'case-1' }],
    credentials: { 'ops-dingtalk': credential },
    http: realFetch,
  });
}

describe('notify/dingtalk@1', () => {
  it('posts a signed action card whose button links back to the case', async () => {
    const robot = await dingtalk();
    const { output } = await send(robot, {
      link: 'https://sbss.example.com/cases/case-1',
      linkText: '查看工单',
    });
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]?.body).toEqual({
      msgtype: 'actionCard',
      actionCard: {
        title: 'Negative spike: Acme',
        text: '### Negative spike: Acme\n\n**84** mentions in the last hour',
        btnOrientation: '0',
        singleTitle: '查看工单',
        singleURL: 'https://sbss.example.com/cases/case-1',
      },
    });
    expect(output.main?.[0]).toMatchObject({
      caseId: 'case-1',
      notification: { channel: 'dingtalk', errcode: 0, msgtype: 'actionCard' },
    });
  });

  it('sends a markdown message with @-mentions, link inline, when people are to be mentioned', async () => {
    const robot = await dingtalk();
    await send(robot, { link: 'https://sbss.example.com/r/1', atMobiles: ['13800000000'] });
    expect(robot.received[0]?.body).toMatchObject({
      msgtype: 'markdown',
      markdown: {
        text: expect.stringMatching(
          /\[View details\]\(https:\/\/sbss\.example\.com\/r\/1\)\n\n@13800000000$/,
        ),
      },
      at: { atMobiles: ['13800000000'], isAtAll: false },
    });
  });

  it("fails with DingTalk's errcode when the signature does not match", async () => {
    const robot = await dingtalk();
    const run = send(robot, {}, { secret: 'SECwrong' });
    await expect(run).rejects.toMatchObject({
      code: 'NOTIFY_REJECTED',
      message: expect.stringContaining('errcode 310000 (sign not match)'),
      details: { platform: 'DingTalk', errcode: 310000, retryable: false },
    });
  });

  it('fails retryably on errcode 410100 (more than 20 messages a minute)', async () => {
    const robot = await dingtalk(() => ({
      body: { errcode: 410100, errmsg: 'send too fast, exceed 20 times per minute' },
    }));
    await expect(send(robot, {})).rejects.toMatchObject({
      code: 'NOTIFY_RATE_LIMITED',
      details: { errcode: 410100, retryable: true },
    });
  });

  it('fails retryably on HTTP 429 and on 5xx', async () => {
    const throttled = await dingtalk(() => ({
      status: 429,
      body: { errcode: 130101, errmsg: 'too many requests' },
      headers: { 'retry-after': '30' },
    }));
    await expect(send(throttled, {})).rejects.toMatchObject({
      code: 'NOTIFY_RATE_LIMITED',
      details: { status: 429, retryAfterSeconds: 30, retryable: true },
    });
    await throttled.close();
    const failing = await dingtalk(() => ({ status: 503, body: 'upstream unavailable' }));
    await expect(send(failing, {})).rejects.toMatchObject({
      code: 'NOTIFY_UNAVAILABLE',
      message: expect.stringContaining('HTTP 503'),
      details: { status: 503, retryable: true },
    });
  });

  it('does not sign for a robot without a secret', async () => {
    server = await startRobotServer(() => ({ body: { errcode: 0, errmsg: 'ok' } }));
    await send(server, {}, { secret: '' });
    expect(server.received[0]?.url).toBe(`/robot/send?access_token=${token}`);
  });

  it('on a retry after a rate limit, sends only the items not yet delivered', async () => {
    let calls = 0;
    const robot = await dingtalk(() => {
      calls += 1;
      return calls === 2
        ? { body: { errcode: 410100, errmsg: 'send too fast' } }
        : { body: { errcode: 0, errmsg: 'ok' } };
    });
    const store = new Map<string, JsonValue>();
    const node = withState(dingtalkNode, store);
    const options = {
      params: { credential: 'ops', title: 'Alert' },
      itemParams: (item: JsonObject) => ({ credential: 'ops', title: `Alert ${item.n}` }),
      input: [{ n: 1 }, { n: 2 }, { n: 3 }],
      credentials: { ops: { url: `${robot.base}/robot/send?access_token=${token}`, secret } },
      http: realFetch,
    };
    await expect(runNode(node, options)).rejects.toMatchObject({ code: 'NOTIFY_RATE_LIMITED' });
    const retry = await runNode(node, options);
    const titles = robot.received.map(
      (request) => (request.body as { actionCard?: JsonObject; markdown?: JsonObject }).markdown?.title,
    );
    expect(titles).toEqual(['Alert 1', 'Alert 2', 'Alert 2', 'Alert 3']);
    expect(retry.output.main?.map((item) => item.notification)).toMatchObject([
      { skipped: expect.any(String) },
      { errcode: 0 },
      { errcode: 0 },
    ]);
  });
});
