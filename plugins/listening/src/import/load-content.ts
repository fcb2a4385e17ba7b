import { type HttpCapability, NodeError } from '@sbss/sdk';
import { decodeBase64 } from '../text/base64.js';
import { type Charset, type DecodedText, decodeBytes } from '../text/decode-bytes.js';
import { pickedFile } from './picked-file.js';

export interface ContentSource {
  /** A data URL naming the file, as the editor's file field keeps a picked file, or bare base64. */
  file?: string | undefined;
  url?: string | undefined;
  content?: string | undefined;
  contentEncoding: 'text' | 'base64';
  charset: Charset;
  timeoutMs: number;
}

const base64Body = /^[A-Za-z0-9+/=\s_-]*$/;

/** The file as the user gave it: bytes (a base64 upload or a download) or text. */
export type Loaded = { bytes: Uint8Array; name?: string } | DecodedText;

/**
 * Gets the file. Bytes stay bytes until the reader is known: an Excel workbook is read as a ZIP
 * archive, and GBK and Big5 text only decodes correctly once its charset is known or guessed
 * from the bytes (`asText`).
 */
export async function loadContent(http: HttpCapability, source: ContentSource): Promise<Loaded> {
  if (source.file !== undefined && source.file !== '') {
    const { name, base64 } = pickedFile(source.file);
    return { bytes: bytesOf(base64), ...(name ? { name } : {}) };
  }
  if (source.content !== undefined && source.content !== '') {
    if (source.contentEncoding === 'text')
      return { text: source.content.replace(/^\uFEFF/, ''), charset: 'utf-8' };
    return { bytes: bytesOf(source.content) };
  }
  if (!source.url) throw new NodeError('IMPORT_NO_INPUT', 'Give a file, its content or its URL');
  const response = await http
    .fetch({ url: source.url, timeoutMs: source.timeoutMs, responseType: 'base64' })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new NodeError('IMPORT_UNREACHABLE', `Could not download ${source.url}: ${message}`, {
        url: source.url,
      });
    });
  if (response.status < 200 || response.status >= 300) {
    throw new NodeError('IMPORT_HTTP_ERROR', `${source.url} answered HTTP ${response.status}`, {
      url: source.url,
      status: response.status,
    });
  }
  const { body } = response;
  // A host that does not know `responseType` sends text (already decoded, charset from the header).
  if (typeof body === 'string' && base64Body.test(body)) return { bytes: bytesOf(body) };
  if (typeof body === 'string') return { text: body.replace(/^\uFEFF/, ''), charset: 'utf-8' };
  return { text: JSON.stringify(body), charset: 'utf-8' };
}

export function asText(loaded: Loaded, charset: Charset): DecodedText {
  return 'bytes' in loaded ? decodeBytes(loaded.bytes, charset) : loaded;
}

function bytesOf(base64: string): Uint8Array {
  try {
    return decodeBase64(base64);
  } catch (error) {
    throw new NodeError('IMPORT_BAD_CONTENT', `The content is not valid base64: ${(error as Error).message}`);
  }
}
