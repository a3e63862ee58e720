import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { echoPath } from '../../src/cli/context.js';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The rows a command reads and does not count (a region's second total of a kind) are said with their line, and with
// their file when several files are read, by `report` and `evaluate` as `indicators` says them: report's lines (and
// evaluate's) named the region alone, which a clerk with a sheet of thousands of rows cannot find.

// A short folder: a label is the file's path cut to 60 characters (echo), and two long paths would cut to one.
const dir = useTempDir('nc');
const EN = { LANG: 'C.UTF-8' };
const HEADER = '统计用区划代码,名称,类型,单位数,户数,建有综合服务设施的社区（村）数';
const REGIONS = ['130123000000', '130125000000', '130102001000', '110101000000'];
const YEARS = [2023, 2024, 2025];

/** The lines of a stderr that say a row not counted, by the label before them (the command, or it and the file). */
function saidLines(stderr: string, command: string): Map<string, (number | string)[]> {
  const said = new Map<string, (number | string)[]>();
  for (const text of stderr.split('\n')) {
    const match = new RegExp(
      `^shequ ${command}(?: (.+?))?: (?:第 (\\d+) 行 line \\2: .*it would count twice|另有 (\\d+) 行未计入)`,
    ).exec(text);
    if (match === null) continue;
    const label = match[1] ?? '';
    said.set(label, [...(said.get(label) ?? []), match[2] === undefined ? `+${match[3]}` : Number(match[2])]);
  }
  return said;
}

/** What a command says of one file's rows not counted: their lines, five at most, then how many more. */
const shown = (lines: readonly number[]) => [
  ...lines.slice(0, 5),
  ...(lines.length > 5 ? [`+${lines.length - 5}`] : []),
];

let runs = 0;
describe('rows not counted are said with their line and file', () => {
  test.prop(
    [
      fc.uniqueArray(fc.constantFrom(...YEARS), { minLength: 1, maxLength: 3 }),
      fc.array(fc.array(fc.nat(REGIONS.length - 1), { minLength: 1, maxLength: 14 }), {
        minLength: 3,
        maxLength: 3,
      }),
      fc.boolean(),
    ],
    { numRuns: 15 },
  )('report and evaluate, one file or several', async (years, picks, villages) => {
    const kind = villages ? '村合计' : '社区合计';
    const files: string[] = [];
    const notCounted = new Map<string, number[]>();
    years.forEach((year, f) => {
      const seen = new Set<number>();
      const lines = [HEADER];
      for (const region of picks[f] as number[]) {
        lines.push(`${REGIONS[region]},甲,${kind},10,${1000 + lines.length},8`);
        if (seen.has(region))
          notCounted.set(String(year), [...(notCounted.get(String(year)) ?? []), lines.length]);
        seen.add(region);
      }
      const file = join(dir, `${++runs}-${year}.csv`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      files.push(file);
    });
    const label = (file: string) => (files.length > 1 ? echoPath(file) : '');
    const expected = (only?: number) =>
      new Map(
        files.flatMap((file, f) => {
          const year = years[f] as number;
          const lines = notCounted.get(String(year)) ?? [];
          return lines.length === 0 || (only !== undefined && year !== only)
            ? []
            : [[label(file), shown(lines)]];
        }),
      );
    const report = await runMain(['report', ...files, '--out', join(dir, `page${runs}.html`)], EN);
    expect(report.code, report.stderr).toBe(0);
    expect(saidLines(report.stderr, 'report'), report.stderr).toEqual(expected());
    const evaluate = await runMain(['evaluate', ...files, '--period', '14th', '--group-by', 'county'], EN);
    expect(evaluate.code, evaluate.stderr).toBe(0);
    // The evaluation counts the rows of its target year (2025) alone.
    expect(saidLines(evaluate.stderr, 'evaluate'), evaluate.stderr).toEqual(expected(2025));
  });
});
