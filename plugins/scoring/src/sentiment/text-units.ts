import { toSimplified } from './chinese-script.js';
import type { Vocabulary } from './vocabulary.js';

/** Marks punctuation and other separators where bigrams must not be formed. */
export const BREAK = -1;

const SEPARATOR = 0;
const CJK = 1;
const WORD = 2;
const SPACE = 3;

const classes = buildClasses();

function buildClasses(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const mark = (from: number, to: number, kind: number) => table.fill(kind, from, to + 1);
  mark(0x30, 0x39, WORD);
  mark(0x61, 0x7a, WORD);
  table[0x27] = WORD; // keeps "don't" one word, as lexicons list it
  mark(0xc0, 0x24f, WORD);
  mark(0x3400, 0x4dbf, CJK);
  mark(0x4e00, 0x9fff, CJK);
  mark(0xf900, 0xfaff, CJK);
  for (const code of [0x20, 0x09, 0x0a, 0x0d, 0xa0, 0x3000]) table[code] = SPACE;
  return table;
}

/** Folds full-width ASCII (common in Chinese input methods) and upper case to plain lower case. */
function fold(code: number): number {
  const ascii = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  return ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
}

export interface UnitBuffer {
  ids: Int32Array;
}

export function unitBuffer(): UnitBuffer {
  return { ids: new Int32Array(256) };
}

/**
 * Writes a text's units into `buffer` and returns how many: CJK characters (Traditional ones
 * converted to Simplified) and Latin words, as vocabulary ids, with BREAK at punctuation.
 */
export function scanUnits(text: string, vocabulary: Vocabulary, buffer: UnitBuffer): number {
  const simplified = toSimplified(text);
  if (buffer.ids.length <= simplified.length) buffer.ids = new Int32Array(simplified.length * 2 + 1);
  const ids = buffer.ids;
  let count = 0;
  let wordStart = -1;
  let word = '';
  for (let i = 0; i <= simplified.length; i++) {
    const code = i < simplified.length ? fold(simplified.charCodeAt(i)) : 0;
    const kind = classes[code] ?? SEPARATOR;
    if (kind === WORD) {
      if (wordStart < 0) {
        wordStart = i;
        word = '';
      }
      word += String.fromCharCode(code);
      continue;
    }
    if (wordStart >= 0) {
      ids[count++] = vocabulary.word(word);
      wordStart = -1;
    }
    if (kind === CJK) ids[count++] = vocabulary.char(code);
    else if (kind === SEPARATOR && count > 0 && ids[count - 1] !== BREAK) ids[count++] = BREAK;
  }
  return count;
}

/** The id of one unit as written in a model file: a CJK character or a word. */
export function unitId(vocabulary: Vocabulary, unit: string): number {
  const code = fold(unit.charCodeAt(0));
  return unit.length === 1 && classes[code] === CJK ? vocabulary.char(code) : vocabulary.word(unit);
}
