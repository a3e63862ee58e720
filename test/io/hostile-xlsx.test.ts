import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { ReadResult } from '../../src/io/read.js';
import {
  readUnitStatisticsXlsx,
  streamUnitStatisticsXlsx,
  unitStatisticsToXlsx,
  XLSX_LIMITS,
} from '../../src/io/xlsx.js';
import {
  deflateRepeated,
  inlineRow,
  rawZip,
  sharedStringsXml,
  sheetXml,
  storedParts,
  workbook,
} from './xlsx-fixtures.js';

const HEADER = ['统计用区划代码', '类型', '户数'];
const ID = '11010519491231002X';

/** Every promise of a read: no throw (awaited by the caller), counts that add up, rows and rejects in line order. */
function expectAccounted(result: ReadResult): void {
  const { counts } = result;
  expect(counts.read).toBe(counts.accepted + counts.rejected);
  expect(result.accepted).toHaveLength(counts.accepted);
  expect(result.rejected).toHaveLength(counts.rejected);
  const lines = [...result.accepted.map((a) => a.line), ...result.rejected.map((r) => r.line)];
  expect(new Set(lines).size).toBe(lines.length);
}

/** The file-level errors: what tells "not read (to its end)" from "read, some rows rejected". */
function fileErrors(result: ReadResult): string[] {
  return result.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code);
}

async function streamed(bytes: Uint8Array) {
  const events = [];
  for await (const event of streamUnitStatisticsXlsx(bytes)) events.push(event);
  return events;
}

describe('.xlsx that is not a readable workbook', () => {
  it('not a zip, an empty file, an old .xls: one file-level error, nothing read', async () => {
    for (const bytes of [
      new Uint8Array([1, 2, 3]),
      new Uint8Array(0),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
    ]) {
      const result = await readUnitStatisticsXlsx(bytes);
      expect(fileErrors(result)).toEqual(['malformed_record']);
      expect(result.counts).toEqual({ read: 0, accepted: 0, rejected: 0, blankLines: 0, titleLines: 0 });
    }
    expect((await readUnitStatisticsXlsx(new Uint8Array(0))).issues[0]?.message.en).toContain('empty');
    expect(
      (await readUnitStatisticsXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).issues[0]?.message.en,
    ).toContain('.xls');
  });

  it('input that is not bytes gives an issue, not an exception', async () => {
    for (const input of [null, undefined, 'PK', 42, {}])
      expect(fileErrors(await readUnitStatisticsXlsx(input as never))).toEqual(['malformed_record']);
  });

  test.prop([fc.integer({ min: 0, max: 1_000_000 })], { numRuns: 60 })(
    'a workbook cut anywhere gives a file-level error and counts that add up',
    async (cut) => {
      const whole = await unitStatisticsToXlsx([{ code: '130123100201', kind: 'village', households: 612 }]);
      const result = await readUnitStatisticsXlsx(whole.subarray(0, cut % whole.length));
      expect(fileErrors(result)).toEqual(['malformed_record']);
      expectAccounted(result);
    },
  );

  it('a zip without the workbook, or without the sheet it names, or a sheet that is not there', async () => {
    const noWorkbook = rawZip([
      { name: 'hello.txt', data: new Uint8Array([104, 105]), method: 0, declaredSize: 2 },
    ]);
    expect((await readUnitStatisticsXlsx(noWorkbook)).issues[0]?.message.en).toContain('no workbook');
    const noSheet = rawZip(storedParts());
    expect((await readUnitStatisticsXlsx(noSheet)).issues[0]?.message.en).toContain('missing');
    const bytes = workbook(sheetXml(inlineRow(1, HEADER)));
    for (const sheet of ['nope', 0, 2, 1.5, Number.NaN]) {
      const result = await readUnitStatisticsXlsx(bytes, { sheet });
      expect(fileErrors(result)).toEqual(['malformed_record']);
      expect(result.issues[0]?.message.en).toContain('no such sheet (the workbook has 1 sheet(s))');
    }
  });

  it('a sheet whose compressed data is corrupt, or whose XML stops inside a tag', async () => {
    const corrupt = rawZip([
      ...storedParts(),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: new Uint8Array(64).fill(0xff),
        method: 8,
        declaredSize: 1000,
      },
    ]);
    expect((await readUnitStatisticsXlsx(corrupt)).issues[0]?.message.en).toContain('corrupt');
    const cut = workbook(`${sheetXml(inlineRow(1, HEADER)).slice(0, -20)}<row r="2"><c r="A`);
    expect(fileErrors(await readUnitStatisticsXlsx(cut))).toEqual(['malformed_record']);
  });
});

