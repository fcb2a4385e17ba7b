import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workflowInputSchema } from '../engine/model.js';
import type { Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('trigger repository', () => {
  let temp: TempStore;
  let store: Store;
  let first: string;
  let second: string;
  let acme: string;

  const workflow = workflowInputSchema.parse({
    name: 'hooked',
    nodes: [{ id: 'hook', type: 'core/webhook@1' }],
  });

  beforeEach(async () => {
    temp = openTempStore();
    store = temp.store;
    await store.workspaces.create({ id: 'acme', name: 'Acme' });
    first = (await store.workflows.create('default', workflow)).id;
    second = (await store.workflows.create('default', workflow)).id;
    acme = (await store.workflows.create('acme', workflow)).id;
  });
  afterEach(() => temp.remove());

  it('finds the workflow and node behind a method and path', async () => {
    await store.triggers.replaceWebhooks('default', first, [
      { nodeId: 'hook', method: 'POST', path: 'mentions' },
      { nodeId: 'hook', method: 'GET', path: 'mentions' },
    ]);
    expect(store.triggers.findWebhook('POST', 'mentions')).toEqual({
      workspaceId: 'default',
      workflowId: first,
      nodeId: 'hook',
    });
    expect(store.triggers.findWebhook('get', 'mentions')?.workflowId).toBe(first);
    expect(store.triggers.findWebhook('PUT', 'mentions')).toBeUndefined();
    expect(store.triggers.listWebhooks('default')).toHaveLength(2);
  });

  it("replaces all of a workflow's webhooks, and an empty list removes them", async () => {
    await store.triggers.replaceWebhooks('default', first, [{ nodeId: 'hook', method: 'POST', path: 'old' }]);
    await store.triggers.replaceWebhooks('default', first, [{ nodeId: 'hook', method: 'POST', path: 'new' }]);
    expect(store.triggers.findWebhook('POST', 'old')).toBeUndefined();
    expect(store.triggers.findWebhook('POST', 'new')?.workflowId).toBe(first);

    await store.triggers.replaceWebhooks('default', first, []);
    expect(store.triggers.listWebhooks('default')).toEqual([]);
  });

  it('refuses a path another active workflow holds, in any workspace, and changes nothing', async () => {
    await store.triggers.replaceWebhooks('acme', acme, [{ nodeId: 'hook', method: 'POST', path: 'shared' }]);
    await store.workflows.setActive('acme', acme, true);
    await store.triggers.replaceWebhooks('default', first, [
      { nodeId: 'hook', method: 'POST', path: 'mine' },
    ]);

    const attempt = store.triggers.replaceWebhooks('default', first, [
      { nodeId: 'hook', method: 'POST', path: 'shared' },
    ]);
    // The holder is in another workspace: the error says nothing about it.
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', details: undefined });
    expect(store.triggers.findWebhook('POST', 'shared')?.workflowId).toBe(acme);
    expect(store.triggers.findWebhook('POST', 'mine')?.workflowId).toBe(first);
  });

  it('takes over a path left behind by an inactive workflow', async () => {
    await store.triggers.replaceWebhooks('default', first, [{ nodeId: 'hook', method: 'POST', path: 'p' }]);
    await store.triggers.replaceWebhooks('default', second, [{ nodeId: 'hook', method: 'POST', path: 'p' }]);
    expect(store.triggers.findWebhook('POST', 'p')?.workflowId).toBe(second);
  });

  it('refuses two nodes of one workflow on the same method and path', async () => {
    const hooks = [
      { nodeId: 'a', method: 'POST', path: 'twice' },
      { nodeId: 'b', method: 'POST', path: 'twice' },
    ];
    await expect(store.triggers.replaceWebhooks('default', first, hooks)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { nodeIds: ['a', 'b'] },
    });
    expect(store.triggers.findWebhook('POST', 'twice')).toBeUndefined();
  });

  it('replaces schedules, lists them across workspaces and records the next run', async () => {
    await store.triggers.replaceSchedules('default', first, [
      {
        nodeId: 'daily',
        cron: '0 8 * * *',
        timezone: 'Asia/Shanghai',
        nextRunAt: '2025-01-02T00:00:00.000Z',
      },
    ]);
    await store.triggers.replaceSchedules('acme', acme, [{ nodeId: 'hourly', cron: '0 * * * *' }]);
    expect(store.triggers.listSchedules()).toEqual([
      { workspaceId: 'acme', workflowId: acme, nodeId: 'hourly', cron: '0 * * * *', timezone: 'UTC' },
      {
        workspaceId: 'default',
        workflowId: first,
        nodeId: 'daily',
        cron: '0 8 * * *',
        timezone: 'Asia/Shanghai',
        nextRunAt: '2025-01-02T00:00:00.000Z',
      },
    ]);

    await store.triggers.setNextRun('acme', acme, 'hourly', '2025-01-01T01:00:00.000Z');
    expect(store.triggers.listSchedules()[0]?.nextRunAt).toBe('2025-01-01T01:00:00.000Z');
    await expect(store.triggers.setNextRun('default', acme, 'hourly', null)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    await store.triggers.replaceSchedules('default', first, []);
    expect(store.triggers.listSchedules().map((schedule) => schedule.workspaceId)).toEqual(['acme']);
  });

  it("unregisters all of a workflow's webhooks and schedules", async () => {
    await store.triggers.replaceWebhooks('default', first, [{ nodeId: 'hook', method: 'POST', path: 'p' }]);
    await store.triggers.replaceSchedules('default', first, [{ nodeId: 'cron', cron: '* * * * *' }]);
    await store.triggers.unregister('default', first);
    expect(store.triggers.findWebhook('POST', 'p')).toBeUndefined();
    expect(store.triggers.listSchedules()).toEqual([]);
  });
});
