import type { JsonObject, JsonValue } from '@sbss/sdk';
import Papa from 'papaparse/papaparse.min.js';

export interface Rows {
  rows: JsonObject[];
  /** 1-based line of each row in the file. */
  lines: number[];
  /** Problems by 1-based line, for the user to fix in the file. */
  errors: { line: number; message: string }[];
}

/**
 * Reads CSV (RFC 4180 quoting; delimiter detected unless given) with the first row as headers.
 * Headers are mapped by hand rather than with papaparse's `header` option, which warns through
 * `console` (absent in the sandbox) on duplicate names; here a repeated header gets a suffix.
 */
export function readCsv(text: string, delimiter: string): Rows {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const [header = [], ...body] = parsed.data;
  const names = headerNames(header);
  const rows = body.map((cells) => rowObject(names, cells));
  const errors = parsed.errors.map((error) => ({ line: (error.row ?? 0) + 1, message: error.message }));
  // Row numbers count the header line, as spreadsheets show them.
  return { rows, lines: rows.map((_, at) => at + 2), errors };
}

/** A sheet's first row as field names: trimmed, without a byte order mark, each once. */
export function headerNames(cells: (JsonValue | undefined)[]): string[] {
  return uniqueNames(
    cells.map((cell) =>
      cell === undefined
        ? ''
        : String(cell)
            .replace(/^\uFEFF/, '')
            .trim(),
    ),
  );
}

/** One row by the header's names; a column without a name is left out, text is trimmed. */
export function rowObject(names: string[], cells: (JsonValue | undefined)[]): JsonObject {
  const row: JsonObject = {};
  names.forEach((name, at) => {
    const cell = cells[at];
    if (name) row[name] = typeof cell === 'string' ? cell.trim() : (cell ?? '');
  });
  return row;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count ? `${name}_${count + 1}` : name;
  });
}

/** One JSON object per line (JSON Lines); blank lines are skipped, bad ones reported by line. */
export function readJsonLines(text: string): Rows {
  const rows: JsonObject[] = [];
  const lines: number[] = [];
  const errors: Rows['errors'] = [];
  text.split(/\r?\n/).forEach((line, at) => {
    if (!line.trim()) return;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        rows.push(value as JsonObject);
        lines.push(at + 1);
      } else errors.push({ line: at + 1, message: 'not a JSON object' });
    } catch (error) {
      errors.push({ line: at + 1, message: error instanceof Error ? error.message : String(error) });
    }
  });
  return { rows, lines, errors };
}
