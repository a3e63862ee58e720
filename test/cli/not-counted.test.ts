import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// A row the reader accepts and the indicators do not count (a region's second total of a kind: it would count the
// region twice) is said on standard error by every command that computes indicators — `indicators` always did;
// `report` and `evaluate` dropped such rows without a word.
const dir = useTempDir('not-counted');
const EN = { LANG: 'C.UTF-8' };
const HEADER = '统计用区划代码,名称,类型,单位数,户数,建有综合服务设施的社区（村）数';
const REGIONS = ['130123000000', '130125000000', '130102001000', '110101000000'];

/** The rows not counted that a run's standard error states: one line each, or a count of the rest. */
function notCountedSaid(stderr: string): number {
  let said = 0;
  for (const line of stderr.split('\n')) {
    if (line.includes('it would count twice')) said++;
    const more = /(\d+) more rows not counted/.exec(line);
    if (more !== null) said += Number(more[1]);
  }
  return said;
}

let files = 0;
describe('rows accepted but not counted', () => {
  test.prop(
    [fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: REGIONS.length }), fc.boolean()],
    {
      numRuns: 12,
    },
  )('are said by indicators, report and evaluate, each of them', async (copies, villages) => {
    const kind = villages ? '村合计' : '社区合计';
    const lines = [HEADER];
    copies.forEach((count, i) => {
      for (let k = 0; k < count; k++) lines.push(`${REGIONS[i]},甲,${kind},10,${1000 + k},8`);
    });
    const file = join(dir, `合计${files++}-2025.csv`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const expected = copies.reduce((sum, count) => sum + count - 1, 0);
    const runs = {
      indicators: await runMain(['indicators', file, '--group-by', 'county'], EN),
      report: await runMain(['report', file, '--out', join(dir, `page${files}.html`)], EN),
      evaluate: await runMain(['evaluate', file, '--group-by', 'county'], EN),
    };
    for (const [command, run] of Object.entries(runs)) {
      expect(run.code, `${command}: ${run.stderr}`).toBe(0);
      expect(notCountedSaid(run.stderr), `${command}: ${run.stderr}`).toBe(expected);
    }
  });
});
