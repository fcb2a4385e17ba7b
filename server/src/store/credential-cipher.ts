import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SbssError } from '../engine/errors.js';

export interface Sealed {
  data: Buffer;
  iv: Buffer;
  tag: Buffer;
}

export interface CredentialCipher {
  /** `context` is bound to the ciphertext (GCM additional data): it must be given again to open it. */
  seal(plaintext: string, context: string): Sealed;
  open(sealed: Sealed, context: string): string;
}

const algorithm = 'aes-256-gcm';
// 96-bit IVs are GCM's native size (NIST SP 800-38D, 5.2.1.1); a random one per seal.
const ivBytes = 12;
// GCM's full 128-bit tag, the one `getAuthTag` gives by default.
const tagBytes = 16;

/** A sealed value as one buffer, for a column that holds a single value: IV, tag, ciphertext. */
export function packSealed({ iv, tag, data }: Sealed): Buffer {
  return Buffer.concat([iv, tag, data]);
}

export function unpackSealed(bytes: Buffer): Sealed {
  return {
    iv: bytes.subarray(0, ivBytes),
    tag: bytes.subarray(ivBytes, ivBytes + tagBytes),
    data: bytes.subarray(ivBytes + tagBytes),
  };
}

export function createCredentialCipher(key: Buffer): CredentialCipher {
  if (key.length !== 32) throw new Error(`An AES-256 key is 32 bytes, this one is ${key.length}`);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv(algorithm, key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return { data, iv, tag: cipher.getAuthTag() };
    },
    open({ data, iv, tag }, context) {
      try {
        const decipher = createDecipheriv(algorithm, key, iv);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        throw new SbssError(
          'CREDENTIAL_UNAVAILABLE',
          'The credential cannot be decrypted: the encryption key differs from the one it was saved with',
        );
      }
    },
  };
}
