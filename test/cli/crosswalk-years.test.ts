import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { UsageError } from '../../src/cli/context.js';
import { readCrosswalkFile } from '../../src/cli/crosswalk-file.js';
import { parseYearCell } from '../../src/io/index.js';
import { corpusFiles, layOut, layoutArbitrary } from '../helpers/caller-file-corpus.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The 起始年度 of a crosswalk is read as a 年度 cell of a statistics sheet is (parseYearCell: four digits, 年 or 年度
// after them, white space around): `Number()` took `0x7E8`, `2e3`, `2020.0`, `+2020`, `02020` for years. Any other
// spelling of a year in range that Number() reads is a bad line, named by its line as the crosswalk's other bad lines.

const files = corpusFiles(useTempDir('crosswalk-years'), 'csv');
const year = fc.integer({ min: 1949, max: 2100 });

/** Spellings of `y` that Number() reads as `y` and a 年度 cell does not: hex, octal, binary, exponents, decimals, signs. */
const numberSpelling = fc
  .tuple(
    year,
    fc.constantFrom(
      (y: number) => `0x${y.toString(16)}`,
      (y: number) => `0X${y.toString(16).toUpperCase()}`,
      (y: number) => `0o${y.toString(8)}`,
      (y: number) => `0b${y.toString(2)}`,
      (y: number) => `${y / 1000}e3`,
      (y: number) => `${y}e0`,
      (y: number) => `${y * 10}E-1`,
      (y: number) => `${y}.0`,
      (y: number) => `${y}.`,
      (y: number) => `${y}.000年`,
      (y: number) => `+${y}`,
      (y: number) => `0${y}`,
      (y: number) => `${y} 年`,
    ),
  )
  .map(([y, spell]) => spell(y))
  .filter((text) => parseYearCell(text) === null);

/** Spellings a 年度 cell reads as the year. */
const yearSpelling = fc
  .tuple(year, fc.constantFrom('', '年', '年度'), fc.constantFrom('', ' ', '\t'))
  .map(([y, suffix, pad]) => ({ year: y, text: `${pad}${y}${suffix}${pad}` }));

const change = (i: number, text: string) =>
  `1301231002${String(i).padStart(2, '0')},1301231052${String(i).padStart(2, '0')},${text}`;

describe('--crosswalk FILE: the from year is a year as a 年度 cell is', () => {
  test.prop(
    [fc.array(yearSpelling, { minLength: 1, maxLength: 8 }), fc.nat(), numberSpelling, layoutArbitrary],
    {
      numRuns: 120,
    },
  )('a year only Number() reads is refused, naming its line', async (sound, at, bad, layout) => {
    const lines = sound.map(({ text }, i) => change(i + 1, `"${text}"`));
    const place = at % (lines.length + 1);
    lines.splice(place, 0, change(50, bad));
    const laid = layOut(['原代码,新代码,起始年度', ...lines], layout);
    const result = await readCrosswalkFile('indicators', files.write(laid.text)).catch(
      (error: unknown) => error,
    );
    expect(result, bad).toBeInstanceOf(UsageError);
    const line = laid.lineOf[place + 1] as number;
    expect((result as UsageError).lines('en')).toContain(`(1 issues):\n  第 ${line} 行 line ${line}: `);
    expect((result as UsageError).lines('zh')).toContain(`（1 处问题）：\n  第 ${line} 行：`);
  });

  test.prop([fc.array(yearSpelling, { minLength: 1, maxLength: 8 })], { numRuns: 60 })(
    'every spelling a 年度 cell reads is the year',
    async (sound) => {
      const text = ['原代码,新代码,起始年度', ...sound.map(({ text }, i) => change(i + 1, `"${text}"`))].join(
        '\n',
      );
      const result = await readCrosswalkFile('indicators', files.write(text));
      expect(result?.entries.map((entry) => entry.fromYear).sort()).toEqual(sound.map((s) => s.year).sort());
    },
  );
});
