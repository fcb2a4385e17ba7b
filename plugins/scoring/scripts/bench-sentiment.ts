/**
 * Mentions per second through the sentiment analyser alone, in Node, on one core: a mix of
 * held-out reviews cut to mention length and the other-domain sets (Simplified, Traditional,
 * English).
 *
 *   pnpm --filter sbss-plugin-scoring bench:sentiment
 */
import { analyzeSentiment } from '../src/sentiment/analyze.js';
import { evalSetNames, readEvalSet } from './eval-sets.js';
import { readReviews, SEED, split } from './reviews.js';

const mentions: { text: string; lang: string }[] = [];
for (const file of evalSetNames()) {
  const lang = file.includes('en') ? 'en' : file.includes('hant') ? 'zh-Hant' : 'zh-Hans';
  for (const [, text] of readEvalSet(file)) mentions.push({ text, lang });
}
for (const review of split(readReviews(), 0.1, SEED).test.slice(0, 2000)) {
  mentions.push({ text: review.text.slice(0, 140), lang: 'und' });
}

const options = { neutralBand: 0.2 };
const run = (count: number) => {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const mention = mentions[i % mentions.length] ?? { text: '', lang: 'und' };
    sum += analyzeSentiment(mention.text, mention.lang, options).score;
  }
  return sum;
};
run(20_000); // warm-up: builds the model tables and lets V8 optimise
const count = 200_000;
const started = performance.now();
run(count);
const seconds = (performance.now() - started) / 1000;
const chars = mentions.reduce((sum, mention) => sum + mention.text.length, 0) / mentions.length;
console.log(`${mentions.length} distinct mentions, ${chars.toFixed(0)} characters on average`);
console.log(
  `${Math.round(count / seconds).toLocaleString('en')} mentions/s (${((seconds / count) * 1e6).toFixed(2)} µs each)`,
);
