import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { HttpRequest, JsonValue } from '@sbss/sdk';
import { SbssError } from '../engine/errors.js';
import { jsonDeeperThan } from '../engine/json-depth.js';

/** The encodings the client advertises, and so the only ones it must decode. */
export const acceptedEncodings = 'gzip, deflate, br';

/**
 * Reads a response body, decompressed, and stops as soon as it passes `maxBytes`. The limit
 * counts decoded bytes, so a small compressed body cannot expand past it.
 */
export async function readBody(response: IncomingMessage, maxBytes: number, host: string): Promise<Buffer> {
  const tooLarge = () =>
    new SbssError('PAYLOAD_TOO_LARGE', `Response from "${host}" is larger than ${maxBytes} bytes`, {
      host,
      maxBytes,
    });
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const stream = decoded(response);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      stream.destroy();
      response.destroy();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function decoded(response: IncomingMessage): Readable {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  // pipeline forwards a failure of either side to the stream being read.
  return decoder ? pipeline(response, decoder, () => {}) : response;
}

/**
 * Parsed JSON when the media type says JSON (application/json, text/json or any +json type), else
 * text; `responseType` overrides that guess, and `base64` hands back the undecoded bytes.
 */
export function parseBody(
  bytes: Buffer,
  contentType: string | undefined,
  responseType?: HttpRequest['responseType'],
): JsonValue {
  if (responseType === 'base64') return bytes.toString('base64');
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  const text = decodeText(bytes, charsetOf(parameters));
  const type = mediaType.toLowerCase();
  const isJson =
    responseType === 'json' ||
    (responseType !== 'text' &&
      (type === 'application/json' || type === 'text/json' || type.endsWith('+json')));
  // Text nested deeper than the server's walks take stays text, as a mislabelled body does.
  if (!isJson || text.trim() === '' || jsonDeeperThan(text)) return text;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    // A mislabelled body (an HTML error page sent as JSON) is still worth showing to the user.
    return text;
  }
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function charsetOf(parameters: string[]): string {
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset' && value) return value.trim().replace(/^"|"$/g, '');
  }
  return 'utf-8';
}

function decodeText(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
