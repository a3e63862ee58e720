// Cell values an .xlsx reader must not invent: a date shifted by the reader's time zone, the first shared string
// for a cell with no index, a zero for a number cell with no number, a hex or binary literal read as a number.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { inlineRow, sharedStringsXml, sheetXml, workbook } from './xlsx-fixtures.js';

const HEADER = inlineRow(1, ['code', 'kind', 'name']);
const CODE = '130123100201';
const KEY_CELLS = `<c r="A2" t="inlineStr"><is><t>${CODE}</t></is></c><c r="B2" t="inlineStr"><is><t>village</t></is></c>`;

/** Reads a sheet whose row 2 has the given XML as its third cell (the name column). */
async function readName(cell: string, sharedStrings?: string) {
  const sheet = sheetXml(`${HEADER}<row r="2">${KEY_CELLS}${cell}</row>`);
  return readUnitStatisticsXlsx(workbook(sheet, sharedStrings === undefined ? {} : { sharedStrings }));
}

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('a date cell (t="d")', () => {
  it('is the date as written, whatever the time zone of the reader (generated dates and times)', async () => {
    const when = fc.record({
      date: fc.date({
        min: new Date(Date.UTC(1900, 0, 1)),
        max: new Date(Date.UTC(2099, 11, 31)),
        noInvalidDate: true,
      }),
      time: fc.constantFrom('', 'T00:00:00', 'T00:30:00.000', 'T23:59:59', 'T12:00:00Z', 'T01:00:00+09:00'),
      zone: fc.constantFrom('Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'),
    });
    await fc.assert(
      fc.asyncProperty(when, async ({ date, time, zone: tz }) => {
        process.env.TZ = tz;
        const written = date.toISOString().slice(0, 10);
        const result = await readName(`<c r="C2" t="d"><v>${written}${time}</v></c>`);
        expect(result.rows).toEqual([{ code: CODE, kind: 'village', name: written }]);
      }),
      { numRuns: 120 },
    );
  });

  it('worked by hand: midnight in Shanghai is that day; a value that is no ISO date is kept as written', async () => {
    process.env.TZ = 'Asia/Shanghai';
    expect((await readName('<c r="C2" t="d"><v>2024-01-01T00:00:00</v></c>')).rows[0]?.name).toBe(
      '2024-01-01',
    );
    expect((await readName('<c r="C2" t="d"><v>12</v></c>')).rows[0]?.name).toBe('12'); // was 2001-12-01
  });
});

describe('a shared-string cell (t="s")', () => {
  const sst = sharedStringsXml(['FIRST', 'second']);

  it('with no index (no <v>, an empty or blank one) is a blank cell, never the first string', async () => {
    for (const cell of [
      '<c r="C2" t="s"/>',
      '<c r="C2" t="s"><v></v></c>',
      '<c r="C2" t="s"><v> \n</v></c>',
    ]) {
      const result = await readName(cell, sst);
      expect(result.rows).toEqual([{ code: CODE, kind: 'village' }]);
    }
  });

  it('with an index that is not a whole number written in digits is rejected (generated)', async () => {
    const notDigits = fc
      .oneof(
        fc.constantFrom('0x1', '0b1', '0o1', '1e0', '+1', '-0', '1.0', '.0', 'Infinity', '1 1'),
        fc.string({ minLength: 1, maxLength: 6 }),
      )
      .filter((text) => /\S/.test(text) && !/^\s*\d+\s*$/.test(text) && !/[<&]/.test(text));
    await fc.assert(
      fc.asyncProperty(notDigits, async (index) => {
        const result = await readName(`<c r="C2" t="s"><v>${index}</v></c>`, sst);
        expect(result.rows).toEqual([]);
        expect(result.rejected.map((row) => row.issues[0]?.message.en)).toEqual([
          'Cell C2 refers to a shared string that does not exist; row rejected',
        ]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a number cell', () => {
  it('with no number in its value (white space only) is blank, not 0', async () => {
    for (const value of [' ', '\n', '\t \n'])
      expect((await readName(`<c r="C2"><v>${value}</v></c>`)).rows).toEqual([
        { code: CODE, kind: 'village' },
      ]);
  });

  it('whose value is not a decimal number (hex, binary, octal, Infinity) is kept as written (generated)', async () => {
    const literal = fc.oneof(
      fc.nat().map((n) => `0x${n.toString(16)}`),
      fc.nat().map((n) => `0b${n.toString(2)}`),
      fc.nat().map((n) => `0o${n.toString(8)}`),
      fc.constantFrom('Infinity', '-Infinity', '+Infinity'),
    );
    await fc.assert(
      fc.asyncProperty(literal, async (value) => {
        const result = await readName(`<c r="C2"><v>${value}</v></c>`);
        expect(result.rows).toEqual([{ code: CODE, kind: 'village', name: value }]);
      }),
      { numRuns: 60 },
    );
  });

  it('in exponent form or with a sign still reads as the number (unchanged)', async () => {
    for (const [value, text] of [
      ['1.30123100201E11', '130123100201'],
      ['-2.5e-1', '-0.25'],
      ['+7', '7'],
      [' 42 ', '42'],
    ])
      expect((await readName(`<c r="C2"><v>${value}</v></c>`)).rows[0]?.name).toBe(text);
  });
});
