import type { JsonObject } from '../api/contract';

/** Reads the value at `path` inside params. */
export function getAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Returns a copy of `root` with `value` at `path`; `undefined` removes the key. */
export function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    list[head] = setAt(list[head], rest, value);
    return list;
  }
  const object: JsonObject =
    typeof root === 'object' && root !== null && !Array.isArray(root) ? { ...(root as JsonObject) } : {};
  const next = setAt(object[head], rest, value);
  if (next === undefined) delete object[head];
  else object[head] = next;
  return object;
}

export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.');
}
