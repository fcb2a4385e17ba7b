/** Han ideographs: CJK Unified Ideographs, Extension A, Compatibility, and the astral extensions. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x323af)
  );
}

const letterOrDigit = /[\p{L}\p{N}]/u;

/** Letters and digits of scripts written with spaces between words (Latin, Cyrillic, ...). */
export function isWordChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) {
    return (
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
    );
  }
  return !isHan(code) && letterOrDigit.test(char);
}
