/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from './utf8.js';

describe('utf8Bytes', () => {
  it('encodes like the platform encoder, lone surrogates included', () => {
    for (const sample of ['ascii', 'é', '客服太慢了', '😠 emoji', 'a\ud800b', '']) {
      expect([...utf8Bytes(sample)]).toEqual([...new TextEncoder().encode(sample)]);
    }
  });
});
