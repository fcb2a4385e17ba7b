import { describe, expect, it } from 'vitest';
import { caseRecord } from './case-fixture.test-support';
import { readCase, readContact } from './case-record';

describe('reading CRM records', () => {
  it('reads a case as the CRM nodes store it', () => {
    const item = readCase(
      caseRecord({
        mentions: [
          {
            id: 'm1',
            source: 'weibo',
            text: 'Where is my refund?',
            author: { id: 'u1', name: 'Wang' },
            sentiment: { label: 'negative', score: -0.8 },
            urgency: 70,
          },
        ],
      }),
    );
    expect(item).toMatchObject({ id: 'cs_1', status: 'open', priority: 'high', owner: 'ana', queue: 'care' });
    expect(item.mentions).toEqual([
      {
        id: 'm1',
        source: 'weibo',
        text: 'Where is my refund?',
        authorName: 'Wang',
        sentiment: 'negative',
        urgency: 70,
      },
    ]);
    expect(item.history).toEqual([
      { at: '2025-03-05T22:00:00.000Z', by: 'workflow:wf/open', action: 'opened' },
    ]);
  });

  it('reads fields of the wrong type as missing instead of failing', () => {
    const item = readCase(
      caseRecord({ status: 'archived', priority: 3, owner: 7, mentions: 'none', history: [1] }),
    );
    expect(item).toMatchObject({
      status: 'open',
      priority: 'normal',
      owner: null,
      mentions: [],
      history: [],
    });
  });

  it('reads a contact’s identities', () => {
    const contact = readContact({
      key: 'ct_1',
      data: {
        id: 'ct_1',
        name: '小王',
        handles: [{ platform: 'weibo', handle: 'u-100' }],
        emails: ['w@x.cn'],
        phones: [],
      },
      createdAt: '',
      updatedAt: '',
    });
    expect(contact).toEqual({
      id: 'ct_1',
      name: '小王',
      handles: [{ platform: 'weibo', handle: 'u-100' }],
      emails: ['w@x.cn'],
      phones: [],
    });
  });
});
