/**
 * Accuracy of the shipped sentiment analyser on the held-out review split and on the
 * other-domain mentions in data/eval/: the dev- sets of every round, read while tuning
 * (optimistic), and the test- sets of every round, each written after the analyser of its
 * round was frozen and never used for tuning. Then on published English review sentences, beside
 * a well-known analyser. Run after train-sentiment.ts.
 *
 *   pnpm --filter sbss-plugin-scoring eval:sentiment
 *   pnpm --filter sbss-plugin-scoring eval:sentiment --dev   # while tuning: held-out and dev- sets only
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import Sentiment from 'sentiment';
import { analyzeSentiment } from '../src/sentiment/analyze.js';
import { evalSetNames, readEvalSet } from './eval-sets.js';
import { readReviews, SEED, split } from './reviews.js';

const NEUTRAL_BAND = 0.2;
const percent = (good: number, all: number) => `${((good / all) * 100).toFixed(1)}% (${good}/${all})`;

const { test } = split(readReviews(), 0.1, SEED);
// The reviews carry no neutral label, so the analyser is made to pick a side here.
const heldOut = test.filter(
  (review) => analyzeSentiment(review.text, 'zh-Hans', { neutralBand: 0 }).score > 0 === review.positive,
).length;
console.log(`held-out reviews         ${percent(heldOut, test.length)}`);

const evalFiles = evalSetNames();
const isDev = (name: string) => /^dev\d*-/.test(name);
const isTest = (name: string) => /^test\d*-/.test(name);
// Tuning must not see the untouched sets, not even their totals.
const devOnly = process.argv.includes('--dev');
const groups: [string, string[]][] = [
  ['dev sets (read while tuning, optimistic)', evalFiles.filter(isDev)],
  ['test sets (untouched, never used for tuning)', devOnly ? [] : evalFiles.filter(isTest)],
  ['other sets', evalFiles.filter((name) => !isDev(name) && !isTest(name))],
];
for (const [title, files] of groups) {
  if (files.length > 0) console.log(`\n${title}`);
  for (const file of files) evaluateFile(file);
}
if (!devOnly) evaluatePublished();

function evaluateFile(file: string): void {
  const rows = readEvalSet(file);
  let polar = 0;
  let polarRight = 0;
  let threeRight = 0;
  for (const [label, text] of rows) {
    const lang = file.includes('en') ? 'en' : 'zh';
    const sentiment = analyzeSentiment(text, lang, { neutralBand: NEUTRAL_BAND });
    if (sentiment.label === label) threeRight++;
    if (label === 'neutral') continue;
    polar++;
    if (sentiment.score > 0 === (label === 'positive')) polarRight++;
  }
  console.log(
    `${file.padEnd(24)} positive/negative ${percent(polarRight, polar)}, three labels ${percent(threeRight, rows.length)}`,
  );
}

/**
 * The "Sentiment Labelled Sentences" of Kotzias et al. (KDD 2015): 1,000 Amazon product, IMDb
 * movie and Yelp restaurant review sentences each, labelled positive or negative, as the
 * `sentiment` package ships them for its own validation. Never used for tuning. That package's
 * AFINN analyser, scored as its validation scores it (negative below zero), runs beside.
 */
function evaluatePublished(): void {
  const fixtures = resolve(dirname(createRequire(import.meta.url).resolve('sentiment')), '../test/fixtures');
  const afinn = new Sentiment();
  console.log('\npublished English review sentences (Kotzias et al. 2015), positive/negative');
  for (const name of ['amazon', 'imdb', 'yelp']) {
    // Each file ends with an empty row labelled null.
    const rows = (
      JSON.parse(readFileSync(resolve(fixtures, `${name}.json`), 'utf8')) as {
        text: string;
        class: unknown;
      }[]
    ).filter((row) => row.class === 0 || row.class === 1);
    let ours = 0;
    let theirs = 0;
    for (const { text, class: positive } of rows) {
      if (analyzeSentiment(text, 'en', { neutralBand: 0 }).score > 0 === (positive === 1)) ours++;
      if (afinn.analyze(text).comparative >= 0 === (positive === 1)) theirs++;
    }
    console.log(
      `${name.padEnd(24)} ${percent(ours, rows.length)}, the sentiment package's AFINN ${percent(theirs, rows.length)}`,
    );
  }
}
