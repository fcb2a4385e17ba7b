import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EncryptionKeyOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

const keyBytes = 32;

/**
 * The credential key: `SBSS_ENCRYPTION_KEY` (64 hex digits or base64 of 32 bytes) when set,
 * otherwise `<dataDir>/encryption.key`, created on first use and readable by its owner only.
 */
export function loadEncryptionKey({ dataDir, env = process.env }: EncryptionKeyOptions): Buffer {
  const fromEnv = env.SBSS_ENCRYPTION_KEY?.trim();
  if (fromEnv) return parseKey(fromEnv, 'SBSS_ENCRYPTION_KEY');
  const file = join(dataDir, 'encryption.key');
  try {
    return parseKey(readFileSync(file, 'utf8').trim(), file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const key = randomBytes(keyBytes);
  mkdirSync(dataDir, { recursive: true });
  try {
    // `wx` fails if another process created the file first; then its key is the one to use.
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    // The mode given to open() is filtered by the umask; make sure it ends up 0600.
    chmodSync(file, 0o600);
    return key;
  } catch (error) {
    if (isExisting(error)) return parseKey(readFileSync(file, 'utf8').trim(), file);
    throw error;
  }
}

export function parseKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== keyBytes) {
    throw new Error(`${source} must hold 32 bytes as 64 hex digits or base64; it holds ${key.length}`);
  }
  return key;
}

function isMissing(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}

function isExisting(error: unknown): boolean {
  return errorCode(error) === 'EEXIST';
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
