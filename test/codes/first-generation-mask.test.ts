import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { classifyCode, maskIdNumber, maskIdNumbersInText, readUnitStatistics } from '../../src/index.js';
import { rejectedRowModel } from '../../src/report/index.js';
import { renderRows } from '../../src/report/render.js';
import { runMain } from '../helpers/run-main.js';

// A first-generation ID number (15 digits: address, YYMMDD, sequence) loses its whole birth date in every form the
// library shows it — maskIdNumber kept its last 4 characters, the last of which is the day's last digit, so
// check-code, a rejected row's cell and a masked person showed it, while the text masker hid all six.
const firstGeneration = fc
  .record({
    address: fc.constantFrom('110105', '130123', '440304', '650102'),
    date: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('1999-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ address, date, sequence }) => {
    const yymmdd = date.toISOString().slice(2, 10).replace(/-/g, '');
    return { id: `${address}${yymmdd}${String(sequence).padStart(3, '0')}`, yymmdd };
  });

/** Whether a shown form of the number keeps any character of its birth date at its place. */
const showsDate = (shown: string, id: string) => {
  const at = shown.indexOf(id.slice(0, 6));
  return at < 0 || [...shown.slice(at + 6, at + 12)].some((ch) => ch !== '*');
};

describe('a first-generation ID number', () => {
  test.prop([firstGeneration])(
    'keeps no digit of its birth date in maskIdNumber and classifyCode',
    ({ id }) => {
      const masked = maskIdNumber(id);
      expect(masked).toBe(`${id.slice(0, 6)}******${id.slice(12)}`);
      expect(masked).toBe(maskIdNumbersInText(id));
      expect(showsDate(classifyCode(id).display, id)).toBe(false);
    },
  );

  test.prop([firstGeneration], { numRuns: 20 })('nor in check-code, table or JSON', async ({ id }) => {
    for (const format of ['table', 'json']) {
      const run = await runMain(['check-code', '--format', format, id], { LANG: 'C.UTF-8' });
      expect(showsDate(run.stdout, id), run.stdout).toBe(false);
    }
  });

  test.prop([firstGeneration])('nor in the cell of a rejected row', ({ id }) => {
    const read = readUnitStatistics(`统计用区划代码,类型,户数\n${id},村委会,1\n`);
    const csv = renderRows('csv', rejectedRowModel(read.rejected, read.header), read.rejected, {});
    expect(showsDate(csv, id), csv).toBe(false);
  });
});
