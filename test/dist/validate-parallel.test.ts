/**
 * `shequ validate --workers N` of the built CLI (issue 13): a file above the one-range threshold (256 KiB) is checked
 * in byte ranges by worker threads (dist/cli/validate-worker.js) and the main thread, and the report, the rejects
 * file, the messages and the exit code are byte for byte those of `--workers 1`, in json, ndjson and csv. Run after
 * `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeCsv, unitStatisticsToCsv } from '../../src/io/index.js';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('validate-parallel');

/** 9 000 Hebei rows, out of code order, some rejected (a township's kind, a count that is not a number). */
function writeSheet(): string {
  const rows = Array.from({ length: 9000 }, (_, n) => {
    const i = (n * 7919) % 9000;
    return {
      code: `13${String((i % 9) + 1).padStart(2, '0')}${String((i % 7) + 21).padStart(2, '0')}${String((i % 11) + 100).padStart(3, '0')}${String((i % 97) + 201).padStart(3, '0')}`,
      name: i % 13 === 0 ? '"引号, 逗号"' : `村${i}`,
      kind: i % 5 === 0 ? ('community' as const) : ('village' as const),
      households: 50 + ((i * 37) % 900),
      hasFacility: i % 7 !== 0,
      facilityArea: (i * 13) % 400,
      disasterOfficers: i % 3,
      workers: i % 4,
      urbanPopulation: i % 5 === 0 ? 3000 + (i % 2000) : undefined,
    };
  });
  const lines = unitStatisticsToCsv(rows).split('\r\n');
  for (let i = 5; i < lines.length - 1; i += 61)
    lines[i] = (lines[i] ?? '').replace(/,(村委会|居委会),/, i % 2 === 0 ? ',街道,' : ',$1,x');
  const file = join(dir, 'hebei.csv');
  writeFileSync(file, encodeCsv(`河北省统计表\r\n${lines.join('\r\n')}`, { encoding: 'gb18030' }));
  return file;
}

function validate(file: string, format: string, workers: number) {
  const out = join(dir, `findings-${workers}.${format}`);
  const rejects = join(dir, `rejects-${workers}.csv`);
  const run = spawnSync(
    process.execPath,
    [
      bin,
      'validate',
      file,
      ...['--profile', 'hebei', '--format', format, '--out', out, '--rejects', rejects],
      ...['--as-of', '2025-12-31', '--workers', String(workers)],
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } },
  );
  return { code: run.status, stderr: run.stderr, out: readFileSync(out), rejects: readFileSync(rejects) };
}

describe('shequ validate --workers (built CLI)', () => {
  const file = writeSheet();

  it('is above the one-range threshold, so that ranges are used', () => {
    expect(statSync(file).size).toBeGreaterThan(1 << 18);
  });

  for (const format of ['json', 'ndjson', 'csv'])
    it(`writes the same bytes with 1, 2 and 3 threads (${format})`, () => {
      const one = validate(file, format, 1);
      expect(one.code).toBe(1); // rows were rejected
      expect(one.stderr).toMatch(/rejected/);
      expect(one.out.length).toBeGreaterThan(100_000);
      for (const workers of [2, 3]) {
        const many = validate(file, format, workers);
        expect(many.code).toBe(one.code);
        expect(many.stderr).toBe(one.stderr);
        expect(many.rejects.equals(one.rejects)).toBe(true);
        expect(many.out.equals(one.out)).toBe(true);
      }
    });

  it('refuses a --workers that is not a whole number from 1 to 256', () => {
    const run = spawnSync(process.execPath, [bin, 'validate', file, '--workers', '0'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--workers takes a whole number from 1 to 256/);
  });
});
