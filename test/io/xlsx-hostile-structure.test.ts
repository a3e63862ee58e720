// Malformed sheet and shared-strings XML, generated: an element left open, a stray end tag, a phonetic run left
// open, a part cut short. No malformed row may swallow the rows after it, and a part that ends early is an error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { inlineRow, sheetXml, workbook } from './xlsx-fixtures.js';

const HEADER = inlineRow(1, ['code', 'kind', 'households']);
const code = (line: number) => `1301231${String(100000 + line).slice(1)}`;

/** Row `line` as its cells: code and kind inline, households a number after a formula. */
function rowCells(line: number): string[] {
  return [
    `<c r="A${line}" t="inlineStr"><is><t>${code(line)}</t></is></c>`,
    `<c r="B${line}" t="inlineStr"><is><t>village</t></is></c>`,
    `<c r="C${line}"><f>1+${line}</f><v>${line}</v></c>`,
  ];
}

/** Ways to break one row's XML that a lenient reader must survive without losing the row or those after it. */
const BREAKS: Record<string, (cells: string[]) => string> = {
  rowLeftOpen: (cells) => `<row>${cells.join('')}`,
  cellLeftOpen: (cells) => `<row>${cells[0]?.replace('</c>', '')}${cells.slice(1).join('')}</row>`,
  strayPhoneticEnd: (cells) => `<row>${cells.join('')}</rPh></row>`,
  phoneticLeftOpen: (cells) =>
    `<row>${cells.slice(0, 2).join('')}<rPh sb="0" eb="1"><t>x</t>${cells[2]}</row>`,
  valueLeftOpen: (cells) => `<row>${cells.slice(0, 2).join('')}${cells[2]?.replace('</v>', '')}</row>`,
};

