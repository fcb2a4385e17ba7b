import { isSimplifiedOnly, isTraditionalOnly } from '../text/chinese-variants.js';
import { isHan } from '../text/scripts.js';

/** How much of a text each writing system accounts for. */
export interface ScriptCounts {
  han: number;
  /** Han characters written only in Traditional / only in Simplified Chinese. */
  traditional: number;
  simplified: number;
  kana: number;
  hangul: number;
  /** Words (runs of letters) per alphabetic script. */
  latin: number;
  cyrillic: number;
  greek: number;
  arabic: number;
  hebrew: number;
  thai: number;
  devanagari: number;
}

type Alphabet = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'thai' | 'devanagari';

// Unicode block ranges (Unicode Standard, "Blocks.txt").
const alphabets: [Alphabet, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['thai', /\p{Script=Thai}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
];

export function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = {
    han: 0,
    traditional: 0,
    simplified: 0,
    kana: 0,
    hangul: 0,
    latin: 0,
    cyrillic: 0,
    greek: 0,
    arabic: 0,
    hebrew: 0,
    thai: 0,
    devanagari: 0,
  };
  let inWord: Alphabet | undefined;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    let alphabet: Alphabet | undefined;
    if (isHan(code)) {
      counts.han += 1;
      if (isTraditionalOnly(char)) counts.traditional += 1;
      else if (isSimplifiedOnly(char)) counts.simplified += 1;
    } else if (code >= 0x3040 && code <= 0x30ff) counts.kana += 1;
    else if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff)) counts.hangul += 1;
    else if (code < 0x80 ? /[a-z]/i.test(char) : /\p{L}/u.test(char)) {
      alphabet = code < 0x80 ? 'latin' : alphabets.find(([, pattern]) => pattern.test(char))?.[0];
    }
    // Thai is written without spaces between words: count its letters, not its runs.
    if (alphabet && (alphabet !== inWord || alphabet === 'thai')) counts[alphabet] += 1;
    inWord = alphabet;
  }
  return counts;
}
