import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './index.js';
import { openTempStore, type TempStore } from './temp-store.js';

describe('workspace variables', () => {
  let temp: TempStore;
  let store: Store;
  beforeAll(() => {
    temp = openTempStore();
    store = temp.store;
  });
  afterAll(() => temp.remove());

  it('keeps JSON values by key, replaces them, and lists them by key', async () => {
    await store.variables.set('default', 'region', 'cn');
    await store.variables.set('default', 'owners', { vip: 'ana@example.com' });
    const replaced = await store.variables.set('default', 'region', 'tw');
    expect(replaced).toMatchObject({ key: 'region', value: 'tw' });
    expect(store.variables.list('default').map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'owners', value: { vip: 'ana@example.com' } },
      { key: 'region', value: 'tw' },
    ]);
    expect(store.variables.values('default')).toEqual({ owners: { vip: 'ana@example.com' }, region: 'tw' });
  });

  it('deletes a variable and says whether there was one', async () => {
    await store.variables.set('default', 'gone', 1);
    expect(await store.variables.delete('default', 'gone')).toBe(true);
    expect(await store.variables.delete('default', 'gone')).toBe(false);
    expect(store.variables.values('default')).not.toHaveProperty('gone');
  });

  it('refuses a workspace that does not exist', async () => {
    await expect(store.variables.set('nowhere', 'region', 'cn')).rejects.toThrow(/FOREIGN KEY/);
  });
});
