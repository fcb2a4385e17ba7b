/** One figure a benchmark reports, with the baseline it was measured against in the same run. */
export interface BenchResult {
  scenario: string;
  figure: string;
  unit: string;
  value: number;
  /** Half the range between the fastest and slowest round, in `unit`. */
  spread?: number;
  baseline?: string;
  baselineValue?: number;
}

export interface Rounds {
  median: number;
  spread: number;
  values: number[];
}

/** Runs `measure` for warm-up rounds (discarded) and then `rounds` times. */
export async function rounds(count: number, measure: () => Promise<number>, warmups = 1): Promise<Rounds> {
  for (let round = 0; round < warmups; round += 1) await measure();
  const values: number[] = [];
  for (let round = 0; round < count; round += 1) values.push(await measure());
  return summarize(values);
}

export function summarize(values: number[]): Rounds {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const spread = ((sorted.at(-1) ?? 0) - (sorted[0] ?? 0)) / 2;
  return { median, spread, values };
}

/** Resident memory of a process, from /proc (Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}
