import { type JsonObject, type JsonValue, NodeError } from '@sbss/sdk';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { headerNames, type Rows, rowObject } from './read-csv.js';

type Node = Record<string, unknown>;

const listed = new Set(['sheet', 'Relationship', 'si', 'r', 'row', 'c', 'xf', 'numFmt']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  // Writers such as openpyxl put every non-ASCII character as a numeric reference (&#32534;).
  htmlEntities: true,
  trimValues: false,
  isArray: (name) => listed.has(name),
});

/** A ZIP archive, as an Excel workbook (.xlsx) is, starts with a local file header. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const bad = (message: string) => new NodeError('IMPORT_BAD_CONTENT', message);

/**
 * The most one part of a workbook may unpack to: a sheet's XML and the rows parsed from it must
 * fit in the plugin's isolate together, and a small archive can claim to unpack to gigabytes.
 */
const MAX_PART_BYTES = 48 * 2 ** 20;

/**
 * Reads one sheet of an Excel workbook (Office Open XML, ECMA-376) with its first row as
 * headers, as listening tools export mentions. Shared and inline strings, numbers, booleans and
 * formula results are read as they show; date cells become `YYYY-MM-DD HH:MM:SS` text in the
 * workbook's own clock, as a CSV export of the same sheet writes them.
 *
 * Written over fflate (the archive) and fast-xml-parser (the parts) rather than a spreadsheet
 * library: SheetJS's npm build stopped at 0.18.5 with advisories open against it, and ExcelJS
 * needs Node.js streams, which the sandbox does not have.
 */
export function readXlsx(bytes: Uint8Array, sheetName: string): Rows & { sheet: string } {
  let files: Record<string, Uint8Array>;
  let oversized: string | undefined;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.originalSize > MAX_PART_BYTES) oversized ??= file.name;
        return file.name.startsWith('xl/') && file.originalSize <= MAX_PART_BYTES;
      },
    });
  } catch (error) {
    throw bad(`The file is not a readable Excel workbook: ${(error as Error).message}`);
  }
  if (oversized) {
    throw bad(
      `${oversized} unpacks to more than ${MAX_PART_BYTES / 2 ** 20} MB: split the export, or save it as CSV`,
    );
  }
  const xml = (path: string): Node | undefined => {
    const file = files[path];
    return file ? (parser.parse(strFromU8(file)) as Node) : undefined;
  };
  const workbook = xml('xl/workbook.xml')?.workbook as Node | undefined;
  if (!workbook) throw bad('The file is a ZIP archive but not an Excel workbook (no xl/workbook.xml)');
  const sheets = ((workbook.sheets as Node | undefined)?.sheet ?? []) as Node[];
  const chosen = sheetName ? sheets.find((sheet) => sheet.name === sheetName) : sheets[0];
  if (!chosen) {
    const names = sheets.map((sheet) => `"${String(sheet.name)}"`).join(', ');
    throw new NodeError(
      'IMPORT_NO_SHEET',
      `The workbook has no sheet named "${sheetName}"; it has ${names}`,
      {
        sheets: sheets.map((sheet) => String(sheet.name)),
      },
    );
  }
  const path = sheetPath(xml('xl/_rels/workbook.xml.rels'), String(chosen['r:id']));
  const worksheet = (path ? xml(path) : undefined)?.worksheet as Node | undefined;
  if (!worksheet) throw bad(`The sheet "${String(chosen.name)}" is missing from the workbook`);
  const cells: Cells = {
    shared: sharedStrings(xml('xl/sharedStrings.xml')),
    dateStyles: dateStyles(xml('xl/styles.xml')),
    date1904: /^(1|true)$/.test(String((workbook.workbookPr as Node | undefined)?.date1904 ?? '')),
  };
  const table = ((worksheet.sheetData as Node | undefined)?.row ?? []) as Node[];
  // Rows without their number (`r` is optional) count from the one before.
  let line = 0;
  const [header, ...body] = table.map((row) => {
    line = row.r === undefined ? line + 1 : Number(row.r);
    return { line, values: rowValues(row, cells) };
  });
  const names = headerNames(header?.values ?? []);
  const rows: JsonObject[] = [];
  const lines: number[] = [];
  for (const { line, values } of body) {
    if (values.every((value) => value === undefined || value === '')) continue;
    rows.push(rowObject(names, values));
    lines.push(line);
  }
  return { rows, lines, errors: [], sheet: String(chosen.name) };
}

