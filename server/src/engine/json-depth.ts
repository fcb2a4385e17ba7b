/**
 * How deeply arrays and objects may nest in JSON the server takes in: request bodies, webhook
 * calls, HTTP responses and what sandboxed code returns. Parsing handles far deeper text, but the
 * server's own recursive walks do not: at about 3,000 levels the request schemas, and at about
 * 6,000 storing a step, ran out of stack, so the request answered 500 and the execution was left
 * unfinished. Real data nests a few dozen levels at most.
 */
export const maxJsonDepth = 256;

export const tooDeepMessage = `nests arrays and objects deeper than ${maxJsonDepth} levels`;

/**
 * Whether JSON `text` nests arrays and objects deeper than `limit`, read without parsing it (a
 * scan for brackets outside strings) so that the answer comes before anything recursive runs.
 */
export function jsonDeeperThan(text: string, limit = maxJsonDepth): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = stringEnd(text, i);
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/** The index of the quote closing the string opened at `open`, or the text's end. */
function stringEnd(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    let slashes = 0;
    while (text.charCodeAt(close - 1 - slashes) === 0x5c) slashes += 1;
    if (slashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}
