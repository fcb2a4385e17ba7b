import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './bench-kit.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const support = new Set(['run.ts', 'bench-kit.ts', 'child-server.ts', 'bare-hono.ts']);
const available = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && !support.has(file))
  .map((file) => file.slice(0, -3))
  .sort();

function format(value: number | undefined, unit = ''): string {
  if (value === undefined) return '';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

function table(results: BenchResult[]): string {
  const rows = results.map((result) => [
    result.scenario,
    result.figure,
    `${format(result.value, result.unit)}${result.spread ? ` ±${format(result.spread)}` : ''}`,
    result.baseline ? `${format(result.baselineValue, result.unit)} (${result.baseline})` : '',
    result.baselineValue ? `${(result.value / result.baselineValue).toFixed(2)}×` : '',
  ]);
  const header = ['scenario', 'figure', 'value', 'baseline', 'ratio'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' │ ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('─┼─'), ...rows.map(line)].join('\n');
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(1);
}
const results: BenchResult[] = [];
for (const name of wanted.length > 0 ? wanted : available) {
  console.error(`running ${name} ...`);
  const module = (await import(join(here, `${name}.ts`))) as { run: () => Promise<BenchResult[]> };
  const figures = await module.run();
  results.push(...figures);
  const out = join(here, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify({ name, at: new Date().toISOString(), results: figures }, null, 2),
  );
}
console.log(table(results));
