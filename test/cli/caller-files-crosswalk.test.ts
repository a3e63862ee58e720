import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/context.js';
import { readCrosswalkFile } from '../../src/cli/crosswalk-file.js';
import { corpusFiles, layOut, layoutArbitrary } from '../helpers/caller-file-corpus.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `--crosswalk FILE` over a generated corpus of layouts (LF, CRLF, lone CR, mixed; a BOM; blank lines anywhere,
// before the header too): a crosswalk with bad lines is refused naming every bad line by the file's own number (ten,
// then a count), never a full ID number; a sound one is used whole. Files that are not UTF-8, folders and missing
// paths are in caller-files-broken.test.ts.

const files = corpusFiles(useTempDir('corpus-crosswalk'), 'csv');

/** A line of a crosswalk: a sound change (its old code used once, so none clashes) or a line with one problem. */
interface CrosswalkLine {
  readonly text: string;
  readonly sound: boolean;
}

const village = (township: string, i: number) => `130123${township}${String(i).padStart(3, '0')}`;
const soundLine = (i: number, year: number): CrosswalkLine => ({
  text: `${village('100', i)},${village('105', i)},${year}${i % 2 === 0 ? '年' : ''}`,
  sound: true,
});
const badLine: fc.Arbitrary<CrosswalkLine> = fc
  .constantFrom(
    '130123100901,130123105901,20x4', // not a year
    '130123100902,130123105902,1899', // a year out of range
    '130123100903,130123105903,', // no year
    '1301231009,130123105904,2024', // a code of 10 digits
    '130123100905,130123105000,2024', // a village to a township
    '130123100906,"130123105906,2024', // a quote never closed
    ...ID_VARIANTS.map((id) => `"${id}",130123105907,2024`), // an ID number as the old code
  )
  .map((text) => ({ text, sound: false }));

/** Lines of a crosswalk: sound changes (distinct old codes) and bad lines, in any order. */
const crosswalkLines = fc
  .array(fc.tuple(fc.option(badLine, { freq: 2 }), fc.integer({ min: 2021, max: 2025 })), { maxLength: 16 })
  .map((picks) => picks.map(([bad, year], i) => bad ?? soundLine(i + 1, year)));
const header = fc.constantFrom(
  '原代码,新代码,起始年度',
  'old code,new code,from year',
  ' 新代码 ,原代码,年度',
);

/** The refusal of a crosswalk, or the crosswalk. */
async function read(file: string) {
  return readCrosswalkFile('indicators', file).catch((error: unknown) => error);
}

describe('--crosswalk FILE: line numbers are the file’s, and no line disappears', () => {
  test.prop([crosswalkLines, header, layoutArbitrary], { numRuns: 150 })(
    'a crosswalk with bad lines names each by its real line (ten, then a count); a sound one is used whole',
    async (lines, head, layout) => {
      // With the new code first, the sound lines are written so; a bad line is bad either way round.
      const newFirst = head.trim().startsWith('新代码');
      const texts = lines.map(({ text, sound }) => {
        const [oldCode, newCode, year] = text.split(',');
        return newFirst && sound ? `${newCode},${oldCode},${year}` : text;
      });
      const laid = layOut([head, ...texts], layout, layout.bom ? ',,' : '');
      const lineOf = laid.lineOf.slice(1);
      const result = await read(files.write(laid.text));
      const bad = lines.flatMap((line, i) => (line.sound ? [] : [lineOf[i] as number]));
      if (bad.length === 0) {
        expect(result).not.toBeInstanceOf(Error);
        expect((result as { entries: unknown[] } | undefined)?.entries).toHaveLength(lines.length);
        return;
      }
      expect(result).toBeInstanceOf(UsageError);
      const en = (result as UsageError).lines('en');
      const zh = (result as UsageError).lines('zh');
      expect(findIdNumbers(en + zh)).toEqual([]);
      expect([...en.matchAll(/\bline (\d+):/g)].map((match) => Number(match[1]))).toEqual(bad.slice(0, 10));
      expect([...zh.matchAll(/第 (\d+) 行：/g)].map((match) => Number(match[1]))).toEqual(bad.slice(0, 10));
      expect(en).toContain(`(${bad.length} issues)`);
      expect(zh).toContain(`（${bad.length} 处问题）`);
      if (bad.length > 10) expect(en).toContain(`… ${bad.length - 10} more`);
    },
  );

  it('a file with no header: refused, naming the line it looked for the header on', async () => {
    const result = await read(files.write('\r\n\r\n130123100201,130123105201,2024\r\n'));
    expect(result).toBeInstanceOf(UsageError);
    expect((result as UsageError).lines('en')).toMatch(/line 3\b/);
    expect((result as UsageError).lines('zh')).toContain('第 3 行');
  });

  it('blank lines before the header are not the header', async () => {
    const result = await read(files.write('\n\n原代码,新代码,起始年度\n130123100201,130123105201,2024\n'));
    expect(result).toEqual({
      entries: [{ oldCode: '130123100201', newCode: '130123105201', fromYear: 2024 }],
    });
  });
});
