import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  normalizeDigits,
  parseBooleanCell,
  parseCodeCell,
  parseNumberCell,
  parseUnitKindCell,
  parseYearCell,
  readUnitStatistics,
} from '../../src/io/index.js';

describe('normalizeDigits', () => {
  it('turns full-width digits and signs into ASCII and trims ideographic spaces', () => {
    expect(normalizeDigits('　１２３．５ ')).toBe('123.5');
    expect(normalizeDigits('－１')).toBe('-1');
    expect(normalizeDigits('社区')).toBe('社区');
  });
});

describe('parseNumberCell', () => {
  it.each([
    ['1,234.50', 1234.5],
    ['1，234', 1234],
    ['12 345 678', 12345678],
    ['１２３', 123],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1e3', 1000],
    [42, 42],
  ])('reads %s as %s', (cell, value) => {
    expect(parseNumberCell(cell)).toBe(value);
  });

  it.each([[''], ['  '], [undefined], [null]])('reads %s as blank', (cell) => {
    expect(parseNumberCell(cell)).toBeUndefined();
  });

  it.each([['很多'], ['1,23'], ['12,3456'], [Number.NaN], [Number.POSITIVE_INFINITY], [{}], ['1.2.3']])(
    'refuses %s',
    (cell) => {
      expect(parseNumberCell(cell)).toBeNull();
    },
  );

  test.prop([fc.integer({ min: 0, max: 1e12 })])(
    'a number written with thousands separators reads back',
    (n) => {
      expect(parseNumberCell(n.toLocaleString('en-US'))).toBe(n);
      expect(parseNumberCell(String(n))).toBe(n);
    },
  );
});

describe('parseBooleanCell', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['有', true],
    ['无', false],
    ['TRUE', true],
    ['false', false],
    ['Y', true],
    ['n', false],
    ['1', true],
    ['0', false],
    ['１', true],
    ['√', true],
    ['×', false],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
  ])('reads %s as %s', (cell, value) => {
    expect(parseBooleanCell(cell)).toBe(value);
  });

  it('gives undefined for blank and null for anything else', () => {
    expect(parseBooleanCell('')).toBeUndefined();
    expect(parseBooleanCell(null)).toBeUndefined();
    expect(parseBooleanCell('也许')).toBeNull();
    expect(parseBooleanCell(2)).toBeNull();
    expect(parseBooleanCell({})).toBeNull();
  });
});

describe('parseUnitKindCell', () => {
  it.each([
    ['居委会', 'community'],
    ['社区', 'community'],
    ['社区居民委员会', 'community'],
    ['Community', 'community'],
    ['村委会', 'village'],
    ['村', 'village'],
    ['村民委员会', 'village'],
  ])('reads %s as %s', (cell, kind) => {
    expect(parseUnitKindCell(cell)).toBe(kind);
  });

  it('gives undefined for blank and null for anything else', () => {
    expect(parseUnitKindCell(' ')).toBeUndefined();
    expect(parseUnitKindCell(undefined)).toBeUndefined();
    expect(parseUnitKindCell('小区')).toBeNull();
    expect(parseUnitKindCell(3)).toBeNull();
  });
});

describe('parseCodeCell', () => {
  it('keeps every digit of a numeric 12-digit code and normalises text', () => {
    expect(parseCodeCell(130102001001)).toBe('130102001001');
    expect(parseCodeCell(' １３０１０２ ')).toBe('130102');
    expect(parseCodeCell('')).toBeUndefined();
    expect(parseCodeCell(null)).toBeUndefined();
    expect(parseCodeCell(1.5)).toBeNull();
    expect(parseCodeCell(-1)).toBeNull();
    expect(parseCodeCell(true)).toBeNull();
  });

  test.prop([fc.integer({ min: 0, max: 999_999_999_999 })])('numbers round-trip to their digits', (n) => {
    expect(parseCodeCell(n)).toBe(String(n));
  });
});

describe('parseYearCell', () => {
  it.each([
    ['2025', 2025],
    ['2025年', 2025],
    ['2025年度', 2025],
    ['２０２５', 2025],
    [' 2021 ', 2021],
    [2024, 2024],
  ] as const)('reads %s as %s', (cell, year) => {
    expect(parseYearCell(cell)).toBe(year);
  });

  it('gives undefined for blank and null for what is not a four-digit year', () => {
    expect(parseYearCell('')).toBeUndefined();
    expect(parseYearCell(undefined)).toBeUndefined();
    for (const cell of ['25', '2025-06', '2025.0', '2e03', '二〇二五', '12025', 2025.5, true])
      expect(parseYearCell(cell), String(cell)).toBeNull();
  });

  test.prop([fc.integer({ min: 1000, max: 9999 })])(
    'round-trips every four-digit year, with 年 or not',
    (year) => {
      expect(parseYearCell(String(year))).toBe(year);
      expect(parseYearCell(`${year}年`)).toBe(year);
    },
  );
});

describe('a year column', () => {
  it('is read under 年度, 年份 or year, and a year out of range or unreadable rejects the row at its cell', () => {
    const csv =
      '代码,类型,年度\n130102001001,居委会,2024年\n130102001002,居委会,1900\n130102001003,居委会,去年\n';
    const read = readUnitStatistics(csv);
    expect(read.rows).toEqual([{ code: '130102001001', kind: 'community', year: 2024 }]);
    expect(read.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(read.rejected[1]?.issues[0]).toMatchObject({ line: 4, column: '年度', path: ['year'] });
    expect(read.rejected[1]?.issues[0]?.message.zh).toContain('年份');
    for (const name of ['年份', 'year', '统计年度'])
      expect(readUnitStatistics(`code,kind,${name}\n130102001001,community,2023\n`).rows[0]?.year).toBe(2023);
  });
});
