import { createHmac } from 'node:crypto';
import { utf8Bytes } from '@sbss/sdk';
import { describe, expect, it } from 'vitest';
import { base64 } from './bytes.js';
import { dingtalkSign, feishuSign } from './robot-signatures.js';

describe('robot signatures', () => {
  it('encodes UTF-8 and Base64 exactly as Node does', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'SEC密钥🔑\n', 'x'.repeat(1000)]) {
      expect(Buffer.from(utf8Bytes(text)).toString('utf8')).toBe(text);
      expect(base64(utf8Bytes(text))).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }
  });

  it('signs DingTalk requests with the secret as key over timestamp and secret, URL-encoded', () => {
    const secret = 'SECb6d0b1e1a2f3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9';
    const timestamp = 1_741_400_000_123;
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(dingtalkSign(secret, timestamp)).toBe(encodeURIComponent(expected));
  });

  it('signs Feishu requests with timestamp and secret as key over an empty message', () => {
    const secret = 'feishu-secret-密钥';
    const timestamp = 1_741_400_000;
    const expected = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
    expect(feishuSign(secret, timestamp)).toBe(expected);
  });
});
