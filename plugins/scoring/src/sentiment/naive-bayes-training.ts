import type { NaiveBayesJson } from './naive-bayes.js';
import { BREAK, scanUnits, unitBuffer } from './text-units.js';
import { BIGRAM_BASE, UNKNOWN, Vocabulary } from './vocabulary.js';

export interface LabelledText {
  text: string;
  positive: boolean;
}

export interface TrainingOptions {
  /** Additive (Laplace) smoothing. */
  smoothing?: number;
  /** Features seen in fewer documents are dropped: they are noise and bloat the file. */
  minCount?: number;
  /** Features whose weight is closer to zero than this are dropped. */
  minWeight?: number;
  /** Use the class balance of the examples as the bias (otherwise even odds). */
  learnPrior?: boolean;
}

/**
 * Multinomial naive Bayes over binarized features (each feature counted once per document), which
 * Wang and Manning ("Baselines and Bigrams", ACL 2012) found to beat raw counts for sentiment.
 */
export function trainNaiveBayes(
  examples: Iterable<LabelledText>,
  options: TrainingOptions = {},
): NaiveBayesJson {
  const { smoothing = 1, minCount = 3, minWeight = 0, learnPrior = false } = options;
  const vocabulary = new Vocabulary();
  const buffer = unitBuffer();
  const positive = new Map<number, number>();
  const negative = new Map<number, number>();
  let positives = 0;
  let negatives = 0;
  const seen = new Set<number>();
  for (const example of examples) {
    if (example.positive) positives++;
    else negatives++;
    const counts = example.positive ? positive : negative;
    seen.clear();
    const length = scanUnits(example.text, vocabulary, buffer);
    let previous = BREAK;
    for (let i = 0; i < length; i++) {
      const id = buffer.ids[i] ?? BREAK;
      if (id > UNKNOWN) {
        seen.add(id);
        if (previous > UNKNOWN) seen.add(previous * BIGRAM_BASE + id);
      }
      previous = id;
    }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = new Set([...positive.keys(), ...negative.keys()]);
  const total = (counts: Map<number, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
  const positiveMass = Math.log(total(positive) + smoothing * keys.size);
  const negativeMass = Math.log(total(negative) + smoothing * keys.size);
  const features: string[] = [];
  for (const key of [...keys].sort((a, b) => a - b)) {
    const p = positive.get(key) ?? 0;
    const n = negative.get(key) ?? 0;
    if (p + n < minCount) continue;
    const weight = Math.log(p + smoothing) - positiveMass - (Math.log(n + smoothing) - negativeMass);
    if (Math.abs(weight) < minWeight) continue;
    features.push(`${featureName(vocabulary, key)}\t${Math.round(weight * 1000) / 1000}`);
  }
  const bias = learnPrior && positives > 0 && negatives > 0 ? Math.log(positives / negatives) : 0;
  return {
    format: 'sbss-naive-bayes/1',
    bias: Math.round(bias * 1000) / 1000,
    features: features.join('\n'),
  };
}

function featureName(vocabulary: Vocabulary, key: number): string {
  if (key < BIGRAM_BASE) return vocabulary.unit(key);
  return `${vocabulary.unit(Math.floor(key / BIGRAM_BASE))} ${vocabulary.unit(key % BIGRAM_BASE)}`;
}
