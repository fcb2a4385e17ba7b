/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { stableId } from './stable-id.js';
import { utf8Bytes } from './utf8.js';

describe('utf8Bytes', () => {
  it('encodes like the platform encoder, lone surrogates included', () => {
    for (const sample of ['ascii', 'é', '客服太慢了', '😠 emoji', 'a\ud800b', '']) {
      expect([...utf8Bytes(sample)]).toEqual([...new TextEncoder().encode(sample)]);
    }
  });
});

describe('stableId', () => {
  it('derives the same id from the same source and different ids from different ones', () => {
    expect(stableId('ct', 'email:a@b.c')).toBe(stableId('ct', 'email:a@b.c'));
    expect(stableId('ct', 'email:a@b.c')).not.toBe(stableId('ct', 'email:a@b.d'));
    expect(stableId('cs', 'x')).toMatch(/^cs_[0-9a-f]{20}$/);
  });
});
