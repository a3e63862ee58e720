/**
 * The progress of `shequ validate --workers N` (dist/cli/validate-parallel.js): the rows read so far, summed over this
 * thread's finished ranges, the range it reads now, the tails it takes over and the workers' reports. It never counts
 * a row twice: it never exceeds the file's rows and never goes back. (It used to add the first range's rows twice
 * once that range was read, until a tail reported: a worker's report in between overshot.) Run after `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';

const built = '../../dist/cli/validate-parallel.js'; // a variable: a fresh clone type-checks before it builds
const { validateInParallel } = (await import(built)) as typeof import('../../src/cli/validate-parallel.js');

const ROWS = 400_000;
const code = (i: number) =>
  `13${String(Math.floor(i / 2000) + 1).padStart(2, '0')}${String((Math.floor(i / 200) % 10) + 1).padStart(2, '0')}${String((Math.floor(i / 20) % 10) + 1).padStart(3, '0')}${String((i % 20) + 201).padStart(3, '0')}`;
const dir = useTempDir('validate-parallel-progress');

/** 400 000 Hebei villages, one in 997 rejected: each of 2 or 3 ranges holds over 100 000 rows, so that the workers report too. */
function sheet(): string {
  const lines = [
    '统计用区划代码,名称,类型,户数,是否建有综合服务设施',
    ...Array.from({ length: ROWS }, (_, i) =>
      i % 997 === 5 ? `${code(i)},坏${i},村委会,很多,是` : `${code(i)},村${i},村委会,${100 + (i % 50)},是`,
    ),
  ];
  const path = join(dir, 'hebei.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('validateInParallel progress (built CLI)', () => {
  const path = sheet();

  for (const ranges of [2, 3])
    it(`never counts a row twice and never goes back (${ranges} ranges)`, async () => {
      const reports: number[] = [];
      const done = await validateInParallel(
        path,
        ranges,
        { profile: 'hebei', asOf: '2025-12-31', format: 'json', lang: 'en' },
        ({ read }) => reports.push(read),
      );
      expect(done).toBeDefined();
      done?.findings.close();
      expect(done?.input.counts.read).toBe(ROWS);
      expect(reports.length).toBeGreaterThan(4);
      for (let i = 1; i < reports.length; i++)
        expect(reports[i] as number).toBeGreaterThanOrEqual(reports[i - 1] as number);
      expect(Math.max(...reports)).toBeLessThanOrEqual(ROWS);
    });
});
