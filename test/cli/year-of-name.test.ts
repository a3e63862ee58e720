import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// A file named after one year whose 年度 cells give another — last year's sheet saved under this year's name — has its
// rows counted in the years they give: evaluate and report (the commands that take a year from a file's name) say so,
// with the count of rows of each other year, and say nothing when every row is of the file's year.
const dir = useTempDir('year-of-name');
const EN = { LANG: 'C.UTF-8' };
const sample = join(import.meta.dirname, '..', '..', 'examples', 'data', 'sample-units-2025.csv');
const [header, ...lines] = readFileSync(sample, 'utf8').trim().split('\n');

let files = 0;
describe('a file named after another year than its rows', () => {
  test.prop(
    [
      fc.constantFrom(2023, 2024, 2025),
      fc.array(fc.constantFrom(2023, 2024, 2025), { minLength: 1, maxLength: 8 }),
    ],
    {
      numRuns: 10,
    },
  )('is said by evaluate and report, with the rows of each other year', async (named, years) => {
    const rows = years.map((year, i) => (lines[i] as string).replace(/^2025,/, `${year},`));
    const file = join(dir, `正定县${named}-${files++}.csv`);
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
    const others = new Map<number, number>();
    for (const year of years) if (year !== named) others.set(year, (others.get(year) ?? 0) + 1);
    const expected = [...others]
      .sort(([a], [b]) => a - b)
      .map(([year, count]) => `${count} of ${year}`)
      .join(', ');
    // report takes a year from the names only when it is given several files: a second one, of another year.
    const other = join(dir, `其他${files}-2020.csv`);
    writeFileSync(other, `${header}\n`);
    const runs = [
      await runMain(['evaluate', file, '--format', 'json'], EN),
      await runMain(['report', file, other, '--out', join(dir, `p${files}.html`)], EN),
    ];
    for (const run of runs) {
      const said = /is named after (\d{4}) but its 年度 column gives rows ([^:]*):/.exec(run.stderr);
      expect(said === null ? undefined : [Number(said[1]), said[2]], run.stderr).toEqual(
        others.size === 0 ? undefined : [named, expected],
      );
    }
  });
});
