/**
 * A short stable id from an idempotency key, so a retried or resumed execution overwrites its
 * report instead of storing a second copy. Two FNV-1a 32-bit passes with different offsets give
 * 64 bits: ample for the reports of one workspace, and pure JS (the sandbox has no crypto).
 */
export function reportId(idempotencyKey: string): string {
  return `rpt_${fnv1a(idempotencyKey, 0x811c9dc5)}${fnv1a(idempotencyKey, 0x01000193 ^ 0x5bd1e995)}`;
}

function fnv1a(text: string, offset: number): string {
  let hash = offset >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
