/**
 * Output of the built CLI (issue 13): every streaming format holds its memory flat in the number of rows — 200 000
 * statistics rows to JSON, NDJSON and CSV under a 96 MB heap — and `--format ndjson` gives the same objects as
 * `--format json`, one per line (validate: the findings, then the summary line). Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the bench helpers are plain JavaScript modules
import { nationalCsv } from '../../bench/io.bench.mjs';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const dir = useTempDir('stream');

function shequ(args: string[], nodeOptions: string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('memory flat in the rows', () => {
  const input = nationalCsv(200_000) as string;
  for (const format of ['json', 'ndjson', 'csv']) {
    it(`indicators --format ${format}: 200 000 rows under --max-old-space-size=96`, () => {
      const out = join(dir, `indicators.${format}`);
      const run = shequ(
        ['indicators', input, '--format', format, '--out', out, '--as-of', '2025-12-31'],
        ['--max-old-space-size=96'],
      );
      expect(run.stderr).toContain('接受 200000 accepted');
      expect(run.code).toBe(0);
      const lines = readFileSync(out, 'utf8').split(format === 'csv' ? '\r\n' : '\n');
      expect(lines.pop()).toBe('');
      if (format === 'json') {
        expect([lines[0], lines.at(-1)]).toEqual(['[', ']']);
        expect(JSON.parse(lines[1]?.slice(0, -1) as string)).toHaveProperty('level', 'province');
      } else if (format === 'ndjson') {
        expect(JSON.parse(lines[0] as string)).toHaveProperty('level', 'province');
        expect(JSON.parse(lines.at(-1) as string)).toHaveProperty('level', 'township');
      } else
        expect(lines[0]).toBe(
          '\ufeffregion,level,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline',
        );
      expect(lines.length).toBeGreaterThan(80_000);
    });
  }
});

describe('--format ndjson', () => {
  it('indicators: the rows of --format json, one object per line, no array', () => {
    const args = ['indicators', sample, '--as-of', '2025-12-31', '--group-by', 'county,township'];
    const json = JSON.parse(shequ([...args, '--format', 'json']).stdout);
    const ndjson = shequ([...args, '--format', 'ndjson']);
    expect(ndjson.code).toBe(0);
    const lines = ndjson.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(json);
    expect(lines.length).toBe(json.length);
  });

  it('validate: the findings of --format json one per line, then {asOf, profile, summary}', () => {
    const args = ['validate', sample, '--as-of', '2025-12-31', '--fail-on', 'never'];
    const json = JSON.parse(shequ([...args, '--format', 'json']).stdout);
    const lines = shequ([...args, '--format', 'ndjson']).stdout.split('\n');
    expect(lines.pop()).toBe('');
    const last = JSON.parse(lines.pop() as string);
    expect(last).toEqual({ asOf: '2025-12-31', profile: 'national', summary: json.summary });
    expect(lines.map((line) => JSON.parse(line))).toEqual(json.findings);
    expect(json.findings.length).toBeGreaterThan(0);
  });

  it('is listed in the help of both commands', () => {
    expect(shequ(['indicators', '--help']).stdout).toContain('ndjson');
    expect(shequ(['validate', '--help']).stdout).toContain('ndjson');
  });
});
