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

function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** A file picked from disk, kept in the param as its bytes in base64. */
export function FileWidget({ label, value, onChange, testId }: WidgetProps) {
  const { t, i18n } = useTranslation();
  const [tooLarge, setTooLarge] = useState(false);
  const base64 = typeof value === 'string' ? value : '';
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const large = file.size > MAX_FILE_BYTES;
    setTooLarge(large);
    if (!large) onChange(toBase64(await readBytes(file)));
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
          {t('file.loaded', { size: kilobytes })}{' '}
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
