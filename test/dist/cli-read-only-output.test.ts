/**
 * A file the user may not write is not replaced by `--out` (exit 2, EACCES, as when it was written in place): the
 * partial file's rename needs only the folder to be writable, and replaced a file made read-only to keep it, or
 * another user's file in a shared folder. Run as root, the CLI runs as `nobody` (root may write any file). Run after
 * `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testTempDir } from '../helpers/temp-dir.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'dist', 'cli', 'index.js');
const sample = join(root, 'examples', 'data', 'sample-units.csv');
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

describe('--out over a file the user may not write', () => {
  for (const format of ['csv', 'xlsx'])
    it(`fails (exit 2, EACCES) and leaves the file as it was (${format})`, () => {
      const dir = testTempDir('read-only-output');
      chmodSync(dir, 0o777); // the folder is writable: only the file is not
      // The test run's folder above it is reached (traversed) by `nobody` too, or the folder check fails first.
      if (asRoot) chmodSync(dirname(dir), statSync(dirname(dir)).mode | 0o111);
      const out = join(dir, `kept.${format}`);
      writeFileSync(out, 'the kept result\n');
      chmodSync(out, 0o444);
      const run = spawnSync(
        process.execPath,
        [bin, 'validate', sample, '--format', format, '--as-of', '2025-12-31', '--out', out],
        { encoding: 'utf8', ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}) },
      );
      expect(run.stderr).toMatch(/^shequ: cannot write .* \(EACCES\)$/m);
      expect(run.status).toBe(2);
      expect(readFileSync(out, 'utf8')).toBe('the kept result\n');
      expect(statSync(out).mode & 0o777).toBe(0o444);
      expect(readdirSync(dir)).toEqual([`kept.${format}`]);
    });
});
