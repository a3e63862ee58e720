// An ID number written in two groups is one number, whatever is glued to the groups: `000000000000000110105
// 19491231002X000` holds 110105 19491231002X. Session 15's masker read two stretches of 15 or more characters each as
// two numbers (to keep a rejected row's bound and value whole), and so left every ID number cut by a separator with
// 12 ID characters (or 2 and some asterisks) glued around it unmasked — in a cell, a rejected row, any output.

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/index.js';
import { readUnitStatistics, rejectedRowsToCsv } from '../../src/io/index.js';
import { findIdNumbers } from '../helpers/id-leaks.js';

const FULL_WIDTH_OFFSET = 0xfee0;
const wide = (text: string) =>
  Array.from(text, (ch) =>
    /[0-9X*]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET) : ch,
  ).join('');

/** Separators the masker documents, a lone dot aside (a decimal number's fraction is read as a float). */
const SEPARATORS = [
  ' ',
  '\t',
  '\u3000',
  '\u200b',
  '-',
  '\u2014',
  '_',
  '/',
  '\\',
  '~',
  '*',
  '(',
  ')',
  '（',
  '）',
  '【',
  '】',
  '[',
  ']',
  '·',
];

const digits = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

/** An 18-, 17- or 15-character ID number with a real birth date, and where its birth date is. */
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
    if (length === 15) return { id: `${province}${county}${ymd.slice(2)}${sequence}`, dateLength: 6 };
    return { id: `${province}${county}${ymd}${sequence}${length === 18 ? check : ''}`, dateLength: 8 };
  })
  .filter(({ id }) => findIdNumbers(id).length > 0);

/** ID characters glued to a group: digits, X, or a digit and asterisks (what a masked number is made of). */
const glue = fc.oneof(
  digits(0, 20),
  digits(12, 16),
  fc.integer({ min: 1, max: 16 }).map((stars) => `0${'*'.repeat(stars)}`),
  fc.constantFrom('11010519491231002X', '110105********002X', 'XXXXXXXXXXXXXXX'),
);

/** The ID number cut once or twice by separators, glued to ID characters on both sides (none after 17 digits). */
const written = fc
  .record({
    number: idNumber,
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 2 }),
    separator: fc
      .array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 3 })
      .map((s) => s.join('')),
    before: glue,
    after: glue,
    wideText: fc.boolean(),
  })
  .map(({ number, cuts, separator, before, after, wideText }) => {
    const { id, dateLength } = number;
    const points = cuts.filter((cut) => cut < id.length).sort((a, b) => a - b);
    const groups: string[] = [];
    let from = 0;
    for (const point of [...points, id.length]) {
      groups.push(id.slice(from, point));
      from = point;
    }
    const tail = id.length === 17 ? '' : after;
    const text = `${before}${separator === '*' ? ' ' : ''}${groups.join(separator)}${tail}`;
    return {
      text: wideText ? wide(text) : text,
      id,
      dateLength,
      start: before.length + (separator === '*' ? 1 : 0),
      separator,
      points,
    };
  });

/** The characters of the ID number's birth date in the masked text. */
function dateCharacters(
  masked: string,
  w: { id: string; dateLength: number; start: number; separator: string; points: number[] },
): string[] {
  const shown: string[] = [];
  let at = w.start;
  for (let k = 0; k < w.id.length; k++) {
    if (w.points.includes(k)) at += w.separator.length;
    if (k >= 6 && k < 6 + w.dateLength) shown.push(masked[at] as string);
    at++;
  }
  return shown;
}

describe('an ID number written in groups is masked whatever is glued to them', () => {
  it.each([
    '000000000000000110105 19491231002X000',
    '11010519491231002X110 10519491231002X',
    '0**************110105 19491231002X***0',
    '123456789012110（10519491231002X）',
    '0000000000000011 010519491231002',
    '000000000000000110105\t491231002000000000',
  ])('%s: no ID number left', (text) => {
    const masked = maskIdNumbersInText(text);
    expect(masked).not.toBe(text);
    expect(findIdNumbers(masked)).toEqual([]);
    expect(maskIdNumbersInText(masked)).toBe(masked);
  });

  test.prop([written], { numRuns: 400 })('every character of its birth date is masked', (w) => {
    const masked = maskIdNumbersInText(w.text);
    expect(dateCharacters(masked, w).every((ch) => ch === '*')).toBe(true);
    expect(findIdNumbers(masked)).toEqual([]);
    expect(maskIdNumbersInText(masked)).toBe(masked);
  });

  it('in a rejected row: the cell and the reason', () => {
    const read = readUnitStatistics(
      '统计用区划代码,类型,户数\n130123100201,村委会,000000000000000110105 19491231002X000\n',
    );
    const csv = rejectedRowsToCsv(read.rejected, read.header);
    expect(csv).not.toContain('19491231');
    expect(findIdNumbers(csv)).toEqual([]);
  });
});
