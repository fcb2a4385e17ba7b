import { Polarity } from './polarity.js';
import { zhBoosters, zhContrasts, zhNegators, zhValences } from './zh-lexicon.js';

const VALENCE = 0;
const NEGATOR = 1;
const BOOSTER = 2;
const CONTRAST = 3;

interface TrieNode {
  next: Map<number, TrieNode>;
  kind: number;
  value: number;
  /** False on nodes that are only a prefix of some entry. */
  terminal: boolean;
}

const node = (): TrieNode => ({ next: new Map(), kind: VALENCE, value: 0, terminal: false });

let trie: TrieNode | undefined;

/** Built on first use, in an order where later lists override earlier ones (`不过` is a contrast). */
function lexiconTrie(): TrieNode {
  if (trie) return trie;
  const root = node();
  const add = (list: string, kind: number, fallback = 0) => {
    for (const entry of list.trim().split('|')) {
      const [word = '', value] = entry.trim().split(' ');
      let at = root;
      for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        const child = at.next.get(code) ?? node();
        at.next.set(code, child);
        at = child;
      }
      Object.assign(at, { kind, value: value === undefined ? fallback : Number(value), terminal: true });
    }
  };
  add(zhValences.replace(/\n/g, ''), VALENCE);
  add(zhNegators, NEGATOR);
  add(zhBoosters, BOOSTER);
  add(zhContrasts, CONTRAST);
  trie = root;
  return root;
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
    let at: TrieNode | undefined = root;
    let match: TrieNode | undefined;
    let end = i;
    for (let j = i; j < text.length; j++) {
      at = at.next.get(text.charCodeAt(j));
      if (!at) break;
      if (at.terminal) {
        match = at;
        end = j + 1;
      }
    }
    if (match) {
      if (match.kind === VALENCE && match.value !== 0) polarity.valence(match.value);
      else if (match.kind === NEGATOR) polarity.negator(NEGATION_SCOPE);
      else if (match.kind === BOOSTER) polarity.booster(match.value);
      else if (match.kind === CONTRAST) polarity.contrast();
      else polarity.step();
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
