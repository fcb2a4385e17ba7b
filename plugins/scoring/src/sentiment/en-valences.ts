import { emojiValences, ironicEmoji } from './emoji-lexicon.js';
import {
  enBoosters,
  enComplaints,
  enConcessions,
  enContextWords,
  enContrasts,
  enExpectations,
  enNegators,
  enPraise,
  enRhetoric,
  enSlang,
  enSofteners,
  ironyMarks,
} from './en-lexicon.js';
import generated from './model/en-valences.json' with { type: 'json' };

/**
 * A valence list as stored: one `entry\tvalence` line per word, phrase or emoticon. One string
 * rather than an object keeps the file cheap to parse and to type-check.
 */
export interface ValencesJson {
  format: 'sbss-valences/1';
  source: string;
  valences: string;
}

export const VALENCE = 0;
export const NEGATOR = 1;
export const BOOSTER = 2;
export const CONTRAST = 3;
export const CONCESSION = 4;
export const EXPECTATION = 5;
export const IRONY = 6;
/** A question asked only to complain ("is it too much to ask"), which keeps its full weight. */
export const RHETORIC = 7;

export interface Entry {
  kind: number;
  value: number;
}

export interface EnLexicon {
  words: Map<string, Entry>;
  /** Entries of two or more words, indexed by their first word, longest first. */
  phrases: Map<string, { words: string[]; entry: Entry }[]>;
  /** Emoticons (`:)`, `<3`), which the tokenizer must keep whole. */
  emoticons: Set<string>;
}

const BOOST = 0.293;

let lexicon: EnLexicon | undefined;

/** Built on first use; later lists override earlier ones (`kind of` softens, `no` negates). */
export function enLexicon(): EnLexicon {
  if (lexicon) return lexicon;
  const all = new Map<string, Entry>();
  const put = (entry: string, kind: number, value?: number) => {
    const valence = value ?? all.get(entry)?.value ?? 0;
    all.set(entry, { kind, value: valence });
  };
  for (const line of (generated as ValencesJson).valences.split('\n')) {
    const tab = line.indexOf('\t');
    put(line.slice(0, tab), VALENCE, Number(line.slice(tab + 1)));
  }
  const valued: [string, number][] = [
    [enContextWords, VALENCE],
    [enSlang, VALENCE],
    [enPraise, VALENCE],
    [enComplaints, VALENCE],
    [emojiValences, VALENCE],
    [enRhetoric, RHETORIC],
  ];
  for (const [list, kind] of valued) {
    for (const item of list.replace(/\n/g, '').trim().split('|')) {
      const space = item.lastIndexOf(' ');
      put(item.slice(0, space), kind, Number(item.slice(space + 1)));
    }
  }
  const each = (list: string, kind: number, value?: number) => {
    for (const entry of list.split('|')) put(entry, kind, value);
  };
  each(enExpectations, EXPECTATION);
  each(enNegators, NEGATOR);
  each(enBoosters, BOOSTER, BOOST);
  each(enSofteners, BOOSTER, -BOOST);
  each(enContrasts, CONTRAST);
  each(enConcessions, CONCESSION);
  each(`${ironicEmoji}|${ironyMarks}`, IRONY);
  lexicon = index(all);
  return lexicon;
}

function index(all: Map<string, Entry>): EnLexicon {
  const words = new Map<string, Entry>();
  const phrases: EnLexicon['phrases'] = new Map();
  const emoticons = new Set<string>();
  for (const [entry, value] of all) {
    if (!entry.includes(' ')) {
      words.set(entry, value);
      if (entry.length > 1 && /^[!-/:-@[-`{-~]/.test(entry)) emoticons.add(entry);
      continue;
    }
    const parts = entry.split(' ');
    const first = parts[0] ?? '';
    phrases.set(first, [...(phrases.get(first) ?? []), { words: parts, entry: value }]);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { words, phrases, emoticons };
}
