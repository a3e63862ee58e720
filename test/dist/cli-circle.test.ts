import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';

// The built `shequ circle` and `shequ demo` on the bundled synthetic points of 东四街道 (examples/data/dongsi-*.csv).
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const estates = join(root, 'examples', 'data', 'dongsi-estates.csv');
const services = join(root, 'examples', 'data', 'dongsi-services.csv');
const dir = useTempDir('circle-dist');

function shequ(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('shequ circle (built)', () => {
  it('gives the verdicts of the six communities of 东四街道 and their counts', () => {
    const run = shequ(['circle', estates, services, '--crs', 'gcj02', '--format', 'json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { unit: string; verdict: string; basicCommerce: boolean }[];
    expect(rows.map((row) => [row.unit, row.verdict])).toEqual([
      ['110101006003', 'covered'],
      ['110101006001', 'not'],
      ['110101006006', 'partly'],
      ['110101006008', 'partly'],
      ['110101006007', 'not'],
      ['110101006009', 'not'],
    ]);
    expect(rows.filter((row) => row.basicCommerce)).toHaveLength(1);
    expect(run.stderr).toContain('读取 24 行 read · 接受 24 accepted · 拒收 0 rejected');
    expect(run.stderr).toContain('读取 23 行 read · 接受 23 accepted · 拒收 0 rejected');
  });

  it('writes a CSV file per estate and the uncovered estates as GeoJSON', () => {
    const out = join(dir, 'estates.csv');
    const uncovered = join(dir, 'uncovered.geojson');
    const run = shequ([
      'circle',
      estates,
      services,
      '--crs',
      'gcj02',
      '--by',
      'estate',
      '--format',
      'csv',
      '--out',
      out,
      '--uncovered',
      uncovered,
    ]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8').trimEnd().split('\r\n')).toHaveLength(1 + 24);
    const geojson = JSON.parse(readFileSync(uncovered, 'utf8'));
    expect(geojson).toMatchObject({ type: 'FeatureCollection', crs: 'gcj02' });
    expect(geojson.features).toHaveLength(24 - 8);
  });

  it('exits 2 without --crs for CSV, and the demo shows the circles', () => {
    expect(shequ(['circle', estates, services]).code).toBe(2);
    const demo = shequ(['demo']);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('北京市东城区东四街道');
    expect(demo.stdout).toMatch(/东四街道 +一刻钟社区服务圈城市社区覆盖率 +16\.7 %/);
  });
});
