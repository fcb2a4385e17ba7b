import { toSimplified } from '../sentiment/chinese-script.js';

const links = /\b(?:https?:\/\/|www\.)[^\s<>"'）)]+/gi;

export function countLinks(text: string): number {
  return text.match(links)?.length ?? 0;
}

/**
 * What stays of a text once the parts bots vary are gone — links, spacing, punctuation, case,
 * script — hashed with 32-bit FNV-1a. Empty when nothing is left (a bare link or emoji).
 */
export function fingerprint(text: string): string {
  const core = toSimplified(text.replace(links, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  if (core === '') return '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < core.length; i++) {
    hash ^= core.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
