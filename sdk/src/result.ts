import type { NodeResult } from './context.js';
import type { PortItems } from './json.js';

/** A node may return a bare array for its `main` port; everything downstream sees ports. */
export function normalizeResult(result: NodeResult): PortItems {
  return Array.isArray(result) ? { main: result } : result;
}