describe('.xlsx limits', () => {
  it('a zip bomb stops at the compression-ratio limit while streaming, with the rows before it read', async () => {
    // 64 MB of XML in a few tens of kB; the entry declares a small size (it lies), so only streaming can catch it.
    const rows = `${inlineRow(1, HEADER)}${inlineRow(2, ['130123100201', '村委会', '612'])}`;
    const data = deflateRepeated(
      sheetXml(rows).replace('</sheetData></worksheet>', ''),
      '        ',
      (64 * 1024 * 1024) / 8,
      '</sheetData></worksheet>',
    );
    expect(data.length).toBeLessThan(1024 * 1024);
    const bomb = rawZip([
      ...storedParts(),
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 1000 },
    ]);
    const result = await readUnitStatisticsXlsx(bomb);
    expect(fileErrors(result)).toEqual(['limit_exceeded']);
    expect(result.issues[0]?.message.en).toContain(`${XLSX_LIMITS.maxCompressionRatio}:1`);
    expect(result.rows).toEqual([{ code: '130123100201', kind: 'village', households: 612 }]);
    expectAccounted(result);
  }, 60_000);

  it('a flood of empty rows stops at the row limit, at its line', async () => {
    const data = deflateRepeated(
      sheetXml(inlineRow(1, HEADER)).replace('</sheetData></worksheet>', ''),
      '<row/>',
      XLSX_LIMITS.maxRows + 10,
      '</sheetData></worksheet>',
    );
    const flood = rawZip([
      ...storedParts(),
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 1 },
    ]);
    const result = await readUnitStatisticsXlsx(flood);
    expect(fileErrors(result)).toEqual(['limit_exceeded']);
    expect(result.issues[0]?.line).toBe(XLSX_LIMITS.maxRows + 1);
    expect(result.counts.blankLines).toBe(XLSX_LIMITS.maxRows - 1);
  }, 60_000);

  it('an entry that declares more than the size limit is refused before it is inflated', async () => {
    const data = deflateRepeated('', ' ', 10, '');
    const bomb = rawZip([
      ...storedParts(),
      { name: 'xl/worksheets/sheet1.xml', data, method: 8, declaredSize: 0xfffffff0 },
    ]);
    const result = await readUnitStatisticsXlsx(bomb);
    expect(fileErrors(result)).toEqual(['limit_exceeded']);
    expect(result.issues[0]?.message.en).toContain('uncompressed');
  });

  it('an over-long cell rejects its row only, at its line, without its text in any message', async () => {
    const long = 'x'.repeat(XLSX_LIMITS.maxCellLength + 1);
    const rows = [
      inlineRow(1, HEADER),
      inlineRow(2, ['130123100201', '村委会', '612']),
      inlineRow(3, ['130123100202', long, ID]),
      inlineRow(4, ['130123100203', '居委会', '7']),
    ].join('');
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows)));
    expect(result.counts).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(result.rejected[0]?.line).toBe(3);
    expect(result.rejected[0]?.issues).toMatchObject([{ code: 'malformed_record', line: 3, column: '类型' }]);
    expect(result.rejected[0]?.issues[0]?.message.en).toContain('Cell B3 is longer than 32767');
    const printed = JSON.stringify([result.issues, result.rejected]);
    expect(printed).not.toContain(ID);
    expect(printed).not.toContain('xxxxxxxxxx');
    expectAccounted(result);
  });

  it('an over-long shared string rejects each row that uses it', async () => {
    const strings = [...HEADER, '村委会', 'y'.repeat(XLSX_LIMITS.maxCellLength + 5)];
    const cell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
    const rows = `<row r="1">${cell('A1', 0)}${cell('B1', 1)}${cell('C1', 2)}</row><row r="2"><c r="A2"><v>130123100201</v></c>${cell('B2', 3)}</row><row r="3"><c r="A3"><v>130123100202</v></c>${cell('B3', 4)}</row><row r="4"><c r="A4"><v>130123100203</v></c>${cell('B4', 9)}</row>`;
    const result = await readUnitStatisticsXlsx(
      workbook(sheetXml(rows), { sharedStrings: sharedStringsXml(strings) }),
    );
    expect(result.rows).toEqual([{ code: '130123100201', kind: 'village' }]);
    expect(result.rejected.map((r) => [r.line, r.issues[0]?.message.en])).toEqual([
      [3, expect.stringContaining('Cell B3 is longer')],
      [4, expect.stringContaining('Cell B4 refers to a shared string that does not exist')],
    ]);
  });

  it("a row past Excel's last row stops the read there; a cell past its last column rejects its row", async () => {
    const rows = [
      inlineRow(1, HEADER),
      inlineRow(2, ['130123100201', '村委会']),
      `<row r="3"><c r="A3" t="inlineStr"><is><t>130123100202</t></is></c><c r="XFE3"><v>1</v></c></row>`,
      inlineRow(XLSX_LIMITS.maxRows + 1, ['130123100203', '村委会']),
    ].join('');
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows)));
    expect(fileErrors(result)).toEqual(['limit_exceeded']);
    expect(result.issues[0]?.line).toBe(XLSX_LIMITS.maxRows + 1);
    expect(result.rows).toHaveLength(1);
    expect(result.rejected[0]?.issues[0]?.message.en).toContain('beyond column 16384');
    expectAccounted(result);
  });

  it('a shared-strings table over its limit stops the read before the sheet', async () => {
    // Stored, not deflated, so that the part is not also a zip bomb: each empty string counts 16 against the limit.
    const many = `<sst>${'<si><t/></si>'.repeat(XLSX_LIMITS.maxSharedStringsLength / 16 + 1)}</sst>`;
    const result = await readUnitStatisticsXlsx(
      workbook(sheetXml(inlineRow(1, HEADER)), { sharedStrings: many, stored: true }),
    );
    expect(fileErrors(result)).toEqual(['limit_exceeded']);
    expect(result.issues[0]?.message.en).toContain('shared-strings');
  }, 60_000);
});

