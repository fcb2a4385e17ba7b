import { durationAt, QUICK, WAITED } from './en-durations.js';
import { enInterrogatives, enLightWords, enRemedies, likeSubjects } from './en-lexicon.js';
import { CAPS, SCARE_QUOTED, type Tokens, tokenize } from './en-tokens.js';
import {
  BOOSTER,
  CONCESSION,
  CONTRAST,
  type EnLexicon,
  type Entry,
  EXPECTATION,
  enLexicon,
  IRONY,
  NEGATOR,
  RHETORIC,
} from './en-valences.js';
import { Polarity } from './polarity.js';

const interrogatives = new Set(enInterrogatives.split('|'));
const lightWords = new Set(enLightWords.split('|'));
const subjects = new Set(likeSubjects.split('|'));
const remedies = new Set(enRemedies.split('|'));

/** VADER's emphasis for a polar word in capitals among lower-case words. */
const CAPS_EMPHASIS = 0.733;
/** What a plain question's valences count: "Which bank has the best account?" asks, it does not praise. */
const QUESTION_WEIGHT = 0.2;
/** What a concession counts ("Although the food was good, ..."), as VADER weighs what precedes "but". */
const CONCESSION_WEIGHT = 0.5;
/** An expectation said with a negation: "no response", "nobody picks up". */
const UNMET = -1.5;
/** "Like" as a verb, as VADER rates it ("I like it", "don't like it"). */
const LIKE = 1.5;
/** "Never ... again" in one sentence: a customer lost. */
const NEVER_AGAIN = -2.5;
/** A word the customer puts in scare quotes: `"reviewing" my claim`, `says that's "normal"`. */
const SNEER = -1;
/** "Keeps crashing", "keep asking me to log in": what a customer says of a fault that recurs. */
const KEEPS_DOING = -0.8;
const keeps = new Set(['keep', 'keeps', 'kept']);
/** "Fixed it in five minutes", "within the hour": how long the service took, said as praise. */
const QUICK_SERVICE = 1.5;
/** "Sat on the tarmac for 40 minutes", "in progress for four days": a wait. */
const WAITING = -1.2;
/** "Fell apart after two months": how long a thing lasted, said of a fault. */
const WORN_OUT = -1;

const polarity = new Polarity();
/** Every "-n't" contraction negates: don't, won't, isn't, ain't. */
const NOT: Entry = { kind: NEGATOR, value: 0 };

/** Sums valences over an English text (see Polarity for the rules). */
export function enPolarity(text: string): Polarity {
  const lexicon = enLexicon();
  const tokens = tokenize(text, lexicon.emoticons);
  const { words } = tokens;
  polarity.reset();
  let sentenceStart = true;
  let never = false;
  for (let i = 0; i < tokens.length; i++) {
    const word = words[i] ?? '';
    if (word === ',' || word === '.' || word === '!' || word === '?') {
      if (word === '!') polarity.exclaim();
      if (word === ',') polarity.clause();
      else {
        polarity.sentence();
        sentenceStart = true;
        never = false;
      }
      continue;
    }
    const clauseStart = sentenceStart || words[i - 1] === ',';
    if (sentenceStart) {
      if (isPlainQuestion(tokens, i)) polarity.weigh(QUESTION_WEIGHT);
      sentenceStart = false;
    }
    // "..., so much for indestructible": the promise that follows was broken. Not "thanks so much for".
    if (clauseStart && word === 'so' && wordAt(tokens, i + 1) === 'much' && wordAt(tokens, i + 2) === 'for') {
      polarity.negator();
      i += 2;
      continue;
    }
    const duration = durationAt(tokens, i);
    if (duration) {
      // The length of time is the verdict, whatever the words before it: "didn't rush me out in 7 minutes".
      polarity.add(duration.kind === QUICK ? QUICK_SERVICE : duration.kind === WAITED ? WAITING : WORN_OUT);
      i = duration.end;
      continue;
    }
    const phrase = phraseAt(lexicon, words, i, tokens.length);
    const entry = phrase?.entry ?? lexicon.words.get(word) ?? (word.endsWith("n't") ? NOT : undefined);
    if (phrase) i += phrase.words.length - 1;
    if (word === 'never' && !phrase) never = true;
    if (word === 'again' && never) {
      polarity.add(NEVER_AGAIN);
      never = false;
    } else if (word === 'like' && !phrase) {
      if (subjects.has(words[i - 1] ?? '') || polarity.negated) polarity.valence(LIKE);
      else polarity.step();
    } else if (keeps.has(word) && !phrase && wordAt(tokens, i + 1).endsWith('ing')) polarity.add(KEEPS_DOING);
    else if (word === 'af' || word === 'asf') polarity.exclaim();
    else if (entry) apply(entry, word, tokens, i);
    else if (scareQuoted(tokens, i) && !scareQuoted(tokens, i - 1)) polarity.add(SNEER);
    else if (!lightWords.has(word)) polarity.step();
    // A remedy in scare quotes (`"fixed" the leak`) did not happen.
    if (
      remedies.has(phrase ? phrase.words.join(' ') : word) &&
      !polarity.negated &&
      !scareQuoted(tokens, i)
    ) {
      polarity.remedy();
    }
  }
  return polarity;
}

