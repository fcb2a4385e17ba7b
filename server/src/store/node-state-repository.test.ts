import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workflowInputSchema } from '../engine/model.js';
import { createStore, type Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('node state repository', () => {
  let temp: TempStore;
  let store: Store;
  let workflowId: string;

  const key = randomBytes(32);
  const storedValue = (nodeId: string, name: string) =>
    temp.raw(
      (db) =>
        db.prepare('select value from node_state where node_id = ? and key = ?').get(nodeId, name) as {
          value: string;
        },
    ).value;

  beforeEach(async () => {
    temp = openTempStore({ encryptionKey: key });
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

  it('seals values at rest, so a token kept in state is not in the database file', async () => {
    await store.nodeState.set('default', workflowId, 'crm', 'session', { accessToken: 'tok-5ecret' });
    const stored = storedValue('crm', 'session');
    expect(stored).toMatch(/^sealed:/);
    expect(stored).not.toContain('tok-5ecret');
    expect(store.nodeState.get('default', workflowId, 'crm', 'session')).toEqual({
      accessToken: 'tok-5ecret',
    });
  });

  it('reads values stored as plain JSON before sealing, and seals them when next written', async () => {
    temp.raw((db) =>
      db
        .prepare('insert into node_state values (?, ?, ?, ?, ?)')
        .run('default', workflowId, 'rss', 'cursor', '{"etag":"abc"}'),
    );
    expect(store.nodeState.get('default', workflowId, 'rss', 'cursor')).toEqual({ etag: 'abc' });
    await store.nodeState.set('default', workflowId, 'rss', 'cursor', { etag: 'def' });
    expect(storedValue('rss', 'cursor')).toMatch(/^sealed:/);
  });

  it('reads as absent a value copied to another node, or sealed under another key', async () => {
    await store.nodeState.set('default', workflowId, 'a', 'k', 'mine');
    await store.nodeState.set('default', workflowId, 'b', 'k', 'theirs');
    temp.raw((db) =>
      db.prepare("update node_state set value = ? where node_id = 'b'").run(storedValue('a', 'k')),
    );
    expect(store.nodeState.get('default', workflowId, 'b', 'k')).toBeUndefined();
    expect(store.nodeState.get('default', workflowId, 'a', 'k')).toBe('mine');

    store.close();
    const rekeyed = createStore({
      file: temp.file,
      dataDir: temp.dir,
      env: {},
      encryptionKey: randomBytes(32),
    });
    try {
      expect(rekeyed.nodeState.get('default', workflowId, 'a', 'k')).toBeUndefined();
    } finally {
      rekeyed.close();
    }
  });
});
