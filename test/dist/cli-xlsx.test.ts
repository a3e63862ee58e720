/**
 * `--format xlsx` of the built command: `shequ indicators` and `shequ validate` write workbooks to `--out FILE.xlsx`
 * whose cells equal the JSON output of the same run (read back with the project's own .xlsx reader), and refuse to
 * run without `--out FILE.xlsx` before reading anything.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';
import { readBackWorkbook } from '../report/xlsx-read-back.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const dir = useTempDir('cli-xlsx');

function shequ(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COMMON = ['--profile', 'hebei', '--as-of', '2025-12-31'];

describe('shequ --format xlsx', () => {
  it('indicators: one row per indicator row of the JSON output, values as numbers', () => {
    const out = join(dir, 'indicators.xlsx');
    const run = shequ([
      'indicators',
      sample,
      ...COMMON,
      '--group-by',
      'county',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const json = JSON.parse(
      shequ(['indicators', sample, ...COMMON, '--group-by', 'county', '--format', 'json']).stdout,
    ) as { region: string; indicator: string; value: number | null }[];
    const [sheet] = readBackWorkbook(new Uint8Array(readFileSync(out)));
    expect(sheet?.name).toBe('指标');
    expect(sheet?.frozenRows).toBe(1);
    expect(sheet?.rows.slice(1).map((r) => [r[0], r[3], r[5]])).toEqual(
      json.map((r) => [r.region, r.indicator, r.value === null ? '' : String(r.value)]),
    );
    const withValue = json.findIndex((r) => r.value !== null);
    expect(sheet?.numbers.has(`F${withValue + 2}`)).toBe(true);
  });

  it('validate: a summary sheet and a sheet per rule holding the findings of the JSON output', () => {
    const out = join(dir, 'findings.xlsx');
    const run = shequ(['validate', sample, ...COMMON, '--format', 'xlsx', '--out', out, '--lang', 'en']);
    const json = JSON.parse(shequ(['validate', sample, ...COMMON, '--format', 'json']).stdout) as {
      findings: { rule: string; unit: string }[];
    };
    expect(run.code).toBe(json.findings.length > 0 ? 1 : 0);
    expect(run.stdout).toContain('units checked');
    const sheets = readBackWorkbook(new Uint8Array(readFileSync(out)));
    expect(sheets[0]?.name).toBe('summary');
    const rules = [...new Set(json.findings.map((f) => f.rule))];
    expect(sheets.slice(1).map((s) => s.name)).toEqual(rules.map((rule) => rule.slice(0, 24)));
    for (const rule of rules)
      expect(
        sheets
          .find((s) => s.name === rule.slice(0, 24))
          ?.rows.slice(1)
          .map((r) => r[0]),
      ).toEqual(json.findings.filter((f) => f.rule === rule).map((f) => f.unit));
  });

  it('needs --out FILE.xlsx (exit 2 before reading)', () => {
    for (const command of ['indicators', 'validate']) {
      const run = shequ([command, join(dir, 'missing.csv'), '--format', 'xlsx']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--out FILE.xlsx');
      expect(shequ([command, sample, '--format', 'xlsx', '--out', join(dir, 'x.csv')]).code).toBe(2);
    }
  });
});
