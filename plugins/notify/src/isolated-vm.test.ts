import type { JsonObject } from '@sbss/sdk';
import { type GrantedCapabilities, PluginHost } from '@sbss/server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dingtalkNode } from './nodes/dingtalk.js';
import { feishuNode } from './nodes/feishu.js';
import {
  type Reply,
  type RobotServer,
  realFetch,
  startRobotServer,
} from './testing/robot-server.test-support.js';
import { bundlePlugin } from './testing/sandbox-bundle.test-support.js';
import { dingtalkSignatureValid, feishuSignatureValid } from './testing/signature-checks.test-support.js';

const host = new PluginHost();
afterAll(() => host.dispose());
let server: RobotServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const secret = 'SEC-sandbox-secret';

function call(node: string, params: JsonObject, url: string) {
  const state = new Map<string, unknown>();
  return {
    node,
    params,
    itemParams: { main: [params] },
    input: { main: [{ caseId: 'c-1' }] },
    ids: { executionId: 'e1', workflowId: 'w1', workspaceId: 'ws', nodeId: 'notify' },
    now: new Date(),
    capabilities: {
      http: { fetch: realFetch },
      credentials: { get: async () => ({ url, secret }) },
      state: {
        get: async (key: string) => state.get(key),
        set: async (key: string, value: unknown) => void state.set(key, value),
        delete: async (key: string) => void state.delete(key),
      },
      data: {},
    } as unknown as GrantedCapabilities,
  };
}

describe('the notify plugin in the server sandbox (isolated-vm)', () => {
  it('signs DingTalk and Feishu messages that a loopback robot accepts', { timeout: 30_000 }, async () => {
    const bundle = { key: 'sbss-plugin-notify@0.1.0', source: await bundlePlugin() };
    server = await startRobotServer((request): Reply => {
      if (request.url.startsWith('/robot/send')) {
        const valid = dingtalkSignatureValid(request.query, secret);
        return { body: valid ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' } };
      }
      const valid = feishuSignatureValid(request.body as JsonObject, secret);
      return { body: valid ? { code: 0, msg: 'success' } : { code: 19021, msg: 'sign match fail' } };
    });
    const params = {
      credential: 'robot',
      title: '负面激增',
      text: '**84** 条',
      link: 'https://sbss.example.com/cases/c-1',
    };
    const dingtalk = await host.run(
      bundle,
      call(
        'dingtalk@1',
        dingtalkNode.params.parse(params) as JsonObject,
        `${server.base}/robot/send?access_token=t`,
      ),
    );
    const feishu = await host.run(
      bundle,
      call('feishu@1', feishuNode.params.parse(params) as JsonObject, `${server.base}/hook/x`),
    );
    expect(dingtalk.output.main?.[0]?.notification).toMatchObject({ channel: 'dingtalk', errcode: 0 });
    expect(feishu.output.main?.[0]?.notification).toMatchObject({ channel: 'feishu', code: 0 });
  });
});
