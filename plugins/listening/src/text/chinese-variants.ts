import compatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import hkVariants from 'opencc-js/dict/HKVariantsRev';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import twVariants from 'opencc-js/dict/TWVariantsRev';

type CharMap = Map<string, string>;

function parseDict(dict: string): CharMap {
  const map: CharMap = new Map();
  for (const entry of dict.split('|')) {
    const [source, first] = entry.split(' ');
    // Only one-to-one character entries: phrases would shift positions in matched text.
    if (source && first && [...source].length === 1 && [...first].length === 1) map.set(source, first);
  }
  return map;
}

interface VariantTables {
  /** Any Traditional, Taiwan or Hong Kong form to its Simplified form, character by character. */
  toSimplified: CharMap;
  /** Characters written only in Traditional text. */
  traditionalOnly: Set<string>;
  /** Characters written only in Simplified text. */
  simplifiedOnly: Set<string>;
}

let tables: VariantTables | undefined;

/**
 * Built once per isolate from OpenCC's own dictionaries. The chain mirrors OpenCC's tw2s/hk2s
 * configs (regional variants → OpenCC standard → Simplified) but per character, so a text and a
 * query convert the same way and fast, without OpenCC's phrase segmentation.
 */
function variantTables(): VariantTables {
  if (tables) return tables;
  const chain = [
    parseDict(compatibility),
    parseDict(twVariants),
    parseDict(hkVariants),
    parseDict(traditionalToSimplified),
  ];
  const toSimplified: CharMap = new Map();
  const sources = new Set(chain.flatMap((map) => [...map.keys()]));
  for (const source of sources) {
    const target = chain.reduce((char, map) => map.get(char) ?? char, source);
    if (target !== source) toSimplified.set(source, target);
  }
  const ts = chain[3] as CharMap;
  const traditionalOnly = new Set([...ts].filter(([from, to]) => from !== to).map(([from]) => from));
  const simplifiedOnly = new Set([...ts.values()].filter((char) => !ts.has(char)));
  tables = { toSimplified, traditionalOnly, simplifiedOnly };
  return tables;
}

export function toSimplifiedChar(char: string): string {
  return variantTables().toSimplified.get(char) ?? char;
}

export function isTraditionalOnly(char: string): boolean {
  return variantTables().traditionalOnly.has(char);
}

export function isSimplifiedOnly(char: string): boolean {
  return variantTables().simplifiedOnly.has(char);
}
