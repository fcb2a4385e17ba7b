import { runNode } from '@sbss/sdk/testing';
import { describe, expect, it } from 'vitest';
import { storeNode } from './store.js';

const mention = (id: string, text: string) => ({ id, source: 'weibo', text, author: { name: 'a' } });

describe('listening/store', () => {
  it('keeps each mention under "<source>:<id>" and passes the items on', async () => {
    const result = await runNode(storeNode, { input: [mention('1', 'first'), mention('2', 'second')] });
    expect(result.output.main).toHaveLength(2);
    expect([...(result.data.get('mentions')?.keys() ?? [])].sort()).toEqual(['weibo:1', 'weibo:2']);
  });

  it('updates a mention seen again instead of storing it twice', async () => {
    const result = await runNode(storeNode, {
      input: [mention('1', 'edited')],
      data: { mentions: { 'weibo:1': mention('1', 'first') } },
    });
    const records = result.data.get('mentions');
    expect(records?.size).toBe(1);
    expect(records?.get('weibo:1')?.data.text).toBe('edited');
  });
});
