import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('credential repository', () => {
  let temp: TempStore;
  let store: Store;
  const secret = 'xoxb-very-secret-token-42';
  const input = { name: 'Slack', type: 'slack/bot-token', data: { token: secret, team: 'sbss' } };

  beforeEach(async () => {
    temp = openTempStore();
    store = temp.store;
    await store.workspaces.create({ id: 'acme', name: 'Acme' });
  });
  afterEach(() => temp.remove());

  it('round-trips the secret fields and never returns them in summaries', async () => {
    const created = await store.credentials.create('default', input);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Slack',
      type: 'slack/bot-token',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(store.credentials.list('default')).toEqual([created]);
    expect(store.credentials.get('default', 'Slack')).toEqual(created);
    expect(store.credentials.getDecrypted('default', created.id)).toEqual(input.data);
    expect(store.credentials.getDecrypted('default', 'Slack')).toEqual(input.data);
    expect(JSON.stringify(store.credentials.list('default'))).not.toContain(secret);
  });

  it('stores ciphertext that does not contain the plaintext, in the table or the file', async () => {
    await store.credentials.create('default', input);
    store.writeQueue.flush();
    const row = temp.raw(
      (db) => db.prepare('select data, iv, tag from credentials').get() as Record<string, Buffer>,
    );
    expect(row.data?.toString('latin1')).not.toContain(secret);
    expect(row.iv).toHaveLength(12);
    expect(row.tag).toHaveLength(16);
    for (const file of [temp.file, `${temp.file}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(secret)).toBe(false);
    }
  });

  it('creates the key file on first use with mode 0600', async () => {
    const keyFile = join(temp.dir, 'encryption.key');
    expect(existsSync(keyFile)).toBe(false);
    await store.credentials.create('default', input);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('cannot decrypt with another key', async () => {
    const { id } = await store.credentials.create('default', input);
    store.close();
    const other = createStore({ file: temp.file, dataDir: temp.dir, encryptionKey: randomBytes(32) });
    expect(() => other.credentials.getDecrypted('default', id)).toThrow(
      expect.objectContaining({ code: 'CREDENTIAL_UNAVAILABLE' }),
    );
    other.close();
  });

  it('keeps names unique per workspace', async () => {
    await store.credentials.create('default', input);
    await expect(store.credentials.create('default', input)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(store.credentials.create('acme', input)).resolves.toMatchObject({ name: 'Slack' });
  });

  it('updates name and fields, and deletes', async () => {
    const { id } = await store.credentials.create('default', input);
    const updated = await store.credentials.update('default', id, {
      name: 'Slack ops',
      data: { token: 'new' },
    });
    expect(updated).toMatchObject({ id, name: 'Slack ops', type: 'slack/bot-token' });
    expect(store.credentials.getDecrypted('default', 'Slack ops')).toEqual({ token: 'new' });

    await store.credentials.delete('default', id);
    expect(store.credentials.list('default')).toEqual([]);
    expect(() => store.credentials.getDecrypted('default', id)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    await expect(store.credentials.delete('default', id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.credentials.update('default', id, { name: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
