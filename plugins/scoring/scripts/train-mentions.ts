/**
 * Trains the English mentions model on the team's labelled English mentions, the polar lines of
 * every `data/eval/dev*-en.tsv` set, and writes src/sentiment/model/en-mentions.json. The test-
 * sets are never read. Before writing, it holds out each round of dev sets in turn (trains on the
 * others, scores the held-out round with and without the model) and prints those figures, then
 * the same over all rounds for each weight beside the rules: how `MENTIONS_MODEL_WEIGHT` and
 * `MENTIONS_MODEL_WEIGHT_BESIDE_RULES` in `analyze.ts` were chosen. Deterministic.
 *
 *   pnpm --filter sbss-plugin-scoring train:mentions
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { englishSum, sentimentOf } from '../src/sentiment/analyze.js';
import { NaiveBayes } from '../src/sentiment/naive-bayes.js';
import { type LabelledText, trainNaiveBayes } from '../src/sentiment/naive-bayes-training.js';
import { evalSetNames, readEvalSet } from './eval-sets.js';
import { pluginRoot } from './reviews.js';

/** Features seen in a single mention are kept: the sets are small. */
const MIN_COUNT = 2;
const NEUTRAL_BAND = 0.2;

const sets = evalSetNames()
  .filter((name) => /^dev\d*-en\.tsv$/.test(name))
  .map((name) => ({ name, rows: readEvalSet(name) }));
const polar = (rows: [string, string][]): LabelledText[] =>
  rows
    .filter(([label]) => label !== 'neutral')
    .map(([label, text]) => ({ text, positive: label === 'positive' }));
const train = (chosen: typeof sets) =>
  trainNaiveBayes(
    chosen.flatMap((set) => polar(set.rows)),
    { minCount: MIN_COUNT },
  );

const percent = (good: number, all: number) => `${((good / all) * 100).toFixed(1)}%`;
/** A model that knows nothing: the rules alone. */
const none = new NaiveBayes({ format: 'sbss-naive-bayes/1', bias: 0, features: '' });
console.log('held-out round   positive/negative without → with   three labels without → with');
for (const held of sets) {
  const model = new NaiveBayes(train(sets.filter((set) => set !== held)));
  const tally = { polar: 0, without: 0, with: 0, withoutThree: 0, withThree: 0 };
  for (const [label, text] of held.rows) {
    const plain = englishSum(text, none);
    const modelled = englishSum(text, model);
    if (sentimentOf(plain, NEUTRAL_BAND).label === label) tally.withoutThree++;
    if (sentimentOf(modelled, NEUTRAL_BAND).label === label) tally.withThree++;
    if (label === 'neutral') continue;
    tally.polar++;
    if (plain > 0 === (label === 'positive')) tally.without++;
    if (modelled > 0 === (label === 'positive')) tally.with++;
  }
  console.log(
    `${held.name.padEnd(16)} ${percent(tally.without, tally.polar)} → ${percent(tally.with, tally.polar)}`.padEnd(
      54,
    ) + `${percent(tally.withoutThree, held.rows.length)} → ${percent(tally.withThree, held.rows.length)}`,
  );
}

// The model's weight where the rules find polar words, over every held-out round together.
const besideRules = [0, 0.05, 0.1, 0.15, 0.2, 0.3];
const sweep = besideRules.map(() => ({ polar: 0, right: 0, three: 0, rows: 0 }));
for (const held of sets) {
  const model = new NaiveBayes(train(sets.filter((set) => set !== held)));
  for (const [label, text] of held.rows) {
    besideRules.forEach((weight, k) => {
      const sum = englishSum(text, model, weight);
      const tally = sweep[k] as (typeof sweep)[number];
      tally.rows++;
      if (sentimentOf(sum, NEUTRAL_BAND).label === label) tally.three++;
      if (label === 'neutral') return;
      tally.polar++;
      if (sum > 0 === (label === 'positive')) tally.right++;
    });
  }
}
console.log('weight beside the rules, all held-out rounds: positive/negative, three labels');
besideRules.forEach((weight, k) => {
  const tally = sweep[k] as (typeof sweep)[number];
  console.log(
    `  ${String(weight).padEnd(5)} ${percent(tally.right, tally.polar)}  ${percent(tally.three, tally.rows)}`,
  );
});

const json = train(sets);
const out = resolve(pluginRoot, 'src/sentiment/model/en-mentions.json');
writeFileSync(out, `${JSON.stringify(json)}\n`);
console.log(
  `${json.features.split('\n').length} features from ${sets.map((set) => set.name).join(', ')} -> ${out}`,
);