function apply(entry: Entry, word: string, tokens: Tokens, i: number): void {
  const emphasis = tokens.mixedCase && (tokens.flags[i] ?? 0) & CAPS ? CAPS_EMPHASIS : 0;
  switch (entry.kind) {
    case NEGATOR:
      negator(word, tokens, i);
      return;
    case BOOSTER:
      polarity.booster(entry.value + Math.sign(entry.value) * emphasis);
      return;
    case CONTRAST:
      polarity.contrast();
      return;
    case CONCESSION:
      // "Great phone, though the battery..." is a "but"; "Although it was late, ..." concedes; a
      // closing "though" ("battery sucks though") only softens, which the sum already shows.
      if (isClauseEnd(wordAt(tokens, i + 1))) polarity.step();
      else if (polarity.hits > 0 && word !== 'despite') polarity.contrast();
      else polarity.concede(CONCESSION_WEIGHT);
      return;
    case EXPECTATION:
      if (polarity.negated) {
        polarity.add(UNMET);
        return;
      }
      break;
    case IRONY:
      polarity.irony();
      break;
    case RHETORIC:
      // "Is it too much to ask ...?" complains: the question is no plain one.
      polarity.weigh(1);
      break;
  }
  if (entry.value === 0) {
    polarity.step();
    return;
  }
  const scare = scareQuoted(tokens, i) && entry.value > 0;
  // An emoji is the writer's own reaction: "nothing was squished 🙏" does not negate the 🙏.
  if (isEmoji(word)) polarity.add(entry.value);
  else polarity.valence(scare ? -0.74 * entry.value : entry.value, emphasis);
}

function negator(word: string, tokens: Tokens, i: number): void {
  const next = wordAt(tokens, i + 1);
  const afterNext = wordAt(tokens, i + 2);
  // VADER: "never so good", "never this clean" praise rather than deny.
  if (word === 'never' && (next === 'so' || next === 'this' || afterNext === 'so' || afterNext === 'this')) {
    polarity.booster();
  } else polarity.negator();
}

const scareQuoted = (tokens: Tokens, j: number) => j >= 0 && ((tokens.flags[j] ?? 0) & SCARE_QUOTED) !== 0;

const isEmoji = (word: string) => word.charCodeAt(0) >= 0x2600;

const isClauseEnd = (word: string) =>
  word === '' || word === ',' || word === '.' || word === '!' || word === '?';

/** The token at `j`, or '' past the end (the token arrays are reused between texts). */
const wordAt = (tokens: Tokens, j: number) => (j < tokens.length ? (tokens.words[j] ?? '') : '');

function phraseAt(lexicon: EnLexicon, words: string[], at: number, length: number) {
  const candidates = lexicon.phrases.get(words[at] ?? '');
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (at + phrase.words.length > length) continue;
    let k = 1;
    while (k < phrase.words.length && words[at + k] === phrase.words[k]) k++;
    if (k === phrase.words.length) return phrase;
  }
  return undefined;
}

/**
 * A sentence that ends in a single "?" and has a question word at the start of one of its
 * clauses. Rhetorical questions ("Paying for this??", "Why is it always down?") and ones that look
 * for company in a complaint ("Anyone else getting charged twice?") are left alone.
 */
function isPlainQuestion(tokens: Tokens, start: number): boolean {
  let asks = false;
  let clauseStart = true;
  for (let j = start; j < tokens.length; j++) {
    const word = wordAt(tokens, j);
    const next = wordAt(tokens, j + 1);
    if (word === '?') return asks && next !== '?' && next !== '!';
    if (
      word === '.' ||
      word === '!' ||
      (word === 'else' && j > start) ||
      (word === 'just' && next === 'me')
    ) {
      return false;
    }
    if (clauseStart && (interrogatives.has(word) || interrogatives.has(`${word} ${next}`))) asks = true;
    clauseStart = word === ',';
  }
  return false;
}