describe('.xlsx XML', () => {
  it('an entity bomb (a DTD) is refused, never expanded', async () => {
    const dtd =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const sheet = sheetXml(
      `${inlineRow(1, HEADER)}<row r="2"><c t="inlineStr"><is><t>&lol3;</t></is></c></row>`,
      dtd,
    );
    const result = await readUnitStatisticsXlsx(workbook(sheet));
    expect(fileErrors(result)).toEqual(['malformed_record']);
    expect(result.issues[0]?.message.en).toContain('DTD');
    expect(JSON.stringify(result)).not.toContain('lollol');
    const inStrings = await readUnitStatisticsXlsx(
      workbook(sheetXml(inlineRow(1, HEADER)), { sharedStrings: `<?xml version="1.0"?>${dtd}<sst/>` }),
    );
    expect(inStrings.issues[0]?.message.en).toContain('DTD');
  });

  it('undeclared entities are kept as written with a warning; the five XML ones and character references decoded', async () => {
    const rows = `${inlineRow(1, ['统计用区划代码', '类型', '名称'])}${inlineRow(2, ['130123100201', '村委会', '&lt;A&amp;B&gt; &quot;&apos; &#x6751;&#26449; &nbsp; &#0;'])}`;
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows)));
    expect(result.rows[0]?.name).toBe('<A&B> "\' 村村 &nbsp; &#0;');
    expect(result.issues).toMatchObject([{ code: 'malformed_record', severity: 'warning' }]);
    expect(result.issues[0]?.message.en).toContain('2 undeclared');
  });

  it('comments, CDATA, processing instructions, namespace prefixes and attributes with > in quotes', async () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="urn:x"><!-- <row r="9"> --><x:sheetData>${inlineRow(1, HEADER)}<x:row r="2" note="a>b"><x:c r="A2" t="inlineStr"><x:is><x:t><![CDATA[130123100201]]></x:t></x:is></x:c><x:c r="B2" t="inlineStr"><x:is><x:t><![CDATA[村委<>会]]></x:t></x:is></x:c><?pi x?></x:row></x:sheetData></x:worksheet>`;
    const result = await readUnitStatisticsXlsx(workbook(sheet));
    expect(result.rejected[0]?.cells).toEqual(['130123100201', '村委<>会']);
    expect(result.rejected[0]?.line).toBe(2);
  });
});

describe('.xlsx cells and rows', () => {
  it('rows without r follow the previous row; cells without r follow the previous cell', async () => {
    const row = (cells: string[]) =>
      `<row>${cells.map((c) => `<c t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`;
    const rows = `${row(['正定县统计表'])}${row(HEADER)}${row(['130123100201', '村委会', '612'])}<row r="5">${'<c t="inlineStr"><is><t>130123100202</t></is></c><c r="C5"><v>8</v></c>'}</row>${row(['130123100203', '居委会'])}`;
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows)));
    expect(result.accepted.map((a) => [a.line, a.row])).toEqual([
      [3, { code: '130123100201', kind: 'village', households: 612 }],
      [6, { code: '130123100203', kind: 'community' }],
    ]);
    expect(result.rejected.map((r) => [r.line, r.cells])).toEqual([[5, ['130123100202', '', '8']]]);
    expect(result.counts).toEqual({ read: 3, accepted: 2, rejected: 1, blankLines: 1, titleLines: 1 });
  });

  it('cells out of order and gaps between rows: each cell in its column, each missing row a blank line', async () => {
    const rows = `${inlineRow(2, HEADER)}<row r="7"><c r="C7"><v>612</v></c><c r="A7"><v>130123100201</v></c><c r="B7" t="inlineStr"><is><r><t>村</t></r><r><t>委会</t></r><rPh><t>cun</t></rPh></is></c></row>`;
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows)));
    expect(result.accepted).toEqual([
      { line: 7, row: { code: '130123100201', kind: 'village', households: 612 } },
    ]);
    expect(result.counts).toMatchObject({ blankLines: 5, titleLines: 0 });
  });

  it('shared strings (rich text, phonetic runs left out), booleans, errors, dates by style, 1904 dates, numbers', async () => {
    const header = ['统计用区划代码', '类型', '是否建有综合服务设施', '名称', '备注', '日期'];
    const strings = `<sst>${header.map((h) => `<si><t>${h}</t></si>`).join('')}<si><r><t>村委</t></r><r><t>会</t></r><rPh><t>x</t></rPh></si></sst>`;
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>';
    const head = `<row r="1">${header.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`;
    const data = `<row r="2"><c r="A2"><v>1.30123100201E+11</v></c><c r="B2" t="s"><v>6</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c><c r="E2" s="1"><v>45658</v></c><c r="F2" s="2"><v>45659.75</v></c></row>`;
    const result = await readUnitStatisticsXlsx(
      workbook(sheetXml(head + data), { sharedStrings: strings, styles }),
    );
    expect(result.accepted).toEqual([
      {
        line: 2,
        row: { code: '130123100201', kind: 'village', hasFacility: true, name: '#N/A' },
        extra: { 备注: '2025-01-01', 日期: '2025-01-02' },
      },
    ]);
    const in1904 = await readUnitStatisticsXlsx(
      workbook(sheetXml(head + data), { sharedStrings: strings, styles, date1904: true }),
    );
    expect(in1904.accepted[0]?.extra).toEqual({ 备注: '2029-01-02', 日期: '2029-01-03' });
  });

  it('10^5 rows are all read, in order, with the streaming variant giving the same counts', async () => {
    const parts: string[] = [inlineRow(1, HEADER)];
    for (let line = 2; line <= 100_001; line++)
      parts.push(
        `<row r="${line}"><c r="A${line}"><v>${130123100000 + (line % 1000)}</v></c><c r="B${line}" t="inlineStr"><is><t>村委会</t></is></c><c r="C${line}"><v>${line % 7 === 0 ? '' : line}</v></c></row>`,
      );
    const bytes = workbook(sheetXml(parts.join('')));
    const result = await readUnitStatisticsXlsx(bytes);
    expect(result.counts).toMatchObject({ read: 100_000, blankLines: 0, titleLines: 0 });
    expect(result.accepted[99_999 - result.counts.rejected]?.line).toBe(100_001);
    expectAccounted(result);
    const events = await streamed(bytes);
    const end = events.at(-1);
    expect(end?.kind === 'end' && end.counts).toEqual(result.counts);
    expect(events.filter((e) => e.kind === 'row')).toHaveLength(result.counts.accepted);
  }, 60_000);

  it("an ID number in a cell is not printed by the reader's own messages", async () => {
    const rows = `${inlineRow(1, HEADER)}<row r="2"><c r="A2" t="inlineStr"><is><t>${ID}</t></is></c><c r="ZZZZ2"><v>1</v></c></row>`;
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows)));
    expect(result.rejected[0]?.issues[0]?.message.en).toContain('beyond column');
    expect(JSON.stringify(result)).not.toContain(ID);
  });
});
