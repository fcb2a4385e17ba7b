import { toSimplifiedChar } from './chinese-variants.js';

/**
 * Folds text for matching: lower case, full-width ASCII to half-width (U+FF01–U+FF5E map to
 * U+0021–U+007E, the ideographic space U+3000 to a space, per the Unicode "Halfwidth and
 * Fullwidth Forms" block), and Traditional Chinese to Simplified. Folding keeps one output
 * character per input code point, so positions in folded text still count tokens correctly.
 */
export function foldText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code === 0x3000) out += ' ';
    else if (code < 0x2e80) out += char.toLowerCase();
    else out += toSimplifiedChar(char);
  }
  return out;
}
