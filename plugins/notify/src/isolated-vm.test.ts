import { fileURLToPath } from 'node:url';
import type { JsonObject } from '@sbss/sdk';
import { runNodeInSandbox } from '@sbss/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Reply,
  type RobotServer,
  realFetch,
  startRobotServer,
} from './testing/robot-server.test-support.js';
import { dingtalkSignatureValid, feishuSignatureValid } from './testing/signature-checks.test-support.js';

const pluginDir = fileURLToPath(new URL('../', import.meta.url));
let server: RobotServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const secret = 'SEC-sandbox-secret';
const params = {
  credential: 'robot',
  title: '负面激增',
  text: '**84** 条',
  link: 'https://sbss.example.com/cases/c-1',
};

function send(node: string, url: string) {
  return runNodeInSandbox(pluginDir, node, {
    params,
    input: [{ caseId: 'c-1' }],
    credentials: { robot: { url, secret } },
    http: realFetch,
  });
}

describe('the notify plugin in the server sandbox (isolated-vm)', () => {
  it('signs DingTalk and Feishu messages that a loopback robot accepts', { timeout: 30_000 }, async () => {
    server = await startRobotServer((request): Reply => {
      if (request.url.startsWith('/robot/send')) {
        const valid = dingtalkSignatureValid(request.query, secret);
        return { body: valid ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' } };
      }
      const valid = feishuSignatureValid(request.body as JsonObject, secret);
      return { body: valid ? { code: 0, msg: 'success' } : { code: 19021, msg: 'sign match fail' } };
    });
    const dingtalk = await send('dingtalk@1', `${server.base}/robot/send?access_token=t`);
    const feishu = await send('feishu@1', `${server.base}/hook/x`);
    expect(dingtalk.output.main?.[0]?.notification).toMatchObject({ channel: 'dingtalk', errcode: 0 });
    expect(feishu.output.main?.[0]?.notification).toMatchObject({ channel: 'feishu', code: 0 });
  });
});
