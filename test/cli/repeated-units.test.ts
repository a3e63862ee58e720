import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { echoPath } from '../../src/cli/context.js';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// A unit listed twice for one year — in one file, or in two files of the year — is counted once by `indicators`,
// `evaluate` and `report`: the first occurrence counts (files in the order given), every later one is said on
// standard error with its line, its file when there are several, and where the row counted is. What they print is
// what they print for the files without the repeats.
const dir = useTempDir('repeated-units');
const EN = { LANG: 'C.UTF-8' };
const [HEADER, ...ROWS] = readFileSync(join('examples', 'data', 'sample-units-2025.csv'), 'utf8')
  .replace(/^\ufeff/, '')
  .trimEnd()
  .split('\n')
  .map((line) => line.replace(/\r$/, '')) as [string, ...string[]];
const OTHER = readFileSync(join('examples', 'data', 'sample-units-2024.csv'), 'utf8')
  .replace(/^\ufeff/, '')
  .trimEnd()
  .split('\n')
  .slice(1)
  .map((line) => `2025${line.replace(/\r$/, '').slice(4)}`); // the same units with 2024's figures, called 2025's

/** The repeats a run's standard error states: one line each, or a count of the rest. */
function repeatsSaid(stderr: string): number {
  let said = 0;
  for (const line of stderr.split('\n')) {
    if (line.includes('is listed again for 2025')) said++;
    const more = /(\d+) more rows not counted/.exec(line);
    if (more !== null) said += Number(more[1]);
  }
  return said;
}

/** Two files' lines with their repeats taken out (a code counted by an earlier line, in this file or the first). */
function withoutRepeats(files: readonly (readonly string[])[]): string[][] {
  const seen = new Set<string>();
  return files.map((lines) =>
    lines.filter((line) => {
      const code = line.slice(5, 17);
      if (seen.has(code)) return false;
      seen.add(code);
      return true;
    }),
  );
}

let runs = 0;
/** The files written (named after 2025), their paths. */
function written(files: readonly (readonly string[])[]): string[] {
  const run = runs++;
  return files.map((lines, k) => {
    const path = join(dir, `${run}-${'ab'[k]}-2025.csv`);
    writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
    return path;
  });
}

/** The two files given, and their copies without repeats under the same names (so that outputs compare). */
async function both(files: string[][], args: (paths: string[]) => string[]) {
  const clean = withoutRepeats(files);
  const repeats = files.flat().length - clean.flat().length;
  const given = await runMain(args(written(files)), EN);
  const expected = await runMain(args(written(clean)), EN);
  return { given, expected, repeats };
}

const pick = fc.array(fc.tuple(fc.nat(ROWS.length - 1), fc.boolean()), { minLength: 1, maxLength: 30 });
const lineOf = ([i, other]: [number, boolean]) => (other ? (OTHER[i] as string) : (ROWS[i] as string));

describe('units listed twice, on the command line', () => {
  test.prop([pick, pick], { numRuns: 10 })(
    'indicators, evaluate and report count the first row of a code, in one file or two, and say each repeat',
    async (first, second) => {
      const files = [first.map(lineOf), second.map(lineOf)];
      const indicators = await both(files, (paths) => [
        'indicators',
        ...paths,
        '--profile',
        'hebei',
        '--format',
        'csv',
      ]);
      expect(indicators.given.code).toBe(0);
      expect(indicators.given.stdout).toBe(indicators.expected.stdout);
      expect(repeatsSaid(indicators.given.stderr)).toBe(indicators.repeats);
      const evaluate = await both(files, (paths) => [
        'evaluate',
        ...paths,
        '--profile',
        'hebei',
        '--format',
        'json',
      ]);
      expect(evaluate.given.code).toBe(0);
      expect(evaluate.given.stdout).toBe(evaluate.expected.stdout);
      expect(repeatsSaid(evaluate.given.stderr)).toBe(evaluate.repeats);
      const out = join(dir, `page-${runs}.html`);
      const report = await runMain(['report', ...written(files), '--out', out], EN);
      expect(report.code).toBe(0);
      expect(repeatsSaid(report.stderr)).toBe(evaluate.repeats);
    },
  );

  it('names the line of the row counted, and its file when it is in another (hand-worked)', async () => {
    const [one, two, three] = ROWS as [string, string, string];
    const [a, b] = written([
      [one, two, one],
      [three, two],
    ]) as [string, string];
    const run = await runMain(['evaluate', a, b, '--profile', 'hebei'], EN);
    const code = (line: string) => line.slice(5, 17);
    expect(run.stderr).toContain(
      `shequ evaluate ${echoPath(a)}: 第 4 行 line 4: 2025 年度统计用区划代码 ${code(one)} 重复：${echoPath(a)} 第 2 行已计入，此行未计入（否则会重复计数） / Code ${code(one)} is listed again for 2025: the row at line 2 of ${echoPath(a)} is counted, this one is not (it would count twice)\n`,
    );
    expect(run.stderr).toContain(
      `shequ evaluate ${echoPath(b)}: 第 3 行 line 3: 2025 年度统计用区划代码 ${code(two)} 重复：${echoPath(a)} 第 3 行已计入`,
    );
    for (const command of [['indicators'], ['evaluate'], ['report', '--out', join(dir, 'one.html')]]) {
      const alone = await runMain([...command, a, '--profile', 'hebei'], EN);
      expect(alone.stderr).toContain(
        `shequ ${command[0]}: 第 4 行 line 4: 2025 年度统计用区划代码 ${code(one)} 重复：第 2 行已计入，此行未计入`,
      );
    }
    const series = await runMain(['indicators', a, b, '--profile', 'hebei'], EN);
    expect(series.stderr).toContain(`the row at line 3 of ${echoPath(a)} is counted`);
  });
});
