import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabelledText } from '../src/sentiment/naive-bayes-training.js';

export const pluginRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(pluginRoot, '../..');

/** CI lays shared/ beside the repository, so the data set lives outside it. */
export const reviewsPath =
  process.env.SBSS_ZH_SENTIMENT_CSV ?? resolve(repoRoot, '../shared/data/zh-sentiment/reviews.csv');

/** The split seed: train and evaluation scripts must agree on it. */
export const SEED = 20240601;

export interface Review extends LabelledText {
  domain: string;
}

/** Reads `label,domain,review` rows (RFC 4180 quoting; no field spans lines in this file). */
export function readReviews(path = reviewsPath): Review[] {
  const lines = readFileSync(path, 'utf8').split('\n').slice(1);
  const reviews: Review[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const [label, domain = '', text = ''] = parseCsvLine(line.replace(/\r$/, ''));
    reviews.push({ positive: label === '1', domain, text });
  }
  return reviews;
}

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++;
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

/** Mulberry32: a tiny seeded generator, so the split is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with the seeded generator, then the last `heldOut` share set aside. */
export function split<T>(items: T[], heldOut: number, seed: number): { train: T[]; test: T[] } {
  const shuffled = [...items];
  const random = seededRandom(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  const cut = Math.round(shuffled.length * (1 - heldOut));
  return { train: shuffled.slice(0, cut), test: shuffled.slice(cut) };
}
