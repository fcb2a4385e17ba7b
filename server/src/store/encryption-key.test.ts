import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEncryptionKey } from './encryption-key.js';

describe('encryption key', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sbss-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads SBSS_ENCRYPTION_KEY as hex or base64', () => {
    const key = randomBytes(32);
    expect(loadEncryptionKey({ dataDir, env: { SBSS_ENCRYPTION_KEY: key.toString('hex') } })).toEqual(key);
    expect(loadEncryptionKey({ dataDir, env: { SBSS_ENCRYPTION_KEY: key.toString('base64') } })).toEqual(key);
  });

  it('refuses an environment key that is not 32 bytes', () => {
    expect(() => loadEncryptionKey({ dataDir, env: { SBSS_ENCRYPTION_KEY: 'c2hvcnQ=' } })).toThrow(
      /SBSS_ENCRYPTION_KEY must hold 32 bytes/,
    );
  });

  it('generates a key file readable by its owner only, and reuses it', () => {
    const key = loadEncryptionKey({ dataDir, env: {} });
    const file = join(dataDir, 'encryption.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(key);
    expect(loadEncryptionKey({ dataDir, env: {} })).toEqual(key);
  });

  it('creates the data folder when it does not exist yet', () => {
    const nested = join(dataDir, 'fresh', 'data');
    expect(loadEncryptionKey({ dataDir: nested, env: {} })).toHaveLength(32);
    expect(statSync(join(nested, 'encryption.key')).isFile()).toBe(true);
  });
});
