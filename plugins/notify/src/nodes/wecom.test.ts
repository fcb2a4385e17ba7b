import type { JsonObject } from '@sbss/sdk';
import { runNode } from '@sbss/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Reply,
  type RobotServer,
  realFetch,
  startRobotServer,
} from '../testing/robot-server.test-support.js';
import { wecomNode } from './wecom.js';

const key = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
let server: RobotServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A WeCom group robot: the key in the URL is the only credential; { errcode, errmsg } answers. */
async function wecom(reply: () => Reply = () => ({ body: { errcode: 0, errmsg: 'ok' } })) {
  server = await startRobotServer((request) => {
    if (request.query.get('key') !== key) return { body: { errcode: 93000, errmsg: 'invalid webhook url' } };
    return reply();
  });
  return server;
}

function send(robot: RobotServer, params: JsonObject = {}, robotKey = key) {
  return runNode(wecomNode, {
    params: {
      credential: 'care-wecom',
      title: '新工单：物流投诉',
      text: '> 客户：小王\n等待 **2 小时**',
      link: 'https://sbss.example.com/cases/c-9',
      ...params,
    },
    input: [{ caseId: 'c-9' }],
    credentials: { 'care-wecom': { url: `${robot.base}/cgi-bin/webhook/send?key=${robotKey}` } },
    http: realFetch,
  });
}

describe('notify/wecom@1', () => {
  it('posts a markdown message with the case link to the robot named by the key', async () => {
    const robot = await wecom();
    const { output } = await send(robot, { linkText: '处理工单' });
    expect(robot.received[0]?.body).toEqual({
      msgtype: 'markdown',
      markdown: {
        content:
          '### 新工单：物流投诉\n> 客户：小王\n等待 **2 小时**\n\n[处理工单](https://sbss.example.com/cases/c-9)',
      },
    });
    expect(robot.received[0]?.headers['content-type']).toContain('application/json');
    expect(output.main?.[0]?.notification).toMatchObject({ channel: 'wecom', errcode: 0 });
  });

  it('keeps the content within the 4096-byte markdown limit and the link intact', async () => {
    const robot = await wecom();
    await send(robot, { text: '长'.repeat(3000) });
    const body = robot.received[0]?.body as { markdown: { content: string } };
    const content = body.markdown.content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content.endsWith('…\n\n[View details](https://sbss.example.com/cases/c-9)')).toBe(true);
  });

  it("fails with WeCom's errcode 93000 for a wrong key", async () => {
    const robot = await wecom();
    await expect(send(robot, {}, 'stale-key')).rejects.toMatchObject({
      code: 'NOTIFY_REJECTED',
      message: expect.stringContaining('errcode 93000 (invalid webhook url)'),
      details: { platform: 'WeCom', errcode: 93000 },
    });
  });

  it('fails retryably on errcode 45009 (frequency limit) and on 5xx', async () => {
    const throttled = await wecom(() => ({ body: { errcode: 45009, errmsg: 'api freq out of limit' } }));
    await expect(send(throttled)).rejects.toMatchObject({
      code: 'NOTIFY_RATE_LIMITED',
      details: { errcode: 45009, retryable: true },
    });
    await throttled.close();
    server = await wecom(() => ({ status: 500, body: 'internal error' }));
    await expect(send(server)).rejects.toMatchObject({
      code: 'NOTIFY_UNAVAILABLE',
      details: { status: 500, retryable: true },
    });
  });
});
