import { defineNode, type Item, type JsonObject, NodeError, z } from '@sbss/sdk';
import { asText, type Loaded, loadContent } from '../import/load-content.js';
import { type Rows, readCsv, readJsonLines } from '../import/read-csv.js';
import { isZip, readXlsx } from '../import/read-xlsx.js';
import { getPath, setPath } from '../records/field-path.js';
import { httpUrl } from '../records/http-url.js';
import { toMention } from '../records/to-mention.js';

const params = z.object({
  file: z.string().optional().meta({
    widget: 'file',
    description:
      'The file itself, picked in the editor, or sent as base64 or a data URL: CSV, JSON Lines or Excel',
  }),
  url: httpUrl.optional().describe('Where to download the file; or give `file` or `content`'),
  content: z.string().optional().meta({
    widget: 'textarea',
    description: 'The file itself: text, or base64 bytes (see contentEncoding)',
  }),
  contentEncoding: z
    .enum(['text', 'base64'])
    .default('text')
    .describe('base64 for Excel workbooks and for uploads in GBK, Big5 or with a BOM'),
  format: z
    .enum(['auto', 'csv', 'jsonl', 'xlsx'])
    .default('auto')
    .describe('auto: Excel for a workbook (.xlsx), JSON Lines when the first character is "{", else CSV'),
  sheet: z.string().default('').describe('Excel: the sheet to read, by name; empty for the first'),
  charset: z
    .enum(['auto', 'utf-8', 'gbk', 'gb18030', 'big5', 'utf-16le', 'utf-16be'])
    .default('auto')
    .describe('auto: BOM, then UTF-8 if valid, else the better of GB18030 and Big5'),
  delimiter: z.string().max(1).default('').describe('CSV delimiter; empty to detect , ; tab or |'),
  columns: z
    .record(z.string(), z.string())
    .default({})
    .describe(
      'Mention field → column (CSV) or path (JSONL), e.g. { "text": "内容", "author.name": "用户名" }; empty: columns already named like mention fields',
    ),
  source: z.string().min(1).default('import').describe('`source` for rows that do not name one'),
  maxRows: z.number().int().positive().default(100_000),
  timeoutMs: z.number().int().positive().max(300_000).default(60_000),
});

export const importNode = defineNode({
  id: 'import',
  title: {
    en: 'Import mentions (CSV / JSONL / Excel)',
    'zh-Hans': '导入提及（CSV / JSONL / Excel）',
    'zh-Hant': '匯入提及（CSV / JSONL / Excel）',
  },
  description: {
    en: 'Reads mentions from a CSV, JSON Lines or Excel (.xlsx) file, by URL or uploaded; text in UTF-8, GBK or Big5.',
    'zh-Hans': '从 CSV、JSON Lines 或 Excel（.xlsx）文件（链接或上传；文本为 UTF-8、GBK 或 Big5）读取提及。',
    'zh-Hant': '從 CSV、JSON Lines 或 Excel（.xlsx）檔案（連結或上傳；文字為 UTF-8、GBK 或 Big5）讀取提及。',
  },
  category: 'listening',
  params,
  outputs: {
    main: { title: { en: 'Mentions', 'zh-Hans': '提及', 'zh-Hant': '提及' } },
    invalid: { title: { en: 'Rows that are not mentions', 'zh-Hans': '无效行', 'zh-Hant': '無效列' } },
  },
  async run(ctx) {
    const options = ctx.params;
    const loaded = await loadContent(ctx.http, options);
    const { rows, lines, errors, read } = readRows(loaded, options);
    const file: JsonObject = 'name' in loaded && loaded.name ? { file: loaded.name } : {};
    ctx.log.info('Read import file', { ...file, ...read, rows: rows.length });
    const main: Item[] = [];
    const invalid: Item[] = errors.map((error) => ({ line: error.line, error: error.message }));
    rows.slice(0, options.maxRows).forEach((row, at) => {
      const record = mapColumns(row, options.columns);
      const result = toMention(record, { source: options.source, now: ctx.now() });
      if (result.ok) main.push(result.mention as Item);
      else invalid.push({ line: lines[at] ?? at + 1, error: result.error, row });
    });
    return { main, invalid };
  },
});

/** The file's rows, by the reader its format asks for, and what the log says of how it was read. */
function readRows(loaded: Loaded, options: z.output<typeof params>): Rows & { read: JsonObject } {
  const workbook =
    options.format === 'xlsx' || (options.format === 'auto' && 'bytes' in loaded && isZip(loaded.bytes));
  if (workbook) {
    if (!('bytes' in loaded)) {
      throw new NodeError(
        'IMPORT_BAD_CONTENT',
        'An Excel workbook is binary: upload it with contentEncoding base64, or give its URL',
      );
    }
    const { sheet, ...rows } = readXlsx(loaded.bytes, options.sheet);
    return { ...rows, read: { format: 'xlsx', sheet } };
  }
  const { text, charset } = asText(loaded, options.charset);
  const jsonl = options.format === 'jsonl' || (options.format === 'auto' && text.trimStart().startsWith('{'));
  const rows = jsonl ? readJsonLines(text) : readCsv(text, options.delimiter);
  return { ...rows, read: { format: jsonl ? 'jsonl' : 'csv', charset } };
}

function mapColumns(row: JsonObject, columns: Record<string, string>): JsonObject {
  const record: JsonObject = {};
  const entries = Object.entries(columns);
  if (!entries.length) {
    for (const [name, value] of Object.entries(row)) setPath(record, name, value);
    return record;
  }
  for (const [field, column] of entries) {
    const value = column in row ? row[column] : getPath(row, column);
    if (value !== undefined && value !== '') setPath(record, field, value);
  }
  return record;
}
