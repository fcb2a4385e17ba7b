import { toSimplified } from './chinese-script.js';
import { enPolarity } from './en-polarity.js';
import enMentions from './model/en-mentions.json' with { type: 'json' };
import zhReviews from './model/zh-reviews.json' with { type: 'json' };
import { NaiveBayes, type NaiveBayesJson } from './naive-bayes.js';
import { zhPolarity } from './zh-polarity.js';
import { isPlainQuestion } from './zh-question.js';

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface Sentiment {
  label: SentimentLabel;
  /** -1 (negative) to 1 (positive). */
  score: number;
  /** 0.5 to 1: how far the score sits from the nearest other label. */
  confidence: number;
}

export interface AnalyzeOptions {
  /** Scores closer to zero than this are neutral. */
  neutralBand: number;
  /** A model trained on the user's own mentions, added to the built-in one. */
  custom?: NaiveBayes;
  customWeight?: number;
}

/**
 * How much the review-trained naive Bayes adds to the Chinese lexicon sum. Chosen on the held-out
 * review split: the lexicon alone reaches 85%, the model alone 90.6%, both with 0.2 about 91%,
 * and the lexicon keeps the product-review vocabulary (退货, 客服) from dominating other domains.
 */
const REVIEW_MODEL_WEIGHT = 0.2;
/**
 * The model's weight when the lexicon finds no polar word. Every review it learnt from takes a
 * side, so on factual posts ("明天去银行办卡") it leans on product words; halving its say there
 * sends them to neutral without changing which side any text falls on. Chosen on the dev sets.
 */
const REVIEW_MODEL_WEIGHT_ALONE = 0.1;
/** What a plain question counts, in either language: "哪家银行最好？" asks, it does not praise. */
const QUESTION_WEIGHT = 0.3;
/**
 * The weight of the naive Bayes trained on the team's labelled English mentions
 * (`scripts/train-mentions.ts`) in a mention where the English rules find no polar word ("they
 * called back within the hour", "no record of my appointment"): small enough that it decides the
 * side of such a mention and seldom takes it out of neutral. Chosen by holding out each round of
 * the dev sets in turn.
 */
export const MENTIONS_MODEL_WEIGHT = 0.1;
/**
 * Its weight beside the rules where they do find polar words: enough to tip a mention whose
 * polar words tell another story than the whole ("the first train was late, the guard waved me
 * onto the next one"). Held out round by round over the seven dev rounds, 0.05 took
 * positive/negative from 86.1% to 86.6% and three labels from 77.9% to 78.3%; 0.1 gave 87.1%
 * and 78.1%, and turned plain questions with a polar word ("Which bank has the best account?")
 * positive.
 */
export const MENTIONS_MODEL_WEIGHT_BESIDE_RULES = 0.05;

let builtin: NaiveBayes | undefined;
const reviewModel = () => {
  builtin ??= new NaiveBayes(zhReviews as NaiveBayesJson);
  return builtin;
};
let mentions: NaiveBayes | undefined;
const mentionsModel = () => {
  mentions ??= new NaiveBayes(enMentions as NaiveBayesJson);
  return mentions;
};

/** The English valence sum: the rules' when they find a polar word, the mentions model's otherwise. */
export function englishSum(
  text: string,
  model: NaiveBayes = mentionsModel(),
  besideRules = MENTIONS_MODEL_WEIGHT_BESIDE_RULES,
): number {
  const polarity = enPolarity(text);
  const weight = polarity.hits > 0 ? besideRules : MENTIONS_MODEL_WEIGHT;
  return polarity.total() + weight * model.evidence(text).logit;
}

/** Chinese when tagged so, English when tagged so, otherwise by which script dominates. */
export function isChinese(text: string, lang: string | undefined): boolean {
  if (lang?.startsWith('zh')) return true;
  if (lang === 'en') return false;
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code >= 0x4e00 && code <= 0x9fff) cjk++;
    else if (code >= 0x61 && code <= 0x7a) latin++;
  }
  // A CJK character carries about as much as a short English word.
  return cjk * 4 >= latin && cjk > 0;
}

export function analyzeSentiment(text: string, lang: string | undefined, options: AnalyzeOptions): Sentiment {
  // Nothing to read (an image-only post, a field mapped under another name): neutral, unsure.
  if (text.trim() === '') return { label: 'neutral', score: 0, confidence: 0 };
  let sum: number;
  if (isChinese(text, lang)) {
    const simplified = toSimplified(text);
    const lexicon = zhPolarity(simplified);
    const question = isPlainQuestion(simplified);
    const weight = lexicon.hits > 0 && !question ? REVIEW_MODEL_WEIGHT : REVIEW_MODEL_WEIGHT_ALONE;
    sum = lexicon.total() + weight * reviewModel().evidence(simplified).logit;
    if (question) sum *= QUESTION_WEIGHT;
  } else {
    sum = englishSum(text);
  }
  if (options.custom) sum += (options.customWeight ?? 1) * options.custom.evidence(text).logit;
  return sentimentOf(sum, options.neutralBand);
}

/** A valence sum as a label, a score and a confidence. */
export function sentimentOf(sum: number, neutralBand: number): Sentiment {
  // VADER's normalisation of a valence sum into -1..1 (alpha = 15).
  const score = sum / Math.sqrt(sum * sum + 15);
  const magnitude = Math.abs(score);
  if (magnitude < neutralBand) {
    return {
      label: 'neutral',
      score: round(score),
      confidence: round(1 - magnitude / (2 * neutralBand)),
    };
  }
  return {
    label: score > 0 ? 'positive' : 'negative',
    score: round(score),
    confidence: round(0.5 + magnitude / 2),
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
