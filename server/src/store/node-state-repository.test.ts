import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workflowInputSchema } from '../engine/model.js';
import type { Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('node state repository', () => {
  let temp: TempStore;
  let store: Store;
  let workflowId: string;

  beforeEach(async () => {
    temp = openTempStore();
    store = temp.store;
    workflowId = (
      await store.workflows.create('default', workflowInputSchema.parse({ name: 'w', nodes: [] }))
    ).id;
  });
  afterEach(() => temp.remove());

  it('sets, overwrites and deletes a JSON value per node and key', async () => {
    expect(store.nodeState.get('default', workflowId, 'rss', 'cursor')).toBeUndefined();
    await store.nodeState.set('default', workflowId, 'rss', 'cursor', {
      lastSeen: '2025-01-01',
      ids: [1, 2],
    });
    expect(store.nodeState.get('default', workflowId, 'rss', 'cursor')).toEqual({
      lastSeen: '2025-01-01',
      ids: [1, 2],
    });

    await store.nodeState.set('default', workflowId, 'rss', 'cursor', null);
    expect(store.nodeState.get('default', workflowId, 'rss', 'cursor')).toBeNull();

    await store.nodeState.delete('default', workflowId, 'rss', 'cursor');
    expect(store.nodeState.get('default', workflowId, 'rss', 'cursor')).toBeUndefined();
  });

  it('keeps each node and key apart', async () => {
    await store.nodeState.set('default', workflowId, 'a', 'k', 1);
    await store.nodeState.set('default', workflowId, 'b', 'k', 2);
    await store.nodeState.set('default', workflowId, 'a', 'other', 3);
    expect(store.nodeState.get('default', workflowId, 'a', 'k')).toBe(1);
    expect(store.nodeState.get('default', workflowId, 'b', 'k')).toBe(2);
    expect(store.nodeState.get('default', workflowId, 'a', 'other')).toBe(3);
  });
});
