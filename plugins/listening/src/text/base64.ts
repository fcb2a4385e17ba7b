const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const values = new Map([...alphabet].map((char, at) => [char, at]));
// The URL-safe alphabet (RFC 4648 §5) decodes to the same values.
values.set('-', 62);
values.set('_', 63);

/** Decodes base64 (RFC 4648, standard or URL-safe, padding and whitespace optional) to bytes. */
export function decodeBase64(input: string): Uint8Array {
  const clean = input.replace(/^data:[^,]*,/, '').replace(/[\s=]/g, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let length = 0;
  for (const char of clean) {
    const value = values.get(char);
    if (value === undefined) throw new Error(`"${char}" is not a base64 character`);
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[length] = (buffer >> bits) & 0xff;
      length += 1;
    }
  }
  return bytes.subarray(0, length);
}

/** Bytes to a "binary string", one char per byte, the form `atob` returns. */
export function bytesToBinaryString(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += 8192)
    out += String.fromCharCode(...bytes.subarray(at, at + 8192));
  return out;
}
