// Two numbers side by side — a bound and the value that broke it, "值应不大于 9007199254740991（12310500000000000000）" —
// are two numbers: two stretches of 15 or more ID characters each, written without a separator, are each read alone,
// no window joining the end of one to the start of the other. A shorter stretch is still joined to its neighbours:
// an ID number written in groups, or 16 digits and a 17th after a bracket (test/io/xlsx-sheet-names.test.ts).

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/index.js';
import { readUnitStatistics, rejectedRowsToCsv } from '../../src/io/index.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';

const FULL_WIDTH_OFFSET = 0xfee0;
const wide = (text: string) =>
  Array.from(text, (ch) =>
    /[0-9X]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET) : ch,
  ).join('');

/** Every separator the masker documents, but the asterisks (the mask character: they stay inside a number). */
const SEPARATORS = [
  '\t',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u200b',
  '\u200d',
  '\u202f',
  '\u205f',
  '\u2060',
  '\u3000',
  '\ufeff',
  '-',
  '\u2010',
  '\u2014',
  '\u2015',
  '\u2212',
  '\ufe58',
  '\ufe63',
  '\uff0d',
  '.',
  '\u00b7',
  '\u2027',
  '\u30fb',
  '\uff0e',
  '\uff65',
  '_',
  '\uff3f',
  '/',
  '\\',
  '\uff0f',
  '\uff3c',
  '~',
  '\uff5e',
  '(',
  ')',
  '\uff08',
  '\uff09',
  '[',
  ']',
  '\u3010',
  '\u3011',
];
/** Characters that end a run anyway: punctuation, letters, CJK. */
const ENDERS = ['，', '；', '：', ',', ';', ':', '"', '值', '于', 'a', '|', '\n', '…'];

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** An 18-, 17- or 15-character ID number with a real birth date. */
const idNumber = fc
  .record({
    province: fc.constantFrom('11', '13', '31', '44', '65', '83'),
    county: digits(4, 4),
    date: fc.date({
      min: new Date('1800-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: digits(3, 3),
    check: fc.constantFrom('0', '7', 'X'),
    length: fc.constantFrom(18, 17, 15),
  })
  .map(({ province, county, date, sequence, check, length }) => {
    const ymd = date.toISOString().slice(0, 10).replace(/-/g, '');
    if (length === 15) return `${province}${county}${ymd.slice(2)}${sequence}`;
    return `${province}${county}${ymd}${sequence}${length === 18 ? check : ''}`;
  })
  .filter((id) => findIdNumbers(id).length > 0);

/** A number of 15 or more characters written without separators: any digits, an ID number, one inside digits. */
const longNumber = fc
  .oneof(
    digits(15, 24),
    idNumber,
    fc.tuple(digits(0, 4), idNumber, digits(0, 4)).map((parts) => parts.join('')),
  )
  .filter((text) => text.length >= 15)
  .chain((text) => fc.constantFrom(text, wide(text)));

/** What stands between them: separators and run enders, never a lone dot (a decimal number is read as one). */
const between = fc
  .array(fc.constantFrom(...SEPARATORS, ...ENDERS), { minLength: 1, maxLength: 3 })
  .map((chars) => chars.join(''))
  .filter((text) => text !== '.');

describe('two numbers side by side are two numbers', () => {
  it('worked by hand: a bound and the value that broke it, in the reason of a rejected row', () => {
    const read = readUnitStatistics(
      '统计用区划代码,类型,户数\n130123100201,村委会,12310500000000000000\n130123100202,村委会,11010519491231002X\n',
    );
    const csv = rejectedRowsToCsv(read.rejected, read.header).split('\r\n');
    expect(csv[1]).toBe(
      '2,130123100201,村委会,12310500000000000000,户数：值应不大于 9007199254740991（12310500000000000000）',
    );
    // An ID number in the cell is still masked, in the cell and in the reason.
    expect(csv[2]).toMatch(/^3,130123100202,村委会,110105\*{8}002X,户数：.*（110105\*{8}002X）$/);
    const en = rejectedRowsToCsv(read.rejected, read.header, { lang: 'en' }).split('\r\n');
    expect(en[1]).toBe(
      '2,130123100201,村委会,12310500000000000000,户数: The value must be at most 9007199254740991 (12310500000000000000)',
    );
  });

  it.each([
    ['9007199254740991（12310500000000000000）', '9007199254740991（12310500000000000000）'],
    ['at most 9007199254740991 (12310500000000000000)', 'at most 9007199254740991 (12310500000000000000)'],
    ['9007199254740991（11010519491231002X）', '9007199254740991（110105********002X）'],
    ['11010519491231002X 9007199254740991', '110105********002X 9007199254740991'],
    // A stretch under 15 characters is still joined to its neighbours: an ID number written as a person writes it.
    ['110105（19491231）002X', '110105（********）002X'],
    ['1101051949 1231002X', '110105**** ****002X'],
    ['1101051949123100 (2)', '110105********00 (2)'],
    [
      '9007199254740991（１１０１０５１９４９１２３１００２Ｘ）',
      '9007199254740991（１１０１０５********００２Ｘ）',
    ],
    // The mask character stays inside the number it masked: masking again changes nothing.
    ['110105********002X 12310500000000000000', '110105********002X 12310500000000000000'],
  ])('%s → %s', (text, masked) => {
    expect(maskIdNumbersInText(text)).toBe(masked);
  });

  test.prop([longNumber, between, longNumber])(
    'two numbers of 15 or more characters each are masked each as it would be alone',
    (first, separator, second) => {
      const masked = maskIdNumbersInText(first + separator + second);
      expect(masked).toBe(maskIdNumbersInText(first) + separator + maskIdNumbersInText(second));
      // Each alone is masked when it holds an ID number (the independent detector's reading).
      for (const part of [first, second])
        if (findIdNumbers(part).length > 0) expect(maskIdNumbersInText(part)).not.toBe(part);
      expect(findIdNumbers(masked)).toEqual([]);
      expect(maskIdNumbersInText(masked)).toBe(masked);
    },
  );

  it('every variant of an ID number listed in the issue is still found and masked', () => {
    for (const variant of ID_VARIANTS) {
      expect(findIdNumbers(variant)).not.toEqual([]);
      expect(findIdNumbers(maskIdNumbersInText(variant))).toEqual([]);
    }
  });
});
