import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Bytes } from '@sbss/sdk';
import { base64 } from './bytes.js';

/**
 * DingTalk custom robot, "加签" security setting (open.dingtalk.com, custom robot security
 * settings): string_to_sign = timestamp + "\n" + secret, HMAC-SHA256 keyed with the secret,
 * Base64, then URL-encoded into the `sign` query parameter beside `timestamp` (milliseconds).
 * DingTalk rejects a timestamp more than an hour from its clock.
 */
export function dingtalkSign(secret: string, timestampMs: number): string {
  const mac = hmac(sha256, utf8Bytes(secret), utf8Bytes(`${timestampMs}\n${secret}`));
  return encodeURIComponent(base64(mac));
}

/**
 * Feishu / Lark custom bot, "签名校验" (open.feishu.cn, custom bot guide): string_to_sign =
 * timestamp + "\n" + secret is the HMAC-SHA256 *key*, over an empty message; the Base64 result
 * goes in the JSON body as `sign`, with `timestamp` in seconds as a string. Note the reversal
 * from DingTalk, where the secret is the key and the string is the message.
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  const mac = hmac(sha256, utf8Bytes(`${timestampSeconds}\n${secret}`), new Uint8Array(0));
  return base64(mac);
}
