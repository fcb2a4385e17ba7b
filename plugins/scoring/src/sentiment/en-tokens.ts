/**
 * Splits an English mention into lower-case words, emoji and emoticons, with `,` where a clause
 * ends and `.`, `!` or `?` where a sentence does. @handles and links are dropped: brand names in
 * them (`@united`, `@Delta`) are not opinions.
 */
export interface Tokens {
  words: string[];
  flags: number[];
  length: number;
  /** Some words are in capitals and some are not, so capitals stand out (VADER's rule). */
  mixedCase: boolean;
}

/** A word written in capitals: "AGAIN", "LOVE". */
export const CAPS = 1;
/**
 * A lower-case word or short phrase in quotation marks, as in `"upgraded" my plan` or `"in
 * progress" for four days`: said with a sneer. A capitalised one (`"Perfect"`) is more often a
 * title, a longer one a quotation.
 */
export const SCARE_QUOTED = 2;

const tokens: Tokens = { words: [], flags: [], length: 0, mixedCase: false };

const isLetter = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
const isQuote = (c: number) => c === 0x22 || c === 0x201c || c === 0x201d;
/** Emoticons whose eyes come first may touch the word before them ("love it:)"). */
const isEyes = (c: number) => c === 0x3a || c === 0x3b || c === 0x3d || c === 0x3c;

function push(word: string, flags: number): void {
  const previous = tokens.words[tokens.length - 1];
  // Runs of clause and sentence ends collapse, except `!` and `?`, which are counted.
  if ((word === ',' || word === '.') && (tokens.length === 0 || previous === ',' || previous === '.')) {
    if (word === '.' && previous === ',') tokens.words[tokens.length - 1] = '.';
    return;
  }
  tokens.words[tokens.length] = word;
  tokens.flags[tokens.length] = flags;
  tokens.length++;
}

export function tokenize(text: string, emoticons: Set<string>): Tokens {
  tokens.length = 0;
  let upperWords = 0;
  let lowerWords = 0;
  let scare = 0;
  let scareEnd = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || isDigit(c) || c === 0x27 || c === 0x2019) {
      const start = i;
      let upper = 0;
      let lower = 0;
      for (; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d >= 0x41 && d <= 0x5a) upper++;
        else if (d >= 0x61 && d <= 0x7a) lower++;
        else if (isLetter(d) || isDigit(d) || d === 0x27 || d === 0x2019) continue;
        // Keeps ratings and numbers whole: 10/10, 4.5, 300,000.
        else if (
          !(
            (d === 0x2f || d === 0x2e || d === 0x2c) &&
            isDigit(text.charCodeAt(i - 1)) &&
            isDigit(text.charCodeAt(i + 1))
          )
        )
          break;
      }
      // A domain name is a brand (`Brilliant.org`, `Made.com`): its words are not opinions.
      const domain =
        text.charCodeAt(i) === 0x2e
          ? /^\.(?:com|org|net|io|co|ai|app|tv)(?![a-z0-9])/i.exec(text.slice(i, i + 5))
          : null;
      if (domain) i += domain[0].length;
      let word = text.slice(start, i);
      if (upper > 0) word = word.toLowerCase();
      if (word.includes('\u2019')) word = word.replace(/\u2019/g, "'");
      if (word.startsWith('http') && text.charCodeAt(i) === 0x3a) {
        while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
        continue;
      }
      if (word === 'w' && text.charCodeAt(i) === 0x2f) {
        const without = (text.charCodeAt(i + 1) | 0x20) === 0x6f && !isLetter(text.charCodeAt(i + 2));
        word = without ? 'without' : 'with';
        i += without ? 2 : 1;
      }
      if (word.charCodeAt(0) === 0x27 || word.endsWith("'")) word = word.replace(/^'+|'+$/g, '');
      if (upper >= 2 && lower === 0) upperWords++;
      else if (lower > 0) lowerWords++;
      if (word) push(word, (upper >= 2 && lower === 0 ? CAPS : 0) | scare);
      if (i >= scareEnd) scare = 0;
      continue;
    }
    i = punctuation(text, i, c, emoticons);
    if (isQuote(c)) {
      scareEnd = quotedPhraseEnd(text, i);
      scare = scareEnd > 0 ? SCARE_QUOTED : 0;
    }
  }
  tokens.mixedCase = upperWords > 0 && lowerWords > 0;
  return tokens;
}

/** Handles one non-word character (or emoticon, or emoji) at `i`; returns where to go on. */
function punctuation(text: string, i: number, c: number, emoticons: Set<string>): number {
  if (c === 0x40) {
    let j = i + 1;
    while (
      j < text.length &&
      (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 0x5f)
    )
      j++;
    return j;
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    // Skin-tone modifiers (U+1F3FB..U+1F3FF) only colour the emoji before them.
    if (!(c === 0xd83c && low >= 0xdffb && low <= 0xdfff)) push(text.slice(i, i + 2), 0);
    return i + 2;
  }
  if ((c >= 0x2600 && c <= 0x27bf) || (c >= 0x2b00 && c <= 0x2bff)) {
    push(text[i] ?? '', 0);
    return i + 1;
  }
  const before = i > 0 ? text.charCodeAt(i - 1) : 0x20;
  if (c < 0x80 && !isDigit(before) && (isSpace(before) || isEyes(c))) {
    for (let length = 4; length >= 2; length--) {
      const emoticon = text.slice(i, i + length).toLowerCase();
      const after = text.charCodeAt(i + length);
      const closed =
        Number.isNaN(after) || isSpace(after) || after === 0x2e || after === 0x21 || after === 0x2c;
      if (closed && emoticons.has(emoticon)) {
        push(emoticon, 0);
        return i + length;
      }
    }
  }
  if (c === 0x21 || c === 0xff01) push('!', 0);
  else if (c === 0x3f || c === 0xff1f) push('?', 0);
  else if (c === 0x2e || c === 0x0a || c === 0x3002) push('.', 0);
  else if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x2014) push(',', 0);
  return i + 1;
}

/** Up to three words in scare quotes. */
const MAX_QUOTED_WORDS = 3;

/**
 * Where the quotation mark closes when the one at `at - 1` opens one to three lower-case words
 * (`"upgraded"`, `"temporarily closed"`), otherwise 0.
 */
function quotedPhraseEnd(text: string, at: number): number {
  let j = at;
  let words = 0;
  while (j < text.length && j - at < 30) {
    const start = j;
    for (; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (!((d >= 0x61 && d <= 0x7a) || (d >= 0xdf && d <= 0x24f) || d === 0x27)) break;
    }
    if (j === start || ++words > MAX_QUOTED_WORDS) return 0;
    if (isQuote(text.charCodeAt(j))) return j;
    if (text.charCodeAt(j) !== 0x20) return 0;
    j++;
  }
  return 0;
}
