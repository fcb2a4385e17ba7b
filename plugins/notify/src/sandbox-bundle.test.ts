import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadInBareContext } from './testing/sandbox-bundle.test-support.js';
import { dingtalkSignatureValid, feishuSignatureValid } from './testing/signature-checks.test-support.js';

/** Runs a robot node of the bundled plugin inside the bare context; ctx.http just records. */
const runInside = `
(async (nodeId, params, credential) => {
  const node = __sbssPlugin.nodes.find((candidate) => candidate.id === nodeId);
  const requests = [];
  const state = {};
  const parsed = node.params.parse(params);
  const ctx = {
    params: parsed, paramsFor: () => parsed, input: { main: [{ n: 1 }] },
    executionId: 'exec', workflowId: 'wf', workspaceId: 'ws', nodeId,
    idempotencyKey: (index) => 'exec:' + nodeId + ':' + index,
    now: () => new Date(),
    credentials: { get: async () => credential },
    http: { fetch: async (request) => { requests.push(request); return { status: 200, headers: {}, body: { errcode: 0, code: 0 } }; } },
    state: { get: async (key) => state[key], set: async (key, value) => { state[key] = value; } },
    log: { debug() {}, info() {}, warn() {}, error() {} },
  };
  const output = await node.run(ctx);
  return JSON.stringify({ output, requests });
})`;

describe('the notify bundle in a bare JavaScript context', () => {
  it('signs DingTalk and Feishu messages with no crypto, TextEncoder, Buffer or URL globals', async () => {
    const { context, bytes } = await loadInBareContext();
    console.info(`notify bundle: ${Math.round(bytes / 1024)} KB`);
    expect(
      vm.runInContext(
        '[typeof crypto, typeof TextEncoder, typeof Buffer, typeof URL, typeof fetch].join()',
        context,
      ),
    ).toBe('undefined,undefined,undefined,undefined,undefined');
    const run = vm.runInContext(runInside, context) as (...args: unknown[]) => Promise<string>;
    const secret = 'SEC密钥-0123';
    const params = { credential: 'robot', title: 'Alert', link: 'https://sbss.example.com/cases/1' };

    const dingtalk = JSON.parse(
      await run('dingtalk', params, { url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret }),
    );
    const query = new URLSearchParams(String(dingtalk.requests[0].url).split('?')[1]);
    expect(dingtalkSignatureValid(query, secret)).toBe(true);

    const feishu = JSON.parse(
      await run('feishu', params, { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x', secret }),
    );
    expect(feishuSignatureValid(feishu.requests[0].body, secret)).toBe(true);
    expect(feishu.output[0]?.notification).toMatchObject({ channel: 'feishu', code: 0 });
  });
});
