/**
 * `shequ report` writes a page and the files beside it (the findings CSV it links to, the rejected rows): when one of
 * them cannot be written, the run fails (exit 2) and leaves none of the files it opened — no page beside a missing or
 * half CSV, no CSV beside a missing page — and says on stderr what it removed and what it could not. A write that
 * fails is made with a symlink to /dev/full (every write: ENOSPC), which passes the checks made before the work, as a
 * disk that fills up during the run would. Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');

/** The report of the sample (it has findings, so the findings CSV is written) with rejected rows to a file. */
function report(dir: string, failing?: string) {
  if (failing !== undefined) symlinkSync('/dev/full', join(dir, failing));
  const run = spawnSync(
    process.execPath,
    [bin, 'report', sample, ...['--out', 'r.html', '--rejects', 'rejects.csv', '--as-of', '2025-12-31']],
    // In the folder, with names relative to it: the messages name the files as given.
    { cwd: dir, encoding: 'utf8' },
  );
  return { code: run.status, stderr: run.stderr, stdout: run.stdout };
}

/** The regular files in a folder (a symlink to /dev/full is not one). */
const regularFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => lstatSync(join(dir, name)).isFile())
    .sort();

describe('shequ report: the page and the files beside it are written whole, or none of them', () => {
  it('writes the page, its findings CSV and the rejected rows when it can (exit 0, nothing said of removals)', () => {
    const dir = testTempDir('report-outputs');
    const run = report(dir);
    expect(run.code).toBe(0);
    expect(regularFiles(dir)).toEqual(['r.findings.csv', 'r.html', 'rejects.csv']);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('r.findings.csv');
    expect(run.stderr).not.toContain('removed');
  });

  // In the order the command writes them: each failure comes after the outputs before it were written whole.
  const written = ['r.findings.csv', 'r.html', 'rejects.csv'];
  for (const [at, failing] of written.entries())
    it(`fails (exit 2) and leaves no output of the run when ${failing} cannot be written`, () => {
      expect(existsSync('/dev/full'), 'a Linux machine: /dev/full fails every write with ENOSPC').toBe(true);
      const dir = testTempDir('report-outputs');
      // A file of an older run that this one never opens (the table is not cut): left as it was.
      writeFileSync(join(dir, 'r.indicators.csv'), 'older');
      const run = report(dir, failing);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`cannot write ${failing} (ENOSPC)`);
      expect(regularFiles(dir)).toEqual(['r.indicators.csv']);
      expect(readFileSync(join(dir, 'r.indicators.csv'), 'utf8')).toBe('older');
      // What was written whole before the failure is named as removed; the symlink as left (not ours to remove).
      const removed = written.slice(0, at);
      const line =
        run.stderr.split('\n').find((text) => text.startsWith('shequ report: the run failed')) ?? '';
      expect(line).toBe(
        'shequ report: the run failed before its output was complete' +
          (removed.length > 0 ? `; removed: ${removed.join(', ')}` : '') +
          `; could not remove (may be incomplete): ${failing}`,
      );
    });
});
