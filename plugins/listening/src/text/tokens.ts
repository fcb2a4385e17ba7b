import { isHan, isWordChar } from './scripts.js';

/**
 * Splits folded text into tokens: a run of word characters (Latin, digits, Cyrillic, ...) is one
 * token, every Han character is a token of its own. Chinese is written without spaces, so
 * treating each character as a token lets "小米" match inside "我买了小米手机" while "car" still
 * does not match inside "cards".
 */
export function tokenize(folded: string): string[] {
  const tokens: string[] = [];
  let word = '';
  for (const char of folded) {
    if (isHan(char.codePointAt(0) ?? 0)) {
      if (word) tokens.push(word);
      word = '';
      tokens.push(char);
    } else if (isWordChar(char)) {
      word += char;
    } else {
      if (word) tokens.push(word);
      word = '';
    }
  }
  if (word) tokens.push(word);
  return tokens;
}
