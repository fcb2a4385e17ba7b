import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { utf8Bytes } from '@sbss/sdk';

export const signatureHeader = 'x-sbss-signature';
export const timestampHeader = 'x-sbss-timestamp';

/**
 * The signing scheme of crm/webhook (the shape Stripe and Slack use): the receiver recomputes
 * HMAC-SHA256 over `<timestamp>.<raw body>` with the shared secret, compares it in constant time
 * with the hex after `v1=`, and rejects timestamps more than a few minutes old against replays.
 */
export function sign(secret: string, timestamp: number, body: string): string {
  const mac = hmac(sha256, utf8Bytes(secret), utf8Bytes(`${timestamp}.${body}`));
  return `v1=${bytesToHex(mac)}`;
}
