import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Bytes } from '@sbss/sdk';
import { decodeBase64 } from '../text/base64.js';

/** HMAC-SHA256 of a UTF-8 body, as bytes. */
export function hmacSha256(secret: string, body: string): Uint8Array {
  return hmac(sha256, utf8Bytes(secret), utf8Bytes(body));
}

/**
 * Checks a signature header against the body. Accepts hex or base64, with or without the
 * `sha256=` prefix GitHub (X-Hub-Signature-256) and many others put in front.
 */
export function signatureMatches(secret: string, body: string, header: string): boolean {
  const value = header.trim().replace(/^sha256=/i, '');
  const expected = hmacSha256(secret, body);
  const given = /^[0-9a-f]{64}$/i.test(value) ? hexToBytes(value) : safeBase64(value);
  return given !== undefined && constantTimeEqual(expected, given);
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let at = 0; at < bytes.length; at += 1) bytes[at] = Number.parseInt(hex.slice(at * 2, at * 2 + 2), 16);
  return bytes;
}

function safeBase64(value: string): Uint8Array | undefined {
  try {
    return decodeBase64(value);
  } catch {
    return undefined;
  }
}

/** Compares every byte whatever the first difference, so timing does not reveal the prefix. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let at = 0; at < a.length; at += 1) diff |= (a[at] as number) ^ (b[at] as number);
  return diff === 0;
}
