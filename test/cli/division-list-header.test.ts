import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { divisionLists } from '../../src/cli/division-list.js';
import type { Lang } from '../../src/cli/lang.js';
import { corpusFiles, layOut, layoutArbitrary } from '../helpers/caller-file-corpus.js';
import { findIdNumbers, ID_VARIANTS } from '../helpers/id-leaks.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `--divisions FILE` takes its first line for the header only when the header names the code column as a statistics
// sheet's does (code, 代码, 区划代码, 统计用区划代码 … any case, any spacing): a list written without a header whose
// first line was a bad record (a code one digit short, an ID number, no code) had that line taken for the header and
// dropped without a word. Now it is a line of the list like any other: left out and said, with line 1 (its first line
// that is not blank), and the counts add up.

const files = corpusFiles(useTempDir('divisions-header'), 'csv');

const region = (i: number) => `1301231${String(i).padStart(5, '0')},村${i}`;

/** A first line that is no region: a code of a wrong length or with a letter, an ID number, no code, a word. */
const badFirstLine = fc.oneof(
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 20 })
    .map((digits) => digits.join(''))
    .filter((code) => ![2, 4, 6, 9, 12].includes(code.length))
    .map((code) => `${code},某村`),
  fc.constantFrom(...ID_VARIANTS).map((id) => `"${id}",某人`),
  fc.constantFrom(',名称', '1301x3100201,村', 'oops,名称', '区划编码,名称', '130123100201'),
);

/** Headers that name the code column (the names of a statistics sheet's code column). */
const header = fc
  .tuple(
    fc.constantFrom(
      'code',
      'Code',
      ' CODE ',
      '代码',
      '区划代码',
      '统计用区划代码',
      'division code',
      '村居代码',
    ),
    fc.constantFrom('name', '名称', 'Name', ''),
  )
  .map(([code, name]) => `${code},${name}`);

function run(file: string, lang: Lang) {
  let err = '';
  const streams = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, lang };
  return divisionLists('validate', file, streams).then((lists) => ({ lists, err }));
}

describe('--divisions FILE: the first line is a header only when it names the code column', () => {
  test.prop([badFirstLine, fc.integer({ min: 0, max: 8 }), layoutArbitrary], { numRuns: 150 })(
    'a first line that is neither a header nor a region is left out and said, with its line',
    async (first, regions, layout) => {
      const lines = [first, ...Array.from({ length: regions }, (_, i) => region(i + 1))];
      const laid = layOut(lines, layout);
      const { lists, err } = await run(files.write(laid.text), 'en');
      const line = laid.lineOf[0] as number;
      expect(lists[0]?.divisions.size).toBe(regions);
      expect(err).toContain(`${lines.length} lines read, ${regions} used, 1 left out`);
      expect(err).toMatch(new RegExp(`, line ${line}: .+\\n`));
      expect(findIdNumbers(err)).toEqual([]);
      const zh = await run(files.write(laid.text), 'zh');
      expect(zh.err).toContain(`读取 ${lines.length} 行，采用 ${regions} 行，未采用 1 行`);
      expect(zh.err).toContain(` 第 ${line} 行：`);
    },
  );

  test.prop([header, fc.integer({ min: 0, max: 8 }), layoutArbitrary], { numRuns: 100 })(
    'a header naming the code column is the header: nothing said, every region used',
    async (head, regions, layout) => {
      const lines = [head, ...Array.from({ length: regions }, (_, i) => region(i + 1))];
      const { lists, err } = await run(files.write(layOut(lines, layout).text), 'en');
      expect(err).toBe('');
      expect(lists[0]?.divisions.size).toBe(regions);
    },
  );

  it('a header of other names is said as a line of the list, with a hint on naming the code column', async () => {
    const { lists, err } = await run(files.write('区划编码,名称\n130123000000,正定县\n'), 'en');
    expect([...(lists[0]?.divisions.keys() ?? [])]).toEqual(['130123000000']);
    expect(err).toContain('2 lines read, 1 used, 1 left out');
    expect(err).toMatch(
      /, line 1: Invalid division code, left out: .*\(if it is a header: name its first column code, 代码 or 区划代码\)\n/,
    );
    const zh = await run(files.write('区划编码,名称\n130123000000,正定县\n'), 'zh');
    expect(zh.err).toContain('（若这是表头：第一列应名为 code、代码或区划代码）');
  });
});
