import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { utf8Bytes } from '@sbss/sdk';

/**
 * Ids derived from what they identify (an identity key, an idempotency key), so a retried or
 * resumed step writes the same record again instead of a second one.
 */
export function stableId(prefix: string, source: string): string {
  return `${prefix}_${bytesToHex(sha256(utf8Bytes(source))).slice(0, 20)}`;
}
