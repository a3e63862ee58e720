/**
 * The HTML report of a large file (issue 16): 200 000 generated national rows give a page under 10 MB (the findings
 * summarised per rule, the full list in the companion CSV), whose findings count equals the validator's, whose
 * per-rule counts add up to it, and whose companion CSV holds every finding. Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the bench helpers are plain JavaScript modules
import { nationalCsv } from '../../bench/io.bench.mjs';
import { useTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const dir = useTempDir('report-size');
const TEN_MB = 10 * 1024 * 1024;

const shequ = (args: readonly string[]) =>
  spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });

describe('the report of a large file', () => {
  it('200 000 rows: under 10 MB, findings count equal to the validator’s, every finding in the CSV beside it', () => {
    const input = nationalCsv(200_000) as string;
    const html = join(dir, 'national.html');
    const run = shequ(['report', input, '--as-of', '2025-12-31', '--out', html]);
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(html).size).toBeLessThan(TEN_MB);
    const page = readFileSync(html, 'utf8');
    const shown = Number(/<span class="findings-total">(\d+)<\/span>/.exec(page)?.[1]);
    const validated = shequ([
      'validate',
      input,
      '--as-of',
      '2025-12-31',
      '--format',
      'ndjson',
      '--fail-on',
      'never',
    ]);
    const last = JSON.parse(validated.stdout.trimEnd().split('\n').at(-1) as string);
    expect(shown).toBe(last.summary.findings);
    expect(shown).toBeGreaterThan(100_000);
    // The per-rule table adds up to the total, and the collapsed list is bounded.
    const perRule = [...page.matchAll(/<tr data-rule="[^"]*" data-count="(\d+)">/g)].map((m) => Number(m[1]));
    expect(perRule.reduce((sum, count) => sum + count, 0)).toBe(shown);
    expect((page.match(/<li class=/g) ?? []).length).toBeLessThanOrEqual(1000);
    expect(page).toContain('href="national.findings.csv"');
    const csv = readFileSync(join(dir, 'national.findings.csv'), 'utf8');
    expect(csv.startsWith('\ufeffunit,rule,severity,')).toBe(true);
    expect(csv.split('\r\n').length - 2).toBe(shown); // header and the empty piece after the last line end
    // Summary first, a legend, a chart per indicator.
    expect(page.indexOf('id="summary"')).toBeLessThan(page.indexOf('id="indicators"'));
    expect(page).toContain('id="legend"');
  });
});
