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
  it('every data row is accepted in order or rejected with its line; counts add up (a row out of order takes its blank line over; a repeated number is a second record on its line)', async () => {
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
          // Counts add up to the sheet's rows: header + blank + read, a row whose number an earlier row holds being a
          // second record on its line (a row out of order onto a line missing so far takes that blank line over).
          const highest = Math.max(...lines);
          const repeated = lines.filter((line, n) => lines.indexOf(line) < n).length;
          expect(1 + result.counts.blankLines + result.counts.read - repeated).toBe(highest);
          for (const row of result.rejected)
            expect(row.issues[0]?.message.en).toMatch(/^Row \d+ comes after row \d+: .*row rejected$/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('shuffled sheets (blank rows, empty row elements, gaps, repeats): header + blank + read = last row + repeated rows', async () => {
    // A sheet's data rows 2..n, each filled, blank (white space only) or an empty element, some missing, in any order,
    // some numbers written twice.
    const kind = fc.constantFrom('filled', 'filled', 'filled', 'spaces', 'empty', 'missing');
    await fc.assert(
      fc.asyncProperty(
        fc.array(kind, { minLength: 1, maxLength: 14 }).chain((kinds) =>
          fc.tuple(
            fc.constant(kinds),
            fc.shuffledSubarray(
              kinds.map((_, i) => i + 2),
              { minLength: kinds.length, maxLength: kinds.length },
            ),
            fc.array(fc.integer({ min: 2, max: kinds.length + 1 }), { maxLength: 3 }),
          ),
        ),
        async ([kinds, order, repeats]) => {
          const element = (line: number, n: number) => {
            const what = kinds[line - 2];
            if (what === 'missing') return '';
            if (what === 'empty') return `<row r="${line}"/>`;
            if (what === 'spaces')
              return `<row r="${line}"><c r="A${line}" t="inlineStr"><is><t xml:space="preserve">  </t></is></c></row>`;
            return `<row r="${line}">${cells(line, n)}</row>`;
          };
          const written = [...order, ...repeats];
          const xml = written.map((line, n) => element(line, n)).join('');
          const result = await readUnitStatisticsXlsx(workbook(sheetXml(HEADER + xml)));
          // The last row is the highest number written (an empty element counts: the sheet holds a row there).
          const present = written.filter((line) => kinds[line - 2] !== 'missing');
          const highest = Math.max(1, ...present);
          // A repeated row: a filled one whose number an earlier filled row already holds.
          const filled = written.map((line, n) => (kinds[line - 2] === 'filled' ? line : -n - 1));
          const repeatedRows = filled.filter((line, n) => line > 0 && filled.indexOf(line) < n).length;
          const { blankLines, read, titleLines } = result.counts;
          expect(titleLines).toBe(0);
          expect(1 + blankLines + read - repeatedRows).toBe(highest);
          // Blank lines are the lines up to the last that hold no filled row.
          const filledLines = new Set(filled.filter((line) => line > 0));
          expect(blankLines).toBe(highest - 1 - filledLines.size);
          // Nothing lost: every filled row is accepted or rejected, and the rejects say which kind of disorder.
          expect(read).toBe(filled.filter((line) => line > 0).length);
          const messages = result.rejected.map((row) => row.issues[0]?.message.en);
          expect(messages.filter((m) => m?.includes('its number is repeated')).length).toBe(repeatedRows);
          for (const message of messages)
            expect(message).toMatch(
              /^Row \d+ comes after row \d+: (the sheet's rows are out of order|its number is repeated \(line \d+ already holds a row\)); row rejected$/,
            );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('worked by hand: rows 4, 2, 3, 3 and an empty row 2: two lines taken over, one repeat, the empty row nothing', async () => {
    const xml = [4, 2, 3, 3].map((line, n) => `<row r="${line}">${cells(line, n)}</row>`).join('');
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(`${HEADER}${xml}<row r="2"/>`)));
    expect(result.accepted.map((row) => row.line)).toEqual([4]);
    expect(result.rejected.map((row) => [row.line, row.issues.map((issue) => issue.message)])).toEqual([
      [
        2,
        [
          {
            zh: '第 2 行排在第 4 行之后：工作表的行顺序错乱，此行拒收',
            en: "Row 2 comes after row 4: the sheet's rows are out of order; row rejected",
          },
        ],
      ],
      [
        3,
        [
          {
            zh: '第 3 行排在第 4 行之后：工作表的行顺序错乱，此行拒收',
            en: "Row 3 comes after row 4: the sheet's rows are out of order; row rejected",
          },
        ],
      ],
      [
        3,
        [
          {
            zh: '第 3 行排在第 4 行之后：行号重复（第 3 行已有一行），此行拒收',
            en: 'Row 3 comes after row 4: its number is repeated (line 3 already holds a row); row rejected',
          },
        ],
      ],
    ]);
    // Lines 1–4: the header, three rows; a fourth record (the repeated 3). Nothing counted blank.
    expect(result.counts).toEqual({ read: 4, accepted: 1, rejected: 3, blankLines: 0, titleLines: 0 });
  });

  it('worked by hand: a row out of order whose only cell is over-long or a broken reference is rejected, not skipped', async () => {
    const long = 'x'.repeat(40_000);
    const rows = `${HEADER}<row r="5">${cells(5, 0)}</row><row r="3"><c r="A3" t="inlineStr"><is><t>${long}</t></is></c></row><row r="4"><c r="A4" t="s"><v>7</v></c></row>`;
    const result = await readUnitStatisticsXlsx(workbook(sheetXml(rows)));
    expect(result.rejected.map((row) => row.line)).toEqual([3, 4]);
    expect(result.counts).toEqual({ read: 3, accepted: 1, rejected: 2, blankLines: 1, titleLines: 0 });
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
