import { SbssError } from '../engine/errors.js';

/** Columns hold epoch milliseconds; the repositories speak ISO 8601. */
export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function optionalIso(ms: number | null): string | undefined {
  return ms === null ? undefined : toIso(ms);
}

export function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new SbssError('BAD_REQUEST', `"${iso}" is not a date-time`);
  return ms;
}

export function optionalMs(iso: string | undefined): number | null {
  return iso === undefined ? null : toMs(iso);
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function optionalJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** The text was written by `toJson` from a value of type T, so it reads back as T. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function optionalFromJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

/** Whether a better-sqlite3 error is a UNIQUE or PRIMARY KEY violation. */
export function isUniqueViolation(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
