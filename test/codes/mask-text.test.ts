import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/index.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';

const FULL_WIDTH_OFFSET = 0xfee0;
const SEPARATORS = [
  ' ',
  '\t',
  '\u3000',
  '-',
  '\u2014',
  '\uff0d',
  '.',
  '\u00b7',
  '_',
  '/',
  '\uff0f',
  '\u200b',
  '\u00a0',
];
const PROVINCES = ['11', '13', '31', '44', '65', '71', '81', '82', '83'];

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/**
 * An 18- or 15-character ID number with a real birth date, check character not necessarily right, or an 18-character
 * one without its check character (17 digits: anyone can compute the 18th again).
 */
const idNumber = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    county: digits(4),
    date: fc.date({
      min: new Date('1800-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: digits(3),
    check: fc.constantFrom('0', '5', '9', 'X', 'x'),
    length: fc.constantFrom(18, 17, 15),
  })
  .map(({ province, county, date, sequence, check, length }) => {
    const ymd = date.toISOString().slice(0, 10).replace(/-/g, '');
    if (length === 15) return `${province}${county}${ymd.slice(2)}${sequence}`;
    return `${province}${county}${ymd}${sequence}${length === 18 ? check : ''}`;
  })
  .filter((id) => id.length === 18 || findIdNumbers(id).length > 0);

/** The same number written as a person might: some characters full-width, separators between some of them. */
const writtenIdNumber = fc
  .tuple(
    idNumber,
    fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
    fc.array(fc.option(fc.constantFrom(...SEPARATORS), { freq: 3 }), { minLength: 18, maxLength: 18 }),
  )
  .map(([id, wide, between]) =>
    Array.from(id, (ch, i) => {
      const shown = wide[i] === true ? String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET) : ch;
      return i < id.length - 1 ? shown + (between[i] ?? '') : shown;
    }).join(''),
  );

/** Text around the number: anything, including digits, letters and CJK. */
const surrounding = fc.string({
  unit: fc.constantFrom('身', '份', '证', 'I', 'D', ':', '：', ' ', ',', '\n', 'a', '7', '"', '|'),
  maxLength: 8,
});

/** Text with no ID-shaped run: words, numbers under 15 digits, division codes, dates, joined by delimiters. */
const harmlessText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '西上泽村委会',
        '正定县',
        'ok',
        '≥ 98',
        '= 100',
        '-0.5',
        '2025-12-31',
        '130123100201',
        '914403001922038216',
      ),
      fc.bigInt({ min: 0n, max: 99_999_999_999_999n }).map(String),
      // Decimals of up to 14 digits in all (a dot is a separator, so 15 digits around one could be masked).
      fc
        .tuple(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 0, max: 9_999_999 }))
        .map(([a, b]) => `${a}.${b}`),
    ),
    { maxLength: 12 },
  )
  .chain((tokens) =>
    fc.constantFrom(',', '\n', '|', '，', '"', '；').map((delimiter) => tokens.join(delimiter)),
  );

describe('maskIdNumbersInText: examples worked by hand', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['11010519491231002x', '110105********002x'],
    // Without its check character: the 18th can be computed again from these 17.
    ['身份证 11010519491231002。', '身份证 110105********002。'],
    ['１１０１０５１９４９１２３１００２Ｘ', '１１０１０５********００２Ｘ'],
    ['110105 19491231 002X', '110105 ******** 002X'],
    ['110105-1949-1231-002X', '110105-****-****-002X'],
    ['身份证11010519491231002X，电话 0311-1234567', '身份证110105********002X，电话 0311-1234567'],
    ['西上泽村11010519491231002X委会', '西上泽村110105********002X委会'],
    ['110105491231002', '110105******002'],
    // Two numbers glued together: both dates go.
    ['11010519491231002X11010519491231002X', '110105********002X110105********002X'],
    // A number after another number, separated by spaces (a table row): still found.
    ['3  11010519491231002X', '3  110105********002X'],
  ])('%s → %s', (input, masked) => {
    expect(maskIdNumbersInText(input)).toBe(masked);
  });

  it.each([
    '130123100201',
    '130123100201,西上泽村委会,612',
    '914403001922038216',
    '2025-12-31',
    '12345678901234', // 14 digits
    '00000000000000000000', // no province
    '110105 1949 1331 002X', // month 13
    '11010517491231002X', // year 1749
    '',
  ])('leaves %s unchanged', (input) => {
    expect(maskIdNumbersInText(input)).toBe(input);
  });

  it('takes another mask character, and falls back to * for one that could rebuild a number', () => {
    expect(maskIdNumbersInText('11010519491231002X', { maskCharacter: '•' })).toBe('110105••••••••002X');
    for (const bad of ['0', 'X', '-', ' ', '**', '', '\ud83d'])
      expect(maskIdNumbersInText('11010519491231002X', { maskCharacter: bad })).toBe('110105********002X');
  });

  it('gives an empty string for a non-string, and never throws on options', () => {
    expect(maskIdNumbersInText(null as unknown as string)).toBe('');
    expect(maskIdNumbersInText('11010519491231002X', null as never)).toBe('110105********002X');
    expect(maskIdNumbersInText('11010519491231002X', { maskCharacter: [] as never })).toBe(
      '110105********002X',
    );
  });

  it('masks every variant listed in the issue', () => {
    for (const variant of ID_VARIANTS) {
      expect(findIdNumbers(variant)).not.toEqual([]);
      expect(findIdNumbers(maskIdNumbersInText(variant))).toEqual([]);
    }
  });
});

