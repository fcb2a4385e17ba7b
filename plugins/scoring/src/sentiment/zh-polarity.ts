import { emojiValences, ironicEmoji } from './emoji-lexicon.js';
import { Polarity } from './polarity.js';
import { zhBoosters, zhContrasts, zhDegreeWords, zhNegators, zhValences } from './zh-lexicon.js';

const VALENCE = 0;
const NEGATOR = 1;
const BOOSTER = 2;
const CONTRAST = 3;
const IRONY = 4;

interface TrieNode {
  next: Map<number, TrieNode>;
  kind: number;
  value: number;
  /** As a booster, when a polar word follows (`好` in `好贵`); 0 when the entry is never one. */
  degree: number;
  /** False on nodes that are only a prefix of some entry. */
  terminal: boolean;
}

const node = (): TrieNode => ({ next: new Map(), kind: VALENCE, value: 0, degree: 0, terminal: false });

let trie: TrieNode | undefined;

/** Built on first use, in an order where later lists override earlier ones (`不过` is a contrast). */
function lexiconTrie(): TrieNode {
  if (trie) return trie;
  const root = node();
  const find = (word: string) => {
    let at = root;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      const child = at.next.get(code) ?? node();
      at.next.set(code, child);
      at = child;
    }
    return at;
  };
  const add = (list: string, kind: number, fallback = 0) => {
    for (const entry of list.trim().split('|')) {
      const [word = '', value] = entry.trim().split(' ');
      const at = find(word);
      const valence = value === undefined ? (at.terminal ? at.value : fallback) : Number(value);
      Object.assign(at, { kind, value: valence, terminal: true });
    }
  };
  add(zhValences.replace(/\n/g, ''), VALENCE);
  add(emojiValences, VALENCE);
  add(zhNegators, NEGATOR);
  add(zhBoosters, BOOSTER);
  add(zhContrasts, CONTRAST);
  add(ironicEmoji, IRONY);
  for (const entry of zhDegreeWords.split('|')) {
    const [word = '', value] = entry.split(' ');
    find(word).degree = Number(value);
  }
  trie = root;
  return root;
}

/** Where the last match of `matchAt` ends; a variable rather than a returned pair, as this runs per character. */
let matchEnd = 0;

/** The longest lexicon entry starting at `start`; it ends at `matchEnd`. */
function matchAt(root: TrieNode, text: string, start: number): TrieNode | undefined {
  let at: TrieNode | undefined = root;
  let match: TrieNode | undefined;
  matchEnd = start;
  for (let j = start; j < text.length; j++) {
    at = at.next.get(text.charCodeAt(j));
    if (!at) break;
    if (at.terminal) {
      match = at;
      matchEnd = j + 1;
    }
  }
  return match;
}

const clauseEnds = new Set([...'，。；,;～~\n'].map((c) => c.charCodeAt(0)));
const exclamations = new Set([0x21, 0xff01]);
const polarity = new Polarity();
/** Characters a negator reaches: `不是很满意` has the polar word three characters on. */
const NEGATION_SCOPE = 4;

/** Sums lexicon valences over a Simplified Chinese text (see Polarity for the rules). */
export function zhPolarity(text: string): Polarity {
  const root = lexiconTrie();
  polarity.reset();
  let i = 0;
  while (i < text.length) {
    const match = matchAt(root, text, i);
    const end = matchEnd;
    if (match) {
      if (match.degree !== 0 && isPolarAt(root, text, end)) polarity.booster(match.degree);
      else if (match.kind === VALENCE && match.value !== 0) polarity.valence(match.value);
      else if (match.kind === NEGATOR) polarity.negator(NEGATION_SCOPE);
      else if (match.kind === BOOSTER) polarity.booster(match.value);
      else if (match.kind === CONTRAST) polarity.contrast();
      else if (match.kind === IRONY) {
        polarity.irony();
        polarity.valence(match.value);
      } else polarity.step();
      i = end;
      continue;
    }
    const code = text.charCodeAt(i);
    if (exclamations.has(code)) polarity.exclaim();
    if (clauseEnds.has(code) || exclamations.has(code) || code === 0x3f || code === 0xff1f) polarity.clause();
    else polarity.step();
    i++;
  }
  return polarity;
}

function isPolarAt(root: TrieNode, text: string, at: number): boolean {
  const match = matchAt(root, text, at);
  return match !== undefined && match.kind === VALENCE && match.value !== 0;
}
