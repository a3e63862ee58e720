/**
 * A number in a date-styled cell reads as its date `YYYY-MM-DD` when it is a date of the years 0001–9999, else as the
 * number's text (Excel shows `####`), in both date systems: never a cut expanded year. (A serial past 9999-12-31 read as
 * `+012345-0`, ten characters of an expanded ISO year.)
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readUnitStatisticsXlsx } from '../../src/io/xlsx.js';
import { inlineRow, sheetXml, workbook } from './xlsx-fixtures.js';

const HEADER = ['统计用区划代码', '类型', '备注'];
const STYLES = '<styleSheet><numFmts/><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';

async function remarkOf(serial: number, date1904: boolean): Promise<string | undefined> {
  const data = `<row r="2"><c r="A2"><v>130123100201</v></c><c r="B2" t="inlineStr"><is><t>村委会</t></is></c><c r="C2" s="1"><v>${serial}</v></c></row>`;
  const result = await readUnitStatisticsXlsx(
    workbook(sheetXml(inlineRow(1, HEADER) + data), { styles: STYLES, date1904 }),
  );
  return result.accepted[0]?.extra?.备注;
}

describe('date-styled numbers', () => {
  it('worked by hand: the last date Excel has, the day after, and far past it', async () => {
    expect(await remarkOf(2_958_465, false)).toBe('9999-12-31');
    expect(await remarkOf(2_958_466, false)).toBe('2958466');
    expect(await remarkOf(3e9, false)).toBe('3000000000');
  });

  test.prop(
    [
      fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -3e9, max: 3e9 })),
      fc.boolean(),
    ],
    { numRuns: 60 },
  )('a date of the years 0001–9999 or the number as written', async (serial, date1904) => {
    const remark = await remarkOf(serial, date1904);
    if (remark === undefined) return; // a blank cell (never for a number, but harmless)
    expect(/^\d{4}-\d{2}-\d{2}$/.test(remark) || remark === String(serial)).toBe(true);
  });
});