describe('maskIdNumbersInText: properties', () => {
  test.prop([surrounding, writtenIdNumber, surrounding])(
    'no ID number survives, however it is written and wherever it is',
    (before, id, after) => {
      const text = before + id + after;
      expect(findIdNumbers(text)).not.toEqual([]);
      expect(findIdNumbers(maskIdNumbersInText(text))).toEqual([]);
    },
  );

  test.prop([harmlessText])('text without an ID-shaped run comes back unchanged', (text) => {
    expect(findIdNumbers(text)).toEqual([]);
    expect(maskIdNumbersInText(text)).toBe(text);
  });

  test.prop([
    fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.tuple(surrounding, writtenIdNumber, fc.string()).map((p) => p.join('')),
      // ID-shaped numbers glued into one long run of digits: the masked characters join digits into new windows
      fc
        .array(fc.oneof(writtenIdNumber, fc.stringMatching(/^\d{1,6}$/)), { minLength: 2, maxLength: 5 })
        .map((parts) => parts.join('')),
    ),
  ])('is idempotent, keeps the length, and only turns digits into *', (text) => {
    const once = maskIdNumbersInText(text);
    expect(maskIdNumbersInText(once)).toBe(once);
    expect(once).toHaveLength(text.length);
    for (let i = 0; i < text.length; i++)
      if (once[i] !== text[i]) expect([once[i], /[0-9０-９]/.test(text[i] as string)]).toEqual(['*', true]);
  });
});

describe('maskIdNumbersInText: runs where masking joins digits into a new window', () => {
  it('masks until nothing changes (found by a property test of the writers)', () => {
    // Masking the first window leaves 1010519491 and 194912310021 around the stars; the stars read as separators,
    // so 519491 19491231 002 1 is ID-shaped: its date goes too.
    const text = '10105194912310021010105194912310021';
    const once = maskIdNumbersInText(text);
    expect(once).toBe('1010519491*********************0021');
    expect(maskIdNumbersInText(once)).toBe(once);
    const hashed = maskIdNumbersInText(text, { maskCharacter: '#' });
    expect(maskIdNumbersInText(hashed, { maskCharacter: '#' })).toBe(hashed);
  });
});

describe('maskIdNumbersInText: decimal numbers', () => {
  it.each([
    '29.134883720930233',
    '{"actual":29.134883720930233,"n":1}',
    '-0.130123720930233',
    '1.3741234567891234e-7',
  ])('a float stays as printed: %s', (text) => {
    expect(maskIdNumbersInText(text)).toBe(text);
  });

  it('an 18-character number after a dot, or a number with two dots, is still masked', () => {
    expect(maskIdNumbersInText('1.11010519491231002X')).toBe('1.110105********002X');
    expect(maskIdNumbersInText('110105.19491231.002X')).toBe('110105.********.002X');
    expect(maskIdNumbersInText('110105491231002.5')).toBe('110105******002.5');
  });

  // Under 10^14: a double of 15 or more integer digits prints as a plain integer, which the rule reads like any number.
  test.prop([fc.double({ noNaN: true, min: -1e14, max: 1e14 })])('no double under 10^14 is changed', (n) => {
    expect(maskIdNumbersInText(JSON.stringify({ n }))).toBe(JSON.stringify({ n }));
  });
});
