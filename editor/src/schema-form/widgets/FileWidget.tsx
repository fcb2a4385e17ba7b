import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import type { WidgetProps } from './widget-props';

/** Params travel in the workflow's JSON: a larger file belongs behind a URL. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Bytes as base64, a chunk at a time: one `String.fromCharCode` call over megabytes overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** How many bytes a base64 text holds. */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * A picked file as the param keeps it: a data URL (RFC 2397) with the file's name as a parameter,
 * so the form can say which file it holds and the node can log it.
 */
export function fileValue(name: string, type: string, base64: string): string {
  return `data:${type || 'application/octet-stream'};name=${encodeURIComponent(name)};base64,${base64}`;
}

/** The name and the base64 bytes of a kept file; bare base64 from an API client has no name. */
export function readFileValue(value: string): { name?: string; base64: string } {
  const comma = value.indexOf(',');
  if (!value.startsWith('data:') || comma < 0) return { base64: value };
  const header = value.slice(5, comma).split(';');
  if (header.at(-1) !== 'base64') return { base64: value };
  const base64 = value.slice(comma + 1);
  const named = header.find((part) => part.startsWith('name='))?.slice(5);
  if (named === undefined) return { base64 };
  try {
    return { name: decodeURIComponent(named), base64 };
  } catch {
    return { name: named, base64 };
  }
}

function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** A file picked from disk, kept in the param as a data URL with its name and bytes. */
export function FileWidget({ label, value, onChange, testId }: WidgetProps) {
  const { t, i18n } = useTranslation();
  const [tooLarge, setTooLarge] = useState(false);
  const { name, base64 } = readFileValue(typeof value === 'string' ? value : '');
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const large = file.size > MAX_FILE_BYTES;
    setTooLarge(large);
    if (!large) onChange(fileValue(file.name, file.type, toBase64(await readBytes(file))));
  };
  const kilobytes = formatNumber(Math.ceil(base64Bytes(base64) / 1024), i18n.language);
  return (
    <div className="file-field">
      <input
        type="file"
        data-testid={testId}
        aria-label={label}
        onChange={(event) => void pick(event.target.files?.[0])}
      />
      {base64 ? (
        <span className="muted" data-testid={`${testId}-loaded`}>
          {name ? t('file.loadedNamed', { name, size: kilobytes }) : t('file.loaded', { size: kilobytes })}{' '}
          <button type="button" className="link" onClick={() => onChange(undefined)}>
            {t('file.remove')}
          </button>
        </span>
      ) : null}
      {tooLarge ? (
        <small className="error" role="alert">
          {t('file.tooLarge', { max: formatNumber(MAX_FILE_BYTES / 1024 / 1024, i18n.language) })}
        </small>
      ) : null}
    </div>
  );
}
