import { fnv1a } from '../records/hash.js';
import { foldText } from '../text/fold.js';

/**
 * 64-bit SimHash (Charikar 2002; as used for near-duplicate web pages by Manku, Jain and Das
 * Sarma, WWW 2007) over character n-grams of the folded text. Character shingles work for
 * Chinese, which has no spaces, and for English alike; folding first makes a Traditional repost
 * of a Simplified post, or a full-width copy, land on the same fingerprint.
 */
export function simhash(text: string, shingleSize = 3): string {
  const chars = [...foldText(withoutRepostMarks(text))].filter((char) => /[\p{L}\p{N}]/u.test(char));
  const weights = new Array<number>(64).fill(0);
  const count = Math.max(1, chars.length - shingleSize + 1);
  for (let at = 0; at < count; at += 1) {
    const shingle = chars.slice(at, at + shingleSize).join('');
    addBits(weights, fnv1a(shingle), 0);
    addBits(weights, fnv1a(shingle, 0x050c5d1f), 32);
  }
  let bits = '';
  for (const weight of weights) bits += weight > 0 ? '1' : '0';
  return bitsToHex(bits);
}

/**
 * Drops what a repost adds around the original: links, "RT @name:" (Twitter), "//@name:" and
 * "转发微博" (Weibo forwards) and @-mentions. Left in, they move a short post's fingerprint
 * further than the repost deserves.
 */
function withoutRepostMarks(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(^|\s)RT\s+@[^\s:：]+[:：]?/gi, ' ')
    .replace(/\/\/@[^\s:：]+[:：]?/g, ' ')
    .replace(/[转轉]发微博/g, ' ')
    .replace(/@[^\s:：,，]+/g, ' ');
}

function addBits(weights: number[], hash: number, offset: number): void {
  for (let bit = 0; bit < 32; bit += 1) {
    weights[offset + bit] = (weights[offset + bit] as number) + ((hash >>> (31 - bit)) & 1 ? 1 : -1);
  }
}

function bitsToHex(bits: string): string {
  let hex = '';
  for (let at = 0; at < 64; at += 4) hex += Number.parseInt(bits.slice(at, at + 4), 2).toString(16);
  return hex;
}

export function hexToBits(hex: string): string {
  let bits = '';
  for (const digit of hex) bits += Number.parseInt(digit, 16).toString(2).padStart(4, '0');
  return bits;
}

/** Number of differing bits between two fingerprints. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let at = 0; at < a.length; at += 1) {
    let xor = Number.parseInt(a[at] as string, 16) ^ Number.parseInt(b[at] as string, 16);
    while (xor) {
      distance += xor & 1;
      xor >>= 1;
    }
  }
  return distance;
}

/**
 * Splits a fingerprint into threshold+1 bands. Two fingerprints within `threshold` bits of each
 * other agree on at least one band (pigeonhole), so looking up bands finds every candidate
 * without comparing against every remembered fingerprint.
 */
export function bands(hex: string, threshold: number): string[] {
  const bits = hexToBits(hex);
  const count = threshold + 1;
  const width = Math.ceil(64 / count);
  const out: string[] = [];
  for (let band = 0; band < count; band += 1)
    out.push(`${band}:${bits.slice(band * width, (band + 1) * width)}`);
  return out;
}
