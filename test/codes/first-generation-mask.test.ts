import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { classifyCode, maskIdNumber, maskIdNumbersInText, readUnitStatistics } from '../../src/index.js';
import { rejectedRowModel } from '../../src/report/index.js';
import { renderRows } from '../../src/report/render.js';
import { runMain } from '../helpers/run-main.js';

// A first-generation ID number (15 digits: address, YYMMDD, sequence) loses its whole birth date in every form the
// library shows it — maskIdNumber kept its last 4 characters, the last of which is the day's last digit, so
// check-code, a rejected row's cell and a masked person showed it, while the text masker hid all six. So does an
// 18-character number written without its check character (17 digits: address, YYYYMMDD, sequence), whose 18th
// anyone can compute again: the second reading of session 14 found maskIdNumber showing its day's last digit too.
const firstGeneration = fc
  .record({
    address: fc.constantFrom('110105', '130123', '440304', '650102'),
    date: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('1999-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
    withoutCheck: fc.boolean(),
  })
  .map(({ address, date, sequence, withoutCheck }) => {
    const ymd = date
      .toISOString()
      .slice(withoutCheck ? 0 : 2, 10)
      .replace(/-/g, '');
    return { id: `${address}${ymd}${String(sequence).padStart(3, '0')}`, dateLength: ymd.length };
  });

/** Whether a shown form of the number keeps any character of its birth date at its place. */
const showsDate = (shown: string, id: string, dateLength: number) => {
  const at = shown.indexOf(id.slice(0, 6));
  return at < 0 || [...shown.slice(at + 6, at + 6 + dateLength)].some((ch) => ch !== '*');
};

describe('a first-generation ID number', () => {
  test.prop([firstGeneration])(
    'keeps no digit of its birth date in maskIdNumber and classifyCode',
    ({ id, dateLength }) => {
      const masked = maskIdNumber(id);
      expect(masked).toBe(`${id.slice(0, 6)}${'*'.repeat(dateLength)}${id.slice(6 + dateLength)}`);
      expect(masked).toBe(maskIdNumbersInText(id));
      expect(showsDate(classifyCode(id).display, id, dateLength)).toBe(false);
    },
  );

  test.prop([firstGeneration], { numRuns: 20 })(
    'nor in check-code, table or JSON',
    async ({ id, dateLength }) => {
      for (const format of ['table', 'json']) {
        const run = await runMain(['check-code', '--format', format, id], { LANG: 'C.UTF-8' });
        expect(showsDate(run.stdout, id, dateLength), run.stdout).toBe(false);
      }
    },
  );

  test.prop([firstGeneration])('nor in the cell of a rejected row', ({ id, dateLength }) => {
    const read = readUnitStatistics(`统计用区划代码,类型,户数\n${id},村委会,1\n`);
    const csv = renderRows('csv', rejectedRowModel(read.rejected, read.header), read.rejected, {});
    expect(showsDate(csv, id, dateLength), csv).toBe(false);
  });
});
