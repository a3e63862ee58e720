import { fc, test } from '@fast-check/vitest';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import { xlsxNumberCell } from '../../src/io/write.js';
import { tablesToXlsx } from '../../src/io/xlsx.js';

// A number cell of `tablesToXlsx` used to be written as it was: `110105491231002` (a 15-digit ID number) in full in
// sheet1.xml, and `NaN` or `Infinity` as a number, which Excel repairs.

/** Every part of a workbook as text. */
function parts(bytes: Uint8Array): string[] {
  return Object.values(unzipSync(bytes)).map((part) => strFromU8(part));
}

describe('xlsxNumberCell', () => {
  it('worked by hand', () => {
    expect(xlsxNumberCell(26.5)).toBe(26.5);
    expect(xlsxNumberCell(-0.25)).toBe(-0.25);
    expect(xlsxNumberCell(Number.NaN)).toBe('NaN');
    expect(xlsxNumberCell(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(xlsxNumberCell(11010519491231)).toBe(11010519491231); // 14 digits: no ID number
    expect(xlsxNumberCell(110105491231002)).toBe('110105******002');
    expect(xlsxNumberCell(110105194912310020)).toBe(maskIdNumbersInText('110105194912310020'));
  });
});

describe('tablesToXlsx number cells', () => {
  const idNumbers = fc
    .tuple(fc.integer({ min: 110000, max: 659999 }), fc.integer({ min: 0, max: 999_999_999 }))
    .map(([area, rest]) => Number(`${area}${String(rest).padStart(9, '0')}`)); // 15 digits, old ID numbers' form
  test.prop([fc.array(fc.oneof(fc.double(), idNumbers, fc.integer()), { minLength: 1, maxLength: 8 })], {
    numRuns: 40,
  })('write no ID number and no number a workbook cannot hold', async (numbers) => {
    const bytes = await tablesToXlsx([
      { name: 'S', table: { header: ['n'], rows: numbers.map((n) => [n]) } },
    ]);
    for (const part of parts(bytes)) {
      expect(maskIdNumbersInText(part)).toBe(part);
      expect(part).not.toMatch(/<v>[^<]*(NaN|Infinity)/);
    }
  });
});
