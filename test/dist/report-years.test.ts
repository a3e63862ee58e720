/**
 * `shequ report FILE…` over the bundled three-year sample: a line chart per indicator, and on top the 十四五 evaluation
 * (the period ended 2025-12-31, before the as-of date) agreeing with `shequ evaluate`. Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('report-years');
const files = [2023, 2024, 2025].map((year) => join(root, 'examples', 'data', `sample-units-${year}.csv`));

const shequ = (args: readonly string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });

describe('the report of several years', () => {
  it('shows a trend chart per indicator and the ended period’s evaluation on top', () => {
    const html = join(dir, 'years.html');
    const run = shequ(['report', ...files, '--profile', 'hebei', '--as-of', '2026-06-30', '--out', html]);
    expect(run.status, run.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    const trends = page.match(/<figure class="trend" data-indicator="[^"]+"/g) ?? [];
    expect(trends.length).toBeGreaterThan(5);
    expect(page).toMatch(
      /<figure class="trend" data-indicator="ruralFacilityCoverage"[^<]*><figcaption>[^<]*<small>[^<]*2023–2025/,
    );
    expect(page.indexOf('id="evaluation"')).toBeGreaterThan(0);
    expect(page.indexOf('id="evaluation"')).toBeLessThan(page.indexOf('id="summary"'));
    expect(page.indexOf('id="summary"')).toBeLessThan(page.indexOf('id="trends"'));
    // The table's 2025 actual of the province equals what `shequ evaluate` computes from the same files.
    const evaluate = shequ([
      'evaluate',
      ...files,
      '--profile',
      'hebei',
      '--as-of',
      '2026-06-30',
      '--format',
      'json',
    ]);
    expect(evaluate.status, evaluate.stderr).toBe(0);
    const rows = JSON.parse(evaluate.stdout).rows as {
      region: string;
      indicator: string;
      actual: number | null;
    }[];
    const province = rows.find((r) => r.region === '130000000000' && r.indicator === 'ruralFacilityCoverage');
    expect(province?.actual).toEqual(expect.any(Number));
    const section = page.slice(page.indexOf('id="evaluation"'), page.indexOf('id="summary"'));
    expect(section).toContain('130000000000');
    expect(section).toContain(`>${province?.actual}<`);
  });

  it('shows no evaluation before the period has ended, and no trend for one year', () => {
    const early = join(dir, 'early.html');
    expect(
      shequ(['report', ...files, '--profile', 'hebei', '--as-of', '2025-06-30', '--out', early]).status,
    ).toBe(0);
    const page = readFileSync(early, 'utf8');
    expect(page).not.toContain('id="evaluation"');
    expect(page).toContain('id="trends"');
    const one = join(dir, 'one.html');
    expect(shequ(['report', files[2] as string, '--profile', 'hebei', '--out', one]).status).toBe(0);
    expect(readFileSync(one, 'utf8')).not.toContain('id="trends"');
  });

  it('refuses --rejects with several files and a file given twice', () => {
    const out = join(dir, 'x.html');
    const rejects = shequ(['report', ...files, '--rejects', join(dir, 'r.csv'), '--out', out]);
    expect(rejects.status).toBe(2);
    expect(rejects.stderr).toContain('--rejects');
    const twice = shequ(['report', files[0] as string, files[0] as string, '--out', out]);
    expect(twice.status).toBe(2);
  });
});
