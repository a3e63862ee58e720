// Row numbers out of order or repeated, row numbers that are not digits, and two cells in one column: Excel never
// writes them (it calls such a file corrupt); a reader must neither overwrite one value with another in silence nor
// read a row at a line that another row holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { inlineRow, sheetXml, workbook } from './xlsx-fixtures.js';

const HEADER = inlineRow(1, ['code', 'kind']);
const code = (n: number) => `1301231002${String(10 + n).padStart(2, '0')}`;
const cells = (line: number, n: number) =>
  `<c r="A${line}" t="inlineStr"><is><t>${code(n)}</t></is></c><c r="B${line}" t="inlineStr"><is><t>village</t></is></c>`;

describe('row numbers out of order or repeated (generated)', () => {
  it('every data row is accepted in order or rejected with its line; counts add up (a row out of order is read, its line may have been blank)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 2, max: 12 }), { minLength: 1, maxLength: 12 }),
        async (lines) => {
          const xml = lines.map((line, n) => `<row r="${line}">${cells(line, n)}</row>`).join('');
          const result = await readUnitStatisticsXlsx(workbook(sheetXml(HEADER + xml)));
          // Nothing lost: each row's code is in an accepted or a rejected row.
          const seen = [...result.rows.map((row) => row.code), ...result.rejected.map((row) => row.cells[0])];
          expect(seen.sort()).toEqual(lines.map((_, n) => code(n)).sort());
          // The accepted rows are those whose number is above every number before them, each at its own line.
          const inOrder: string[] = [];
          let last = 1;
          lines.forEach((line, n) => {
            if (line <= last) return;
            last = line;
            inOrder.push(code(n));
          });
          expect(result.rows.map((row) => row.code)).toEqual(inOrder);
          const acceptedLines = result.accepted.map((row) => row.line);
          expect(new Set(acceptedLines).size).toBe(acceptedLines.length);
          // Counts add up to the sheet's rows: header + blank + read, the rows out of order counted as read only.
          const highest = Math.max(...lines);
          expect(1 + result.counts.blankLines + result.counts.read - (lines.length - inOrder.length)).toBe(
            highest,
          );
          for (const row of result.rejected)
            expect(row.issues[0]?.message.en).toMatch(/^Row \d+ comes after row \d+: .*row rejected$/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('worked by hand: a row number that is not digits is no row number (1e3 and 0x10 do not jump ahead)', async () => {
    for (const r of ['1e3', '0x10', '2.0', ' 3 ', '-2', ''])
      expect(
        (
          await readUnitStatisticsXlsx(workbook(sheetXml(`${HEADER}<row r="${r}">${cells(2, 0)}</row>`)))
        ).accepted.map((row) => row.line),
      ).toEqual([2]);
  });
});

describe('two cells in one column of a row (generated)', () => {
  it('reject the row, naming the cell, whichever column is repeated and however the cells say so', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('A', 'B', 'C'),
        fc.boolean(),
        fc.string({ minLength: 1, maxLength: 5 }).filter((text) => /^[a-z0-9]+$/i.test(text)),
        async (column, withoutR, text) => {
          const repeat = withoutR && column !== 'A' ? '' : ` r="${column}2"`;
          const before =
            withoutR && column !== 'A' ? `<c r="${String.fromCharCode(column.charCodeAt(0) - 1)}2"/>` : '';
          const row = `<row r="2">${cells(2, 0)}<c r="C2" t="inlineStr"><is><t>x</t></is></c>${before}<c${repeat} t="inlineStr"><is><t>${text}</t></is></c></row>`;
          const result = await readUnitStatisticsXlsx(
            workbook(sheetXml(inlineRow(1, ['code', 'kind', 'name']) + row)),
          );
          expect(result.rows).toEqual([]);
          expect(result.rejected.map((r) => r.issues.map((i) => i.message.en))).toEqual([
            [`Cell ${column}2 appears twice in the row; row rejected`],
          ]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('worked by hand: an empty cell repeated, or beside a filled one, loses nothing and is no problem', async () => {
    const row = `<row r="2">${cells(2, 0)}<c r="A2"/><c r="C2"/><c r="C2"/></row>`;
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(HEADER + row)));
    expect(result.rows).toEqual([{ code: code(0), kind: 'village' }]);
  });
});

describe('a row number that is an ID number', () => {
  it('is not echoed as the line of the limit issue: the line is the first past the limit (generated IDs)', async () => {
    const { maskIdNumbersInText } = await import('../../src/core/mask.js');
    const { XLSX_LIMITS } = await import('../../src/io/xlsx.js');
    const id = fc
      .record({
        area: fc.constantFrom('110105', '130123', '440305'),
        birth: fc.date({
          min: new Date(Date.UTC(1950, 0, 1)),
          max: new Date(Date.UTC(2009, 11, 31)),
          noInvalidDate: true,
        }),
        serial: fc.integer({ min: 0, max: 999 }),
        long: fc.boolean(),
      })
      .map(({ area, birth, serial, long }) => {
        const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
        return `${area}${long ? date : date.slice(2)}${String(serial).padStart(3, '0')}${long ? '1' : ''}`;
      });
    await fc.assert(
      fc.asyncProperty(id, async (r) => {
        const result = await readUnitStatisticsXlsx(
          workbook(sheetXml(`${HEADER}<row r="${r}">${cells(2, 0)}</row>`)),
        );
        const stop = result.issues.find((issue) => issue.code === 'limit_exceeded');
        expect(stop?.line).toBe(XLSX_LIMITS.maxRows + 1);
        for (const issue of result.issues)
          expect(String(issue.line)).toBe(maskIdNumbersInText(String(issue.line)));
      }),
      { numRuns: 40 },
    );
  });
});
