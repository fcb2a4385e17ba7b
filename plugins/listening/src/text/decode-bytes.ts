import '../sandbox/global-shims.js';
import { TextDecoder as PolyfillDecoder } from '@zxing/text-encoding';
import { looksLikeChinese } from './common-hanzi.js';

export type Charset = 'auto' | 'utf-8' | 'gbk' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  charset: Exclude<Charset, 'auto'>;
}

function decoder(charset: Exclude<Charset, 'auto'>): { decode(bytes: Uint8Array): string } {
  // Legacy (non-UTF) encodings sit behind a flag in this polyfill; decoding is never fatal.
  return new PolyfillDecoder(charset, { NONSTANDARD_allowLegacyEncoding: true } as { fatal?: boolean });
}

/**
 * Decodes file bytes. A byte order mark decides first (Unicode §23.8); then valid UTF-8 is
 * taken as UTF-8; otherwise GB18030 (a superset of GBK) and Big5 are both tried and the one
 * that yields more everyday Chinese characters and fewer replacement characters wins.
 */
export function decodeBytes(bytes: Uint8Array, charset: Charset = 'auto'): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  if (charset !== 'auto') return decodeAs(bytes, charset);
  if (isValidUtf8(bytes)) return decodeAs(bytes, 'utf-8');
  const gb = decodeAs(bytes, 'gb18030');
  const big5 = decodeAs(bytes, 'big5');
  return score(big5.text) > score(gb.text) ? big5 : gb;
}

function decodeAs(bytes: Uint8Array, charset: Exclude<Charset, 'auto'>): DecodedText {
  return { text: decoder(charset).decode(bytes), charset };
}

function score(text: string): number {
  let replaced = 0;
  for (const char of text) if (char === '\uFFFD') replaced += 1;
  return looksLikeChinese(text) - replaced * 5;
}

/** Well-formed UTF-8 per RFC 3629 (no overlongs beyond the lead-byte check, no stray continuations). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at] as number;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead < 0xe0
          ? 2
          : lead >= 0xe0 && lead < 0xf0
            ? 3
            : lead >= 0xf0 && lead < 0xf5
              ? 4
              : 0;
    if (!length || at + length > bytes.length) return false;
    for (let next = 1; next < length; next += 1)
      if (((bytes[at + next] as number) & 0xc0) !== 0x80) return false;
    at += length;
  }
  return true;
}