describe('a malformed row of the sheet', () => {
  it('never swallows itself or the rows after it (generated sheets, each way of breaking a row)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(...Object.keys(BREAKS)),
        async (last, pick, kind) => {
          const broken = 2 + (pick % (last - 1));
          const rows: string[] = [HEADER];
          for (let line = 2; line <= last; line++) {
            const cells = rowCells(line);
            rows.push(
              line === broken
                ? (BREAKS[kind] as (c: string[]) => string)(cells).replace('<row>', `<row r="${line}">`)
                : `<row r="${line}">${cells.join('')}</row>`,
            );
          }
          const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows.join(''))));
          const expected = [];
          for (let line = 2; line <= last; line++)
            expected.push({ code: code(line), kind: 'village', households: line });
          expect(result.rows).toEqual(expected);
          expect(result.counts).toMatchObject({ accepted: last - 1, rejected: 0, blankLines: 0 });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a malformed shared-strings table', () => {
  it('a string left open, a stray or open phonetic run: every other string keeps its index', async () => {
    const breaks: Record<string, (text: string) => string> = {
      stringLeftOpen: (text) => `<si><t>${text}</t>`,
      strayPhoneticEnd: (text) => `<si><t>${text}</t></rPh></si>`,
      phoneticLeftOpen: (text) => `<si><t>${text}</t><rPh sb="0" eb="1"><t>x</t></si>`,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(...Object.keys(breaks)),
        async (last, pick, kind) => {
          const broken = 2 + (pick % (last - 1));
          const strings = ['village'];
          const rows = [HEADER];
          for (let line = 2; line <= last; line++) {
            strings.push(code(line));
            rows.push(
              `<row r="${line}"><c r="A${line}" t="s"><v>${line - 1}</v></c><c r="B${line}" t="s"><v>0</v></c></row>`,
            );
          }
          const sst = strings
            .map((text, i) =>
              i === broken - 1 ? (breaks[kind] as (t: string) => string)(text) : `<si><t>${text}</t></si>`,
            )
            .join('');
          const result = await readUnitStatisticsXlsx(
            workbook(sheetXml(rows.join('')), { sharedStrings: `<?xml version="1.0"?><sst>${sst}</sst>` }),
          );
          const expected = [];
          for (let line = 2; line <= last; line++) expected.push({ code: code(line), kind: 'village' });
          expect(result.rows).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('a sheet whose XML ends early', () => {
  it('cut anywhere before </sheetData> (at a tag boundary or inside a text) is an error, never a quiet end', async () => {
    const rows = [HEADER];
    for (let line = 2; line <= 4; line++) rows.push(`<row r="${line}">${rowCells(line).join('')}</row>`);
    const xml = sheetXml(rows.join(''));
    const end = xml.indexOf('</sheetData>');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: end - 1 }), async (cut) => {
        const result = await readUnitStatisticsXlsx(workbook(xml.slice(0, cut)));
        const fileErrors = result.issues.filter((i) => i.severity === 'error' && i.line === undefined);
        expect(fileErrors.map((i) => i.code)).toContain('malformed_record');
      }),
      { numRuns: 200 },
    );
  });

  it('worked by hand: the last row of a sheet cut after a complete cell is not read as if whole', async () => {
    const xml = `<worksheet><sheetData>${HEADER}<row r="2">${rowCells(2)[0]}`;
    const result = await readUnitStatisticsXlsx(workbook(xml));
    expect(result.issues.map((i) => i.message.en)).toContain(
      'Cannot read the workbook: the XML of xl/worksheets/sheet1.xml ends before its end (the part is cut short)',
    );
  });
});

describe('a "<" inside a tag (generated)', () => {
  // XML forbids a literal "<" in an attribute value, and anywhere else inside a tag: where one is, a quote is missing
  // or the part is damaged. It used to be skipped as part of a quoted value, so that a quote left open swallowed the
  // rest of the sheet as the attribute's text: 1 MB before "tag too long", or to its end.
  const BROKEN: Record<string, (line: number) => string> = {
    quoteLeftOpen: (line) => `<row r="${line}"><c r="A${line} t="inlineStr"><is><t>x</t></is></c></row>`,
    ltInValue: (line) => `<row r="${line}"><c r="A${line}" x="a<b"><v>1</v></c></row>`,
    ltInTag: (line) => `<row r="${line}"><c r="A${line}"<v>1</v></c></row>`,
    ltInRowTag: (line) => `<row r="${line}" spans="1<2">${rowCells(line).join('')}</row>`,
  };

  it('stops the read at once, with the rows before it read and an issue naming the part', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...Object.keys(BROKEN)),
        fc.boolean(),
        async (broken, after, kind, quoteless) => {
          const rows = [HEADER];
          for (let line = 2; line < broken; line++)
            rows.push(`<row r="${line}">${rowCells(line).join('')}</row>`);
          rows.push((BROKEN[kind] as (line: number) => string)(broken));
          // The rows after it: with attributes, or with none (then no quote closes one left open).
          for (let line = broken + 1; line <= broken + after; line++)
            rows.push(
              quoteless
                ? `<row><c><v>${line}</v></c></row>`
                : `<row r="${line}">${rowCells(line).join('')}</row>`,
            );
          const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows.join(''))));
          const expected = [];
          for (let line = 2; line < broken; line++)
            expected.push({ code: code(line), kind: 'village', households: line });
          expect(result.rows).toEqual(expected);
          expect(result.counts).toMatchObject({ read: broken - 2, rejected: 0 });
          expect(result.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([
            ['malformed_record', 'error', []],
          ]);
          expect(result.issues[0]?.message).toEqual({
            zh: '无法读取工作簿：xl/worksheets/sheet1.xml 的 XML 标签内有"<"（XML 不允许；属性值缺少引号，或部件已损坏）',
            en: 'Cannot read the workbook: an XML tag of xl/worksheets/sheet1.xml holds a "<" (XML forbids it: an attribute value lacks a quote, or the part is damaged)',
          });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('worked by hand: a quote left open before 2 MB of rows without attributes fails there, not 1 MB later', async () => {
    const rest = '<row><c><v>1</v></c></row>'.repeat(80_000);
    const xml = sheetXml(`${HEADER}${BROKEN.quoteLeftOpen?.(2)}${rest}`);
    const result = await readUnitStatisticsXlsx(workbook(xml));
    expect(result.issues.map((issue) => issue.message.en)).toEqual([
      'Cannot read the workbook: an XML tag of xl/worksheets/sheet1.xml holds a "<" (XML forbids it: an attribute value lacks a quote, or the part is damaged)',
    ]);
  });

  it('the same in the small parts: a "<" in a style\'s format code', async () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[<0]0"/></numFmts><cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>';
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(HEADER), { styles }));
    expect(result.issues[0]?.message.en).toBe(
      'Cannot read the workbook: an XML tag of xl/styles.xml holds a "<" (XML forbids it: an attribute value lacks a quote, or the part is damaged)',
    );
  });
});
