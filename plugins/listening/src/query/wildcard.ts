/**
 * Whether `text` matches `glob`, where `*` stands for any run of characters and `?` for one, both
 * given as arrays of characters (code points). Greedy with one step back to the last `*`: time
 * grows with the product of the two lengths at worst, never exponentially, as a regular
 * expression of several `.*` does on a long word that almost matches.
 */
export function wildcardMatch(glob: readonly string[], text: readonly string[]): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const char = glob[g];
    if (char === '*') {
      star = g;
      g += 1;
      resume = t;
    } else if (char !== undefined && (char === '?' || char === text[t])) {
      g += 1;
      t += 1;
    } else if (star >= 0) {
      g = star + 1;
      resume += 1;
      t = resume;
    } else {
      return false;
    }
  }
  while (glob[g] === '*') g += 1;
  return g === glob.length;
}
