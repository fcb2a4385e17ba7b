import { BREAK, scanUnits, unitBuffer, unitId } from './text-units.js';
import { BIGRAM_BASE, MAX_UNITS, UNKNOWN, Vocabulary } from './vocabulary.js';

/**
 * A naive Bayes sentiment model as stored: log-likelihood ratios (positive over negative) of
 * unigram and bigram features over characters and words. `features` holds one line per feature,
 * its units joined by a space, a tab, then the weight: `不 好\t-2.1`. One string rather than an
 * object keeps the file cheap to parse and to type-check.
 */
export interface NaiveBayesJson {
  format: 'sbss-naive-bayes/1';
  /** Log prior odds of positive. */
  bias: number;
  features: string;
}

export interface Evidence {
  /** Log odds of positive. */
  logit: number;
  /** How many features of the text the model knew. */
  matched: number;
}

const buffer = unitBuffer();

export class NaiveBayes {
  private readonly vocabulary = new Vocabulary();
  private readonly unigrams = new Float64Array(MAX_UNITS + 1);
  private readonly bigrams = new Map<number, number>();
  private readonly bias: number;

  constructor(json: NaiveBayesJson) {
    this.bias = json.bias;
    for (const line of json.features.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const weight = Number(line.slice(tab + 1));
      const units = line
        .slice(0, tab)
        .split(' ')
        .map((unit) => unitId(this.vocabulary, unit));
      const [first = UNKNOWN, second] = units;
      if (second === undefined) this.unigrams[first] = weight;
      else this.bigrams.set(first * BIGRAM_BASE + second, weight);
    }
    this.vocabulary.frozen = true;
  }

  evidence(text: string): Evidence {
    const count = scanUnits(text, this.vocabulary, buffer);
    const ids = buffer.ids;
    let logit = this.bias;
    let matched = 0;
    let previous = BREAK;
    for (let i = 0; i < count; i++) {
      const id = ids[i] ?? BREAK;
      if (id > UNKNOWN) {
        const weight = this.unigrams[id] ?? 0;
        if (weight !== 0) {
          logit += weight;
          matched++;
        }
        if (previous > UNKNOWN) {
          const pair = this.bigrams.get(previous * BIGRAM_BASE + id);
          if (pair !== undefined) {
            logit += pair;
            matched++;
          }
        }
      }
      previous = id;
    }
    return { logit, matched };
  }
}
