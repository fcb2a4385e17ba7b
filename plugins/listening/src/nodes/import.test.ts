/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { runNode } from '@sbss/sdk/testing';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importNode } from './import.js';

const fixture = (name: string) => readFileSync(new URL(`../../../../examples/data/${name}`, import.meta.url));
const columns = JSON.parse(fixture('export-columns.json').toString('utf8')) as Record<string, string>;

describe('listening/import', () => {
  it('reads a GBK CSV uploaded as base64, guessing the encoding', async () => {
    const result = await runNode(importNode, {
      params: { content: fixture('mentions-gbk.csv').toString('base64'), contentEncoding: 'base64', columns },
    });
    expect(result.output.main).toHaveLength(20);
    expect(result.output.main?.[0]).toMatchObject({
      id: 'xiaohongshu-100002',
      author: { name: '程序员阿飞', followers: 2540 },
      lang: 'zh-Hans',
    });
    expect(result.logs[0]?.data).toMatchObject({ charset: 'gb18030', rows: 20 });
  });

  it('reads a Big5 CSV and a UTF-8 CSV with a byte order mark', async () => {
    const big5 = await runNode(importNode, {
      params: {
        content: fixture('mentions-big5.csv').toString('base64'),
        contentEncoding: 'base64',
        columns: {
          ...columns,
          'author.followers': '粉絲數',
          id: '編號',
          text: '內容',
          publishedAt: '發佈時間',
        },
      },
    });
    expect(big5.output.main?.[0]).toMatchObject({
      id: 'dcard-100001',
      author: { name: '台北打工仔' },
      lang: 'zh-Hant',
    });
    const bom = await runNode(importNode, {
      params: {
        content: fixture('mentions-utf8-bom.csv').toString('base64'),
        contentEncoding: 'base64',
        columns,
      },
    });
    expect(bom.output.main?.[0]?.id).toBe('xiaohongshu-100002');
  });

  it('downloads the file as bytes and reads JSON Lines, reporting bad lines', async () => {
    const jsonl = '{"id":"1","text":"hello world","author":{"name":"a"}}\nnot json\n{"id":"2","title":""}\n';
    const result = await runNode(importNode, {
      params: { url: 'https://files.example/m.jsonl' },
      http: () => ({ status: 200, headers: {}, body: Buffer.from(jsonl).toString('base64') }),
    });
    expect(result.requests[0]?.responseType).toBe('base64');
    expect(result.output.main?.map((item) => item.id)).toEqual(['1']);
    expect(result.output.invalid?.map((item) => item.line)).toEqual([2, 3]);
  });

  it('takes columns already named like mention fields without a mapping', async () => {
    const csv = 'id,author.name,text,metrics.likes\n7,Ann,"Great, really",12\n';
    const result = await runNode(importNode, { params: { content: csv, source: 'survey' } });
    expect(result.output.main?.[0]).toMatchObject({
      id: '7',
      source: 'survey',
      text: 'Great, really',
      metrics: { likes: 12 },
    });
  });

  it('reads an Excel workbook, found by its bytes, as the same mentions as the CSV of its rows', async () => {
    const upload = (name: string) => ({
      content: fixture(name).toString('base64'),
      contentEncoding: 'base64' as const,
      columns,
    });
    const excel = await runNode(importNode, { params: upload('mentions.xlsx') });
    const csv = await runNode(importNode, { params: upload('mentions-utf8-bom.csv') });
    expect(excel.output.main).toHaveLength(20);
    expect(excel.output.main).toEqual(csv.output.main);
    expect(excel.output.main?.[0]).toMatchObject({
      author: { name: '程序员阿飞', followers: 2540 },
      publishedAt: '2024-05-01T00:04:13.000Z',
    });
    expect(excel.logs[0]?.data).toMatchObject({ format: 'xlsx', sheet: '提及', rows: 20 });
  });

  it('takes a file picked in the editor, named in a data URL or as bare base64, whatever its format', async () => {
    const name = encodeURIComponent('提及导出.xlsx');
    const excel = await runNode(importNode, {
      params: { file: `data:;name=${name};base64,${fixture('mentions.xlsx').toString('base64')}`, columns },
    });
    const gbk = await runNode(importNode, {
      params: { file: fixture('mentions-gbk.csv').toString('base64'), columns },
    });
    expect(excel.output.main).toHaveLength(20);
    expect(excel.logs[0]?.data).toMatchObject({ file: '提及导出.xlsx', format: 'xlsx', rows: 20 });
    expect(gbk.output.main?.map((item) => item.id)).toEqual(excel.output.main?.map((item) => item.id));
    expect(gbk.logs[0]?.data).toMatchObject({ format: 'csv', charset: 'gb18030' });
    expect(gbk.logs[0]?.data).not.toHaveProperty('file');
  });

  it('reads the sheet named, and lists the sheets when there is none of that name', async () => {
    const content = fixture('mentions.xlsx').toString('base64');
    const notes = await runNode(importNode, {
      params: { content, contentEncoding: 'base64', sheet: '说明', columns: { text: '导出自示例数据' } },
    });
    expect(notes.logs[0]?.data).toMatchObject({ sheet: '说明', rows: 0 });
    const missing = runNode(importNode, {
      params: { content, contentEncoding: 'base64', sheet: 'Mentions' },
    });
    await expect(missing).rejects.toMatchObject({
      code: 'IMPORT_NO_SHEET',
      details: { sheets: ['提及', '说明'] },
    });
  });

  it('reads shared strings, rich text, booleans, formula results and dates as Excel writes them', async () => {
    const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const workbook = zipSync({
      'xl/workbook.xml': xml(
        `<workbook ${ns} ${rel}><workbookPr date1904="1"/><sheets><sheet name="Export" sheetId="1" r:id="rId3"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': xml(
        `<sst ${ns} count="6" uniqueCount="6"><si><t>Date</t></si><si><t>Author</t></si><si><t>Verified</t></si><si><t>Mention</t></si><si><t>Dana</t></si><si><r><t xml:space="preserve">Great </t></r><r><rPr><b/></rPr><t>support</t></r><r><t xml:space="preserve"> &amp; fast &#x1F680;</t></r></si></sst>`,
      ),
      'xl/styles.xml': xml(
        `<styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-409]d/m/yyyy h:mm;@"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>`,
      ),
      'xl/worksheets/sheet1.xml': xml(
        `<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c><c r="F1" t="inlineStr"><is><t>Likes</t></is></c></row><row r="4"><c r="A4" s="1"><v>43951.5</v></c><c r="B4" t="s"><v>4</v></c><c r="C4" t="b"><v>1</v></c><c r="E4" t="s"><v>5</v></c><c r="F4" s="2"><f>2*6</f><v>12</v></c></row><row><c t="inlineStr"><is><t>not a date</t></is></c><c t="inlineStr"><is><t>Eve</t></is></c></row></sheetData></worksheet>`,
      ),
    });
    const result = await runNode(importNode, {
      params: {
        content: Buffer.from(workbook).toString('base64'),
        contentEncoding: 'base64',
        columns: {
          publishedAt: 'Date',
          'author.name': 'Author',
          'author.verified': 'Verified',
          text: 'Mention',
          'metrics.likes': 'Likes',
        },
      },
    });
    // The row after row 4, written without its number, is row 5.
    expect(result.output.invalid).toMatchObject([
      { line: 5, error: expect.stringContaining('needs a text') },
    ]);
    // Serial 43951.5 counts days from 1904-01-01 in a workbook with date1904: 1,462 fewer than from 1900.
    expect(result.output.main?.[0]).toMatchObject({
      publishedAt: '2024-05-01T12:00:00.000Z',
      author: { name: 'Dana', verified: true },
      text: 'Great support & fast 🚀',
      metrics: { likes: 12 },
    });
  });

  it('refuses an Excel format for text content, a part too large to unpack, and a ZIP archive that is no workbook', async () => {
    const text = runNode(importNode, { params: { content: 'a,b\n1,2', format: 'xlsx' } });
    await expect(text).rejects.toMatchObject({
      code: 'IMPORT_BAD_CONTENT',
      message: /upload it with contentEncoding base64/,
    });
    // 49 MB of one repeated byte deflates to a few kilobytes.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(49 * 2 ** 20) });
    const huge = runNode(importNode, { params: { file: Buffer.from(bomb).toString('base64') } });
    await expect(huge).rejects.toMatchObject({
      code: 'IMPORT_BAD_CONTENT',
      message: /unpacks to more than 48 MB/,
    });
    const zip = Buffer.from(zipSync({ 'notes.txt': strToU8('hello') })).toString('base64');
    const archive = runNode(importNode, { params: { content: zip, contentEncoding: 'base64' } });
    await expect(archive).rejects.toMatchObject({
      code: 'IMPORT_BAD_CONTENT',
      message: /not an Excel workbook/,
    });
  });
});
