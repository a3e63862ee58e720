import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { yearOfFileName } from '../../src/cli/year-of-file.js';

it('reads the one four-digit year of a file name, never from a longer run of digits', () => {
  expect(yearOfFileName('examples/data/sample-units-2023.csv')).toBe(2023);
  expect(yearOfFileName('/data/2021/正定县2025年.xlsx')).toBe(2025); // the folder's year is not the file's
  expect(yearOfFileName('130123-2024.csv')).toBe(2024);
  expect(yearOfFileName('130123202401.csv')).toBeUndefined(); // a code, not a year
  expect(yearOfFileName('正定县.csv')).toBeUndefined();
  expect(yearOfFileName('2023-2025.csv')).toBeUndefined(); // two years: which one cannot be told
  expect(yearOfFileName('2025-2025.csv')).toBe(2025);
  expect(yearOfFileName('1948.csv')).toBeUndefined();
  expect(yearOfFileName('2101.csv')).toBeUndefined();
});

const nonDigits = fc.string({ maxLength: 6 }).map((text) => text.replace(/[\d/\\]/g, ''));

test.prop([fc.integer({ min: 1949, max: 2100 }), nonDigits, nonDigits])(
  'finds any year from 1949 to 2100 between non-digits',
  (year, before, after) => {
    expect(yearOfFileName(`${before}${year}${after}.csv`)).toBe(year);
  },
);
