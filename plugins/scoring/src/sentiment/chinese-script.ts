import TSCharacters from 'opencc-js/dict/TSCharacters';
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let convert: Convert | undefined;
let traditionalOnly: Uint8Array | undefined;

/** One converter per isolate: building OpenCC's tries costs milliseconds, converting microseconds. */
function converter(): Convert {
  const made = convert ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  convert = made;
  return made;
}

/**
 * Marks the characters that OpenCC's Traditional-to-Simplified character table changes. Scanning a
 * text against it is far cheaper than converting, and most mentions are already Simplified.
 */
function traditionalTable(): Uint8Array {
  if (traditionalOnly) return traditionalOnly;
  const table = new Uint8Array(0x10000);
  for (const pair of TSCharacters.split('|')) {
    const space = pair.indexOf(' ');
    // Astral characters (two code units) are rare in mentions and left out of the table.
    if (space === 1 && pair.slice(2) !== pair[0]) table[pair.charCodeAt(0)] = 1;
  }
  traditionalOnly = table;
  return table;
}

export function hasTraditional(text: string): boolean {
  const table = traditionalTable();
  for (let i = 0; i < text.length; i++) {
    if (table[text.charCodeAt(i)] === 1) return true;
  }
  return false;
}

/** Traditional (Taiwan and Hong Kong forms) to Simplified, converting only when there is any. */
export function toSimplified(text: string): string {
  return hasTraditional(text) ? converter()(text) : text;
}
