/**
 * `shequ validate` of the built CLI holds its memory flat in the rows (issue 13): 200 000 statistics rows give
 * ≈ 270 000 findings, which as objects (with the rows kept, as before) need more than the 96 MB heap given here; the
 * findings stream through sorted runs instead, and come out in report order (unit code, then severity, then rule)
 * with the summary of every row. Run after `npm run build`.
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
const dir = useTempDir('validate-memory');
const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

function validateTo(format: string): { code: number | null; stderr: string; text: string } {
  const out = join(dir, `findings.${format}`);
  const input = nationalCsv(200_000) as string;
  const run = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=96',
      bin,
      'validate',
      input,
      ...['--format', format, '--out', out, '--as-of', '2025-12-31', '--fail-on', 'never'],
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return { code: run.status, stderr: run.stderr, text: run.status === 0 ? readFileSync(out, 'utf8') : '' };
}

/** Whether findings (unit, severity) are in report order as far as these two keys tell. */
function inReportOrder(findings: readonly { unit: string; severity: string }[]): boolean {
  return findings.every((finding, i) => {
    const previous = findings[i - 1];
    if (previous === undefined || previous.unit < finding.unit) return true;
    return (
      previous.unit === finding.unit &&
      (SEVERITY_RANK[previous.severity] as number) <= (SEVERITY_RANK[finding.severity] as number)
    );
  });
}

describe('validate: memory flat in the rows', () => {
  it('--format ndjson: 200 000 rows under --max-old-space-size=96, findings in report order, then the summary', () => {
    const run = validateTo('ndjson');
    expect(run.stderr).toContain('接受 200000 accepted');
    expect(run.code).toBe(0);
    const lines = run.text.split('\n');
    expect(lines.pop()).toBe('');
    const last = JSON.parse(lines.pop() as string);
    expect(last.summary.units).toBe(200_000);
    expect(last.summary.findings).toBe(lines.length);
    expect(lines.length).toBeGreaterThan(200_000);
    expect(inReportOrder(lines.map((line) => JSON.parse(line)))).toBe(true);
  });

  it('--format json: the summary first, then every finding, one per line', () => {
    const run = validateTo('json');
    expect(run.code).toBe(0);
    const lines = run.text.split('\n');
    expect(lines[0]).toMatch(/^\{"asOf":"2025-12-31","profile":"national","summary":\{"units":200000,/);
    expect(lines.slice(-3)).toEqual([']', '}', '']);
    const count = Number(/"findings":(\d+)/.exec(lines[0] as string)?.[1]);
    // '{…"findings":[', one line per finding, ']', '}', ''
    expect(lines.length - 4).toBe(count);
  });

  it('--format csv: the header, then one line per finding', () => {
    const run = validateTo('csv');
    expect(run.code).toBe(0);
    expect(run.text.startsWith('\ufeffunit,rule,severity,')).toBe(true);
    expect(run.text.split('\r\n').length).toBeGreaterThan(200_000);
  });
});
