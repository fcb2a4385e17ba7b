import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pluginRoot } from './reviews.js';

/** The other-domain sets (`data/eval/README.md`): `label<TAB>text` lines under a header line. */
const evalDir = resolve(pluginRoot, 'data/eval');

/** The sets' file names, sorted. */
export function evalSetNames(): string[] {
  return readdirSync(evalDir)
    .filter((name) => name.endsWith('.tsv'))
    .sort();
}

/** A set's lines as `[label, text]`. */
export function readEvalSet(name: string): [string, string][] {
  return readFileSync(resolve(evalDir, name), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t') as [string, string]);
}
