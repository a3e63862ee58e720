/**
 * The one way a test makes a temporary folder: `shequ-<prefix>-XXXXXX` under the OS temp folder, removed with all it
 * holds when the test file (or the test) ends, whether it passed or failed. Suites that wrote a national CSV or a
 * 300 MB findings file into /tmp and left it there filled CI machines' disks; test/helpers/temp-guard.ts (a global
 * setup of both vitest configs) fails the run when anything is left in the temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** Removes a folder and everything in it; a folder already gone is fine. */
export function removeDir(dir: string): void {
  // Retries: a child process killed a moment ago may still hold a file open (Windows refuses to delete it then).
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

function makeDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shequ-${prefix}-`));
}

/**
 * A temporary folder for a whole test file or `describe` block, removed after its last test (`afterAll`). Call it at
 * the top of the file or of the block, not inside a test (use {@link testTempDir} there).
 *
 * @example
 * const dir = useTempDir('cli'); //=> '/tmp/shequ-cli-Ab12Cd', gone when the file's tests are done
 */
export function useTempDir(prefix: string): string {
  const dir = makeDir(prefix);
  afterAll(() => removeDir(dir));
  return dir;
}

/**
 * A temporary folder for the test that is running, removed when it finishes (`onTestFinished`), pass or fail.
 *
 * @example
 * it('reads a file', () => {
 *   const dir = testTempDir('io'); //=> '/tmp/shequ-io-Ef34Gh', gone when this test ends
 * });
 */
export function testTempDir(prefix: string): string {
  const dir = makeDir(prefix);
  onTestFinished(() => removeDir(dir));
  return dir;
}