interface Cells {
  shared: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

function sheetPath(rels: Node | undefined, id: string): string | undefined {
  const list = ((rels?.Relationships as Node | undefined)?.Relationship ?? []) as Node[];
  const target = list.find((rel) => rel.Id === id)?.Target;
  if (typeof target !== 'string') return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The text of a `<t>`, plain or with attributes (`xml:space="preserve"`). */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null) return String((node as Node)['#text'] ?? '');
  return '';
}

/** A string item: plain `<t>` or rich text runs `<r><t>`. */
function stringItem(item: Node | undefined): string {
  if (!item) return '';
  if (item.t !== undefined) return textOf(item.t);
  return ((item.r ?? []) as Node[]).map((run) => textOf(run.t)).join('');
}

function sharedStrings(doc: Node | undefined): string[] {
  return (((doc?.sst as Node | undefined)?.si ?? []) as Node[]).map(stringItem);
}

/** Built-in number formats that show dates or times, Chinese and Japanese ones included. */
const builtInDates = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** The cell styles (by index) whose number format shows a date or time. */
function dateStyles(doc: Node | undefined): Set<number> {
  const sheet = doc?.styleSheet as Node | undefined;
  const custom = new Map(
    (((sheet?.numFmts as Node | undefined)?.numFmt ?? []) as Node[]).map((format) => [
      Number(format.numFmtId),
      String(format.formatCode),
    ]),
  );
  const isDate = (id: number) => {
    const code = custom.get(id);
    if (code === undefined) return builtInDates.has(id);
    // Quoted text, escapes and [colours] or [locales] say nothing of the value.
    return /[ymdhs]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));
  };
  const styles = new Set<number>();
  (((sheet?.cellXfs as Node | undefined)?.xf ?? []) as Node[]).forEach((xf, at) => {
    if (isDate(Number(xf.numFmtId ?? 0))) styles.add(at);
  });
  return styles;
}

/** The row's cells by column, placed by their reference (`C7`) since empty cells are left out. */
function rowValues(row: Node, cells: Cells): (JsonValue | undefined)[] {
  const values: (JsonValue | undefined)[] = [];
  let next = 0;
  for (const cell of (row.c ?? []) as Node[]) {
    const column = typeof cell.r === 'string' ? columnOf(cell.r) : next;
    values[column] = cellValue(cell, cells);
    next = column + 1;
  }
  return values;
}

function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

function cellValue(cell: Node, cells: Cells): JsonValue | undefined {
  const raw = cell.v === undefined ? undefined : textOf(cell.v);
  switch (cell.t) {
    case 's':
      return cells.shared[Number(raw)] ?? '';
    case 'inlineStr':
      return stringItem(cell.is as Node | undefined);
    case 'str':
    case 'e':
    case 'd':
      return raw ?? '';
    case 'b':
      return raw === '1';
    default: {
      if (raw === undefined || raw === '') return undefined;
      const number = Number(raw);
      if (Number.isNaN(number)) return raw;
      return cells.dateStyles.has(Number(cell.s ?? 0)) ? excelDate(number, cells.date1904) : number;
    }
  }
}

/** Days since 1899-12-30 (1904-01-01 in the 1904 system), as wall-clock text. */
function excelDate(serial: number, date1904: boolean): string {
  const days = serial + (date1904 ? 1462 : 0) - 25569;
  const text = new Date(Math.round(days * 86_400_000)).toISOString();
  return Number.isInteger(serial) ? text.slice(0, 10) : `${text.slice(0, 10)} ${text.slice(11, 19)}`;
}
