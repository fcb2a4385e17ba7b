/**
 * Trains the built-in Chinese review model and writes src/sentiment/model/zh-reviews.json.
 * Deterministic: a fixed seed splits reviews.csv 90/10; the model is trained on the 90% and the
 * accuracy printed is on the 10% it never saw. `evaluate-sentiment.ts` then scores the shipped
 * analyser (lexicon + this model) on the same split and on the other-domain sets.
 *
 *   pnpm --filter sbss-plugin-scoring train:sentiment
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NaiveBayes } from '../src/sentiment/naive-bayes.js';
import { trainNaiveBayes } from '../src/sentiment/naive-bayes-training.js';
import { pluginRoot, readReviews, reviewsPath, SEED, split } from './reviews.js';

const started = performance.now();
const { train, test } = split(readReviews(), 0.1, SEED);
const json = trainNaiveBayes(train, { minCount: 3, minWeight: 0.05 });
const out = resolve(pluginRoot, 'src/sentiment/model/zh-reviews.json');
writeFileSync(out, `${JSON.stringify(json)}\n`);

const model = new NaiveBayes(json);
const accuracy = (predict: (text: string) => boolean) =>
  test.filter((review) => predict(review.text) === review.positive).length / test.length;
const modelOnly = accuracy((text) => model.evidence(text).logit > 0);

console.log(`data        ${reviewsPath}`);
console.log(`split       ${train.length} train / ${test.length} held out (seed ${SEED})`);
console.log(
  `features    ${json.features.split('\n').length}, ${(JSON.stringify(json).length / 1e6).toFixed(2)} MB`,
);
console.log(`held-out    naive Bayes alone ${(modelOnly * 100).toFixed(2)}%`);
console.log(`took        ${((performance.now() - started) / 1000).toFixed(1)} s -> ${out}`);
