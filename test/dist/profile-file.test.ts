import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testTempDir } from '../helpers/temp-dir.js';

// The indicators command with a profile file and a plan period, from the build (it reads the shipped division lists).
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const example = join(root, 'examples', 'profiles', 'hebei-15th.json');

interface Row {
  readonly indicator: string;
  readonly status: string;
  readonly asOf: string;
  readonly target?: { readonly value: number; readonly year: number };
}

function rows(args: string[]): Row[] {
  const result = spawnSync(process.execPath, [bin, 'indicators', sample, '--format', 'json', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Row[];
}

describe('shequ indicators with plan periods', () => {
  it("--profile-file: the file's 十五五 targets apply, no-target elsewhere", () => {
    const all = rows(['--profile-file', example, '--as-of', '2026-12-31', '--group-by', 'province']);
    const area = all.filter((row) => row.indicator === 'facilityAreaPer100Households');
    expect(area.length).toBeGreaterThan(0);
    for (const row of area) expect(row.target).toMatchObject({ value: 35, year: 2030 });
    for (const row of all.filter((r) => r.indicator === 'ruralFacilityCoverage'))
      expect(row.status).toBe('no-target');
  });

  it('--period 14th: the 十四五 targets, as of the end of 2025; 2026 without a file: no-target', () => {
    const evaluation = rows(['--period', '14th', '--group-by', 'province']);
    expect(new Set(evaluation.map((row) => row.asOf))).toEqual(new Set(['2025-12-31']));
    expect(evaluation.some((row) => row.target !== undefined)).toBe(true);
    const later = rows(['--as-of', '2026-06-30', '--group-by', 'province']);
    expect(new Set(later.map((row) => row.status))).toEqual(new Set(['no-target']));
  });
});

describe('a profile file that is not UTF-8', () => {
  it('is a usage error (exit 2), not a profile whose names turned into U+FFFD', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = testTempDir('profile');
    const gbk = join(dir, 'gbk.json');
    // {"id":"g","extends":"national","name":{"zh":"北京","en":"b"}} with 北京 in GBK (B1 B1 BE A9)
    writeFileSync(
      gbk,
      Buffer.concat([
        Buffer.from('{"id":"g","extends":"national","name":{"zh":"'),
        Buffer.from([0xb1, 0xb1, 0xbe, 0xa9]),
        Buffer.from('","en":"b"}}'),
      ]),
    );
    const run = (file: string) =>
      spawnSync(process.execPath, [bin, 'indicators', sample, '--format', 'json', '--profile-file', file], {
        cwd: root,
        encoding: 'utf8',
      });
    const bad = run(gbk);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not UTF-8');
    expect(bad.stdout).toBe('');
    const good = join(dir, 'utf8.json');
    writeFileSync(good, '{"id":"g","extends":"national","name":{"zh":"北京","en":"b"}}');
    expect(run(good).status).toBe(0);
  });
});
