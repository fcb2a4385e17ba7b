import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCredentialCipher } from './credential-cipher.js';

describe('credential cipher', () => {
  const cipher = createCredentialCipher(randomBytes(32));

  it('opens what it sealed', () => {
    const sealed = cipher.seal('{"token":"s3cret"}', 'default/c1');
    expect(cipher.open(sealed, 'default/c1')).toBe('{"token":"s3cret"}');
  });

  it('uses a fresh IV each time, so equal secrets do not look equal', () => {
    const first = cipher.seal('same', 'ctx');
    const second = cipher.seal('same', 'ctx');
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.data.equals(second.data)).toBe(false);
    expect(first.iv).toHaveLength(12);
    expect(first.tag).toHaveLength(16);
  });

  it('fails to open with another key', () => {
    const sealed = cipher.seal('secret', 'ctx');
    expect(() => createCredentialCipher(randomBytes(32)).open(sealed, 'ctx')).toThrow(
      expect.objectContaining({ code: 'CREDENTIAL_UNAVAILABLE' }),
    );
  });

  it('fails to open under another context or after tampering', () => {
    const sealed = cipher.seal('secret', 'default/c1');
    expect(() => cipher.open(sealed, 'acme/c1')).toThrow();
    const tampered = { ...sealed, data: Buffer.from(sealed.data) };
    tampered.data[0] = (tampered.data[0] ?? 0) ^ 1;
    expect(() => cipher.open(tampered, 'default/c1')).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createCredentialCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
