import type { Item } from '../api/contract';

/** Top-level fields of the output items that none of the input items has: what the nodes added. */
export function addedFields(inputs: readonly Item[], outputs: readonly Item[]): ReadonlySet<string> {
  const had = new Set(inputs.flatMap((item) => Object.keys(item)));
  return new Set(outputs.flatMap((item) => Object.keys(item)).filter((field) => !had.has(field)));
}
