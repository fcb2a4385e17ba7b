import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type WorkflowInput, workflowInputSchema } from '../engine/model.js';
import type { Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

function workflowInput(name: string, nodeIds = ['start']): WorkflowInput {
  return workflowInputSchema.parse({
    name,
    nodes: nodeIds.map((id) => ({ id, type: 'core/manual@1' })),
    edges: [],
  });
}

describe('workflow repository', () => {
  let temp: TempStore;
  let store: Store;

  beforeEach(async () => {
    temp = openTempStore();
    store = temp.store;
    await store.workspaces.create({ id: 'acme', name: 'Acme' });
  });
  afterEach(() => temp.remove());

  it('saves the whole input as version 1 and reads it back', async () => {
    const input = workflowInputSchema.parse({
      name: 'Mentions',
      description: 'Listen and score',
      nodes: [{ id: 'rss', type: 'listening/rss@1', params: { url: 'https://example.com/feed' } }],
      stickyNotes: [{ id: 'note', text: 'hello', position: { x: 1, y: 2 } }],
      settings: { concurrency: 2 },
    });
    const saved = await store.workflows.create('default', input);
    expect(saved.version).toBe(1);

    const workflow = store.workflows.get('default', saved.id);
    expect(workflow).toMatchObject({
      ...input,
      id: saved.id,
      version: 1,
      active: false,
      workspaceId: 'default',
    });
    expect(Date.parse(workflow?.createdAt ?? '')).not.toBeNaN();
  });

  it('saves every update as a new version and keeps the old ones readable', async () => {
    const { id } = await store.workflows.create('default', workflowInput('v1'));
    await expect(store.workflows.update('default', id, workflowInput('v2', ['a', 'b']))).resolves.toEqual({
      id,
      version: 2,
    });

    expect(store.workflows.get('default', id)).toMatchObject({ name: 'v2', version: 2 });
    expect(store.workflows.get('default', id, 1)).toMatchObject({ name: 'v1', version: 1 });
    expect(store.workflows.get('default', id, 3)).toBeUndefined();
    expect(
      store.workflows.listVersions('default', id).map(({ version, name }) => ({ version, name })),
    ).toEqual([
      { version: 2, name: 'v2' },
      { version: 1, name: 'v1' },
    ]);
    expect(store.workflows.list('default')).toMatchObject([{ id, name: 'v2', version: 2 }]);
  });

  it('refuses an update based on an older version', async () => {
    const { id } = await store.workflows.create('default', workflowInput('v1'));
    await store.workflows.update('default', id, workflowInput('v2'), { expectedVersion: 1 });
    await expect(
      store.workflows.update('default', id, workflowInput('stale'), { expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
    expect(store.workflows.get('default', id)?.name).toBe('v2');
  });

  it('keeps an imported id and refuses to reuse it', async () => {
    await store.workflows.create('default', workflowInput('a'), { id: 'imported' });
    expect(store.workflows.get('default', 'imported')?.name).toBe('a');
    await expect(
      store.workflows.create('acme', workflowInput('b'), { id: 'imported' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('reports NOT_FOUND for a workflow that does not exist', async () => {
    await expect(store.workflows.update('default', 'nope', workflowInput('x'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(store.workflows.delete('default', 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.workflows.setActive('default', 'nope', true)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(store.workflows.get('default', 'nope')).toBeUndefined();
  });

  it('lists each workflow with its latest execution', async () => {
    const { id } = await store.workflows.create('default', workflowInput('with runs'));
    const { id: idle } = await store.workflows.create('default', workflowInput('idle'));
    const base = { workspaceId: 'default', workflowId: id, version: 1, mode: 'manual' as const };
    const trigger = { nodeId: 'start', items: [{}] };
    await store.executions.create({
      ...base,
      id: 'old',
      status: 'queued',
      trigger,
      createdAt: '2025-01-01T00:00:00Z',
    });
    await store.executions.create({
      ...base,
      id: 'new',
      status: 'queued',
      trigger,
      createdAt: '2025-01-02T00:00:00Z',
    });
    await store.executions.finish('new', { status: 'failed', finishedAt: '2025-01-02T00:00:01Z' });

    const list = store.workflows.list('default');
    expect(list.find((workflow) => workflow.id === id)?.lastExecution).toEqual({
      id: 'new',
      status: 'failed',
      createdAt: '2025-01-02T00:00:00.000Z',
    });
    expect(list.find((workflow) => workflow.id === idle)?.lastExecution).toBeUndefined();
  });

  it('lists the active workflows of every workspace', async () => {
    const { id: mine } = await store.workflows.create('default', workflowInput('mine'));
    const { id: theirs } = await store.workflows.create('acme', workflowInput('theirs'));
    await store.workflows.create('acme', workflowInput('inactive'));
    await store.workflows.setActive('default', mine, true);
    await store.workflows.setActive('acme', theirs, true);

    const active = store.workflows.listActive();
    expect(
      active
        .map(({ workspaceId, id, active }) => ({ workspaceId, id, active }))
        .sort((a, b) => a.workspaceId.localeCompare(b.workspaceId)),
    ).toEqual([
      { workspaceId: 'acme', id: theirs, active: true },
      { workspaceId: 'default', id: mine, active: true },
    ]);
    await store.workflows.setActive('default', mine, false);
    expect(store.workflows.listActive().map(({ id }) => id)).toEqual([theirs]);
  });

  it('deletes a workflow with its versions, executions, steps, triggers and node state', async () => {
    const { id } = await store.workflows.create('default', workflowInput('doomed'));
    await store.workflows.update('default', id, workflowInput('doomed 2'));
    await store.executions.create({
      id: 'run',
      workspaceId: 'default',
      workflowId: id,
      version: 2,
      mode: 'manual',
      status: 'running',
      trigger: { nodeId: 'start', items: [] },
    });
    await store.executions.upsertStep('run', 'default', {
      nodeId: 'start',
      status: 'succeeded',
      attempts: 1,
      startedAt: new Date().toISOString(),
      input: {},
      logs: [],
    });
    await store.triggers.replaceWebhooks('default', id, [
      { nodeId: 'start', method: 'POST', path: 'doomed' },
    ]);
    await store.triggers.replaceSchedules('default', id, [{ nodeId: 'start', cron: '* * * * *' }]);
    await store.nodeState.set('default', id, 'start', 'cursor', 7);

    await store.workflows.delete('default', id);

    expect(store.workflows.get('default', id)).toBeUndefined();
    expect(store.workflows.listVersions('default', id)).toEqual([]);
    expect(store.executions.get('default', 'run')).toBeUndefined();
    expect(store.executions.getSteps('run')).toEqual([]);
    expect(store.triggers.findWebhook('POST', 'doomed')).toBeUndefined();
    expect(store.triggers.listSchedules()).toEqual([]);
    expect(store.nodeState.get('default', id, 'start', 'cursor')).toBeUndefined();
  });
});
