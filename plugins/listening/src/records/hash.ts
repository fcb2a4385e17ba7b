/**
 * 32-bit FNV-1a over UTF-16 code units (the parameters from the FNV reference, IETF draft
 * eastlake-fnv). Not cryptographic: used for ids and shingle fingerprints, where speed matters
 * and the sandbox offers no hashing of its own.
 */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let at = 0; at < text.length; at += 1) {
    hash ^= text.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 16 hex characters from two independently seeded FNV-1a hashes: a stable short id. */
export function stableId(text: string): string {
  const high = fnv1a(text).toString(16).padStart(8, '0');
  const low = fnv1a(text, 0x050c5d1f).toString(16).padStart(8, '0');
  return high + low;
}
