import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkParams, issuesFrom } from './check-params.js';
import { NodeError } from './errors.js';
import { defineNode } from './node.js';

const pattern = defineNode({
  id: 'pattern',
  title: 'Pattern',
  category: 'data',
  params: z.object({ pattern: z.string(), flags: z.string().default('') }),
  check: ({ pattern, flags }) => {
    try {
      new RegExp(pattern, flags);
      return [];
    } catch (error) {
      return [{ path: ['pattern'], message: (error as Error).message, details: { flags } }];
    }
  },
  run: () => [],
});

describe('checkParams', () => {
  it("gives the node's issues with the params its schema parsed", async () => {
    expect(await checkParams(pattern, { pattern: 'a(b' })).toEqual([
      { path: ['pattern'], message: expect.stringMatching(/unterminated group/i), details: { flags: '' } },
    ]);
    expect(await checkParams(pattern, { pattern: 'a(b)' })).toEqual([]);
  });

  it('leaves params the schema rejects to the schema', async () => {
    expect(await checkParams(pattern, { pattern: 42 })).toEqual([]);
  });

  it('finds nothing for a node without a check', async () => {
    const plain = defineNode({
      id: 'plain',
      title: 'Plain',
      category: 'data',
      params: z.object({}),
      run: () => [],
    });
    expect(await checkParams(plain, { anything: true })).toEqual([]);
  });
});

describe('issuesFrom', () => {
  it('turns a NodeError into an issue at the path, with its details when they are an object', () => {
    const fail = (details?: unknown) => () => {
      throw new NodeError('QUERY_INVALID', 'Unexpected ")" (column 4)', details);
    };
    expect(issuesFrom(['query'], fail({ column: 4 }))).toEqual([
      { path: ['query'], message: 'Unexpected ")" (column 4)', details: { column: 4 } },
    ]);
    expect(issuesFrom(['query'], fail('column 4'))).toEqual([
      { path: ['query'], message: 'Unexpected ")" (column 4)' },
    ]);
    expect(issuesFrom(['query'], () => 'parsed')).toEqual([]);
  });

  it('lets any other error through', () => {
    expect(() =>
      issuesFrom(['query'], () => {
        throw new TypeError('a bug');
      }),
    ).toThrow(TypeError);
  });
});
