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

/** A fingerprint as its two 32-bit halves, most significant first: compared without strings. */
export interface Fingerprint {
  high: number;
  low: number;
}

/** The 16 hex digits `simhash` returns, as numbers. */
export function parseFingerprint(hex: string): Fingerprint {
  return { high: Number.parseInt(hex.slice(0, 8), 16), low: Number.parseInt(hex.slice(8, 16), 16) };
}

/** Number of differing bits between two fingerprints. */
export function hammingDistance(a: Fingerprint, b: Fingerprint): number {
  return bitCount(a.high ^ b.high) + bitCount(a.low ^ b.low);
}

/** Set bits of a 32-bit word, counted in parallel (Hacker's Delight, figure 5-2). */
function bitCount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
