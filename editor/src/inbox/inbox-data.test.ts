import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { CollectionRecord } from '../api/contract';
import { caseRecord } from './case-fixture.test-support';
import { changeCase } from './inbox-data';

vi.mock('../api/client', () => ({ api: { getRecord: vi.fn(), putRecord: vi.fn() } }));

const getRecord = vi.mocked(api.getRecord);
const putRecord = vi.mocked(api.putRecord);
const actor = { who: 'olga', at: new Date('2025-03-06T08:00:00.000Z') };
const version = (record: CollectionRecord, updatedAt: string): CollectionRecord => ({ ...record, updatedAt });

beforeEach(() => {
  getRecord.mockReset();
  putRecord.mockReset();
});

describe('changeCase', () => {
  it('writes the change against the version it read', async () => {
    getRecord.mockResolvedValue(caseRecord());
    putRecord.mockImplementation(async (_name, key, data) => ({ ...caseRecord(), key, data }));
    await changeCase('cs_1', { kind: 'status', status: 'resolved' }, actor);
    expect(putRecord).toHaveBeenCalledWith(
      'cases',
      'cs_1',
      expect.objectContaining({ status: 'resolved' }),
      '2025-03-05T22:00:00.000Z',
    );
  });

  it('makes the change again on the case as it is now when a workflow wrote it in between', async () => {
    const appended = caseRecord({ mentionIds: ['weibo:m1', 'weibo:m2'] });
    getRecord
      .mockResolvedValueOnce(caseRecord())
      .mockResolvedValueOnce(version(appended, '2025-03-06T07:59:00.000Z'));
    putRecord
      .mockRejectedValueOnce(new ApiError(409, { code: 'CONFLICT', message: 'changed since it was read' }))
      .mockImplementationOnce(async (_name, key, data) => ({ ...caseRecord(), key, data }));
    const saved = await changeCase('cs_1', { kind: 'status', status: 'resolved' }, actor);
    expect(saved.status).toBe('resolved');
    expect(putRecord).toHaveBeenLastCalledWith(
      'cases',
      'cs_1',
      expect.objectContaining({ status: 'resolved', mentionIds: ['weibo:m1', 'weibo:m2'] }),
      '2025-03-06T07:59:00.000Z',
    );
  });

  it('gives up after three conflicts in a row and says so', async () => {
    getRecord.mockResolvedValue(caseRecord());
    putRecord.mockRejectedValue(
      new ApiError(409, { code: 'CONFLICT', message: 'changed since it was read' }),
    );
    await expect(changeCase('cs_1', { kind: 'status', status: 'resolved' }, actor)).rejects.toMatchObject({
      status: 409,
    });
    expect(putRecord).toHaveBeenCalledTimes(3);
  });
});
