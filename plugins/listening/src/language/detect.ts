import { detectAll } from 'tinyld/light';
import { englishShare } from './english-words.js';
import { countScripts, type ScriptCounts } from './script-counts.js';

export interface LanguageGuess {
  /** BCP 47: zh-Hans, zh-Hant, ja, ko, en, es, ... or `und`. */
  lang: string;
  /** 0..1: how clearly the text pointed at this language. */
  confidence: number;
}

/** Latin-script languages the n-gram model may answer; a short list keeps short posts from drifting. */
export const defaultLatinLanguages = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'id', 'vi', 'tr', 'pl'];

const undetermined: LanguageGuess = { lang: 'und', confidence: 0 };

/**
 * Script statistics first — they settle Chinese, Japanese, Korean and the non-Latin alphabets
 * reliably even on a few characters — then tinyld's n-grams for Latin and Cyrillic text.
 * Chinese is split into zh-Hans and zh-Hant by characters that exist in only one of the two
 * forms (OpenCC's Traditional→Simplified character table).
 */
export function detectLanguage(text: string, latinLanguages = defaultLatinLanguages): LanguageGuess {
  const counts = countScripts(text);
  // A Han character carries about as much as a short word; 1.5 characters per word is the
  // usual average length of a Chinese word.
  const hanWords = counts.han / 1.5;
  const alphabetic = ['latin', 'cyrillic', 'greek', 'arabic', 'hebrew', 'thai', 'devanagari'] as const;
  const [topAlphabet, topWords] = alphabetic
    .map((name) => [name, counts[name]] as const)
    .reduce((best, next) => (next[1] > best[1] ? next : best));
  const cjk = hanWords + counts.kana / 1.5 + counts.hangul / 1.5;
  if (cjk === 0 && topWords === 0) return undetermined;
  if (cjk >= topWords) return eastAsian(counts);
  const share = topWords / (topWords + cjk);
  if (topAlphabet === 'latin') return ngrams(text, latinLanguages, share);
  if (topAlphabet === 'cyrillic') return ngrams(text, ['ru', 'uk', 'bg', 'sr'], share);
  const byScript = { greek: 'el', arabic: 'ar', hebrew: 'he', thai: 'th', devanagari: 'hi' } as const;
  return { lang: byScript[topAlphabet], confidence: round(share) };
}

function eastAsian(counts: ScriptCounts): LanguageGuess {
  const total = counts.han + counts.kana + counts.hangul;
  if (counts.hangul > counts.han / 2 && counts.hangul >= counts.kana) {
    return { lang: 'ko', confidence: round(counts.hangul / total) };
  }
  // Japanese mixes kana into nearly every sentence; a little kana is enough to tell it apart.
  if (counts.kana >= Math.max(1, total * 0.1))
    return { lang: 'ja', confidence: round(0.5 + counts.kana / total / 2) };
  const marked = counts.traditional + counts.simplified;
  if (marked === 0) return { lang: 'zh-Hans', confidence: 0.5 };
  const traditional = counts.traditional > counts.simplified;
  const margin = Math.abs(counts.traditional - counts.simplified) / marked;
  return { lang: traditional ? 'zh-Hant' : 'zh-Hans', confidence: round(0.5 + margin / 2) };
}

function ngrams(text: string, only: string[], share: number): LanguageGuess {
  const [best] = detectAll(text, { only });
  const english = only.includes('en') ? englishShare(text) : 0;
  // Trigram models misjudge posts of two or three words; a third of them being everyday English
  // words is the stronger evidence there.
  if (english >= 1 / 3 && best?.lang !== 'en') return { lang: 'en', confidence: round(share * english) };
  if (!best) return english > 0 ? { lang: 'en', confidence: round(share * english) } : undetermined;
  return { lang: best.lang, confidence: round(Math.min(1, share * (0.5 + best.accuracy))) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
