/**
 * The tests' temporary folders are removed when their test or file ends (test/helpers/temp-dir.ts), and no test
 * makes one any other way: temp-guard.ts redirects the temp folder of the run and fails it when something is left,
 * but a literal '/tmp/…' path would escape that redirection, and a folder made by hand depends on someone remembering
 * to remove it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testTempDir, useTempDir } from './temp-dir.js';

const testRoot = dirname(import.meta.dirname);

/** Every TypeScript and JavaScript file under test/, by path relative to it. */
function testSources(dir: string = testRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testSources(path);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [relative(testRoot, path)] : [];
  });
}

/**
 * The helper itself, the guard, this file (which names the patterns), and the test of the CLI's own temporary folders
 * (which checks where they are made, and removes each one) may speak of the temp folder.
 */
const ALLOWED = new Set([
  'helpers/temp-dir.ts',
  'helpers/temp-guard.ts',
  'helpers/temp-dir.test.ts',
  'cli/temp-dirs.test.ts',
]);

describe('temporary folders of the tests', () => {
  let fileDir = '';
  let testDir = '';

  describe('useTempDir', () => {
    fileDir = useTempDir('helper-test');

    it('makes a shequ-<prefix>- folder under the temp folder, to write in', () => {
      expect(dirname(fileDir)).toBe(tmpdir());
      expect(basename(fileDir)).toMatch(/^shequ-helper-test-.{6}$/);
      writeFileSync(join(fileDir, 'a.csv'), 'x');
      expect(existsSync(join(fileDir, 'a.csv'))).toBe(true);
    });

    it('keeps it for every test of the block', () => {
      expect(existsSync(join(fileDir, 'a.csv'))).toBe(true);
    });
  });

  it('useTempDir removes the folder and what it holds once its block is done', () => {
    expect(fileDir).not.toBe('');
    expect(existsSync(fileDir)).toBe(false);
  });

  it('testTempDir makes a folder for the running test', () => {
    testDir = testTempDir('helper-test');
    writeFileSync(join(testDir, 'b.csv'), 'y');
    expect(existsSync(join(testDir, 'b.csv'))).toBe(true);
  });

  it('testTempDir removes it when that test has ended', () => {
    expect(testDir).not.toBe('');
    expect(existsSync(testDir)).toBe(false);
  });

  it('is the only way a test makes one: no mkdtemp, tmpdir() nor literal /tmp path elsewhere in test/', () => {
    const sources = testSources();
    expect(sources).toContain('dist/cli.test.ts'); // the walk reaches the dist tests too
    const offenders = sources
      .filter((file) => !ALLOWED.has(file))
      .filter((file) => /mkdtemp|tmpdir\s*\(|['"`]\/tmp\//.test(readFileSync(join(testRoot, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
