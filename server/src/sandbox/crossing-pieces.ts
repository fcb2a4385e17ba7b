/**
 * isolated-vm hands a string of 1,024 bytes or more to another isolate as an external string over
 * a copy in memory of its own, freed only when a collection frees that string. Those copies keep
 * the process touching fresh pages, and a page fault is costly on some machines (14 µs on the
 * development machine, where a 100-item call took eight of them). Shorter strings are copied
 * into the receiving heap and their copies freed at once. So a text crosses, in either
 * direction, as pieces under 1,024 bytes even as UTF-16, which the receiver joins; a text longer
 * than `wholeOver` crosses whole, as joined it would be flattened into fresh pages of its own
 * (V8 allocates a string over 128 KB apart).
 */
export const pieceLength = 511;
export const wholeOver = 60_000;

export function crossingPieces(text: string): string[] {
  if (text.length <= pieceLength || text.length > wholeOver) return [text];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += pieceLength) pieces.push(text.slice(at, at + pieceLength));
  return pieces;
}

/**
 * A call's texts as they cross into a runtime's `start`: how many texts there are, how many
 * pieces each came in, then the pieces (`joinedTexts` inside puts them together again).
 */
export function crossingArgs(texts: readonly string[]): (number | string)[] {
  const split = texts.map(crossingPieces);
  return [split.length, ...split.map((pieces) => pieces.length), ...split.flat()];
}

/** The text a runtime sent as `crossingPieces` gave them, or undefined if it sent anything else. */
export function joinedPieces(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value) || !value.every((piece) => typeof piece === 'string')) return undefined;
  return value.join('');
}

/**
 * `crossingPieces` for the runtimes inside isolates, pasted into their closure before any
 * untrusted code runs: it keeps its own `slice` and calls no method of a prototype, so a plugin
 * that replaces one cannot change what the host receives.
 */
export const crossingPiecesSource = String.raw`
  const sliceText = String.prototype.slice;
  const applySlice = Reflect.apply;
  function crossingPieces(text) {
    if (text.length <= ${pieceLength} || text.length > ${wholeOver}) return text;
    const pieces = [];
    for (let at = 0; at < text.length; at += ${pieceLength}) pieces[pieces.length] = applySlice(sliceText, text, [at, at + ${pieceLength}]);
    return pieces;
  }
  /** The text pieces \`from\` up to \`to\` make. */
  function joinPieces(pieces, from, to) {
    let text = '';
    for (let k = from; k < to; k++) text += pieces[k];
    return text;
  }
  /** The texts \`crossingArgs\` sent: the first, and an array of the others. */
  function joinedTexts(args) {
    const count = args[0];
    const more = [];
    let first = '';
    let at = 1 + count;
    for (let i = 0; i < count; i++) {
      const end = at + args[1 + i];
      if (!(end > at && end <= args.length)) throw new TypeError('the call came in pieces wrongly');
      if (i === 0) first = joinPieces(args, at, end);
      else more[i - 1] = joinPieces(args, at, end);
      at = end;
    }
    if (at !== args.length) throw new TypeError('the call came in pieces wrongly');
    return { first, more };
  }
`;
