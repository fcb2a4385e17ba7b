import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowInputSchema } from '../engine/model.js';
import type { Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('workspace scoping', () => {
  let temp: TempStore;
  let store: Store;
  let workflowId: string;
  let credentialId: string;
  let recordKey: string;

  beforeAll(async () => {
    temp = openTempStore();
    store = temp.store;
    await store.workspaces.create({ id: 'acme', name: 'Acme' });
    await store.workspaces.create({ id: 'rival', name: 'Rival' });
    workflowId = (
      await store.workflows.create('acme', workflowInputSchema.parse({ name: 'private', nodes: [] }))
    ).id;
    await store.executions.create({
      id: 'run',
      workspaceId: 'acme',
      workflowId,
      version: 1,
      mode: 'manual',
      status: 'queued',
      trigger: { nodeId: 'start', items: [] },
    });
    credentialId = (
      await store.credentials.create('acme', { name: 'crm', type: 'crm/api-key', data: { key: 'k' } })
    ).id;
    await store.nodeState.set('acme', workflowId, 'node', 'cursor', 1);
    await store.triggers.replaceWebhooks('acme', workflowId, [
      { nodeId: 'hook', method: 'POST', path: 'acme' },
    ]);
    [recordKey = ''] = (await store.data.insert('acme', 'mentions', [{ brand: 'acme' }])).map(
      (record) => record.key,
    );
  });
  afterAll(() => temp.remove());

  it('lists the workspaces, the default one first', () => {
    expect(store.workspaces.list().map((workspace) => workspace.id)).toEqual(['default', 'acme', 'rival']);
    expect(store.workspaces.get('acme')?.name).toBe('Acme');
  });

  it('hides workflows and their versions from another workspace', async () => {
    expect(store.workflows.get('rival', workflowId)).toBeUndefined();
    expect(store.workflows.get('rival', workflowId, 1)).toBeUndefined();
    expect(store.workflows.list('rival')).toEqual([]);
    expect(store.workflows.listVersions('rival', workflowId)).toEqual([]);
  });

  it('refuses changes to a workflow from another workspace', async () => {
    const input = workflowInputSchema.parse({ name: 'hijacked', nodes: [] });
    await expect(store.workflows.update('rival', workflowId, input)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(store.workflows.setActive('rival', workflowId, true)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(store.workflows.delete('rival', workflowId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.workflows.get('acme', workflowId)?.name).toBe('private');
  });

  it('refuses to attach state, triggers or executions to a workflow of another workspace', async () => {
    await expect(store.nodeState.set('rival', workflowId, 'node', 'cursor', 2)).rejects.toThrow(
      /FOREIGN KEY/,
    );
    await expect(
      store.triggers.replaceWebhooks('rival', workflowId, [
        { nodeId: 'hook', method: 'POST', path: 'rival' },
      ]),
    ).rejects.toThrow(/FOREIGN KEY/);
    await expect(
      store.executions.create({
        id: 'foreign',
        workspaceId: 'rival',
        workflowId,
        version: 1,
        mode: 'manual',
        status: 'queued',
        trigger: { nodeId: 'start', items: [] },
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('keeps variables to their workspace', async () => {
    await store.variables.set('acme', 'brand', 'Acme');
    expect(store.variables.values('rival')).toEqual({});
    expect(await store.variables.delete('rival', 'brand')).toBe(false);
    expect(store.variables.values('acme')).toEqual({ brand: 'Acme' });
  });

  it('hides executions from another workspace', () => {
    expect(store.executions.get('acme', 'run')).toBeDefined();
    expect(store.executions.get('rival', 'run')).toBeUndefined();
    expect(store.executions.list('rival')).toEqual({ items: [], total: 0, nextCursor: null });
    expect(store.executions.list('rival', { workflowId })).toEqual({ items: [], total: 0, nextCursor: null });
  });

  it('hides credentials from another workspace', () => {
    expect(store.credentials.list('rival')).toEqual([]);
    expect(store.credentials.get('rival', credentialId)).toBeUndefined();
    expect(store.credentials.get('rival', 'crm')).toBeUndefined();
    expect(() => store.credentials.getDecrypted('rival', 'crm')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('hides node state, webhooks and data from another workspace', () => {
    expect(store.nodeState.get('rival', workflowId, 'node', 'cursor')).toBeUndefined();
    expect(store.triggers.listWebhooks('rival')).toEqual([]);
    expect(store.data.get('rival', 'mentions', recordKey)).toBeUndefined();
    expect(store.data.query('rival', 'mentions')).toEqual([]);
    expect(store.data.aggregate('rival', 'mentions', { groupBy: 'brand' })).toEqual([]);
    expect(store.data.query('acme', 'mentions')).toHaveLength(1);
  });
});
