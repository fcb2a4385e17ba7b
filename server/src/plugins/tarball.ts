import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SbssError } from '../engine/errors.js';

const block = 512;
const maxUnpackedBytes = 64 * 1024 * 1024;

/**
 * Extracts the regular files of a gzipped tarball (`npm pack` output) into `target`. Only the
 * ustar fields npm writes are read (name, prefix, size, type; POSIX.1-1988 / IEEE 1003.1);
 * links, devices and any path that would land outside `target` are refused, as is a tarball
 * that unpacks to more than 64 MB.
 */
export function extractTarball(file: string, target: string): void {
  let data: Buffer;
  try {
    data = gunzipSync(readFileSync(file), { maxOutputLength: maxUnpackedBytes });
  } catch (error) {
    throw new SbssError('PLUGIN_INVALID', `${file} is not a gzipped tarball: ${(error as Error).message}`);
  }
  for (let offset = 0; offset + block <= data.length; ) {
    const header = data.subarray(offset, offset + block);
    if (header.every((byte) => byte === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = Number.parseInt(field(header, 124, 12) || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    if (!Number.isFinite(size) || size < 0)
      throw new SbssError('PLUGIN_INVALID', `${file} has a corrupt entry`);
    const body = data.subarray(offset + block, offset + block + size);
    offset += block + Math.ceil(size / block) * block;
    // '0' and NUL are regular files; directories are made as files need them; pax and GNU
    // long-name headers ('x', 'g', 'L') carry metadata npm does not need for its short paths.
    if (type !== '0' && type !== '\0') {
      if (type === '5' || type === 'x' || type === 'g') continue;
      throw new SbssError(
        'PLUGIN_INVALID',
        `${file} holds a link or special file (${prefix}${name}); plugins cannot`,
      );
    }
    writeFileSync(safePath(target, prefix ? `${prefix}/${name}` : name), body);
  }
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw
    .subarray(0, end === -1 ? raw.length : end)
    .toString('utf8')
    .trim();
}

function safePath(target: string, entry: string): string {
  const relative = normalize(entry);
  if (relative.startsWith('..') || relative.startsWith(sep) || /^[a-zA-Z]:/.test(relative)) {
    throw new SbssError('PLUGIN_INVALID', `The tarball entry "${entry}" points outside the package`);
  }
  const path = join(target, relative);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
