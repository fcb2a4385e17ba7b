/**
 * The text with a caret under its `column` (1-based, in characters), as errors that point into a
 * query or a line of code show it. Under a wide character (Chinese, Japanese, Korean, full-width
 * forms) the padding is an ideographic space, so the caret stays under its place in a monospace
 * font; a tab stays a tab.
 */
export function pointerAt(text: string, column: number): string {
  const before = [...text].slice(0, Math.max(0, column - 1));
  const padding = before.map((char) => (char === '\t' ? '\t' : isWide(char) ? '\u3000' : ' ')).join('');
  return `${text}\n${padding}^`;
}

/** East Asian wide and full-width characters, which take two columns in a monospace font. */
function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
