/**
 * A global setup of both vitest configs (unit and dist) that proves no test — nor the built CLI that the dist tests
 * run — leaves anything in the temp folder. The run gets a private temp folder of its own (TMPDIR, TMP and TEMP point
 * to it, so os.tmpdir() in every test worker and in every child process they start names it); after the last test
 * it must be empty. Whatever is left is listed, removed, and the run fails (exit 1).
 *
 * A private folder rather than a listing of /tmp before and after: other runs on the same machine (CI jobs, people)
 * create and remove `shequ-*` entries there meanwhile, and a listing would blame this run for them — or miss a leak
 * that someone else's cleanup removed. And it catches every name, not only `shequ-*` (a browser profile, a CLI's own
 * temporary files). A test that wrote to a literal '/tmp' path would escape it: test/helpers/temp-dir.test.ts keeps
 * such paths out of the tests.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NAMES = ['TMPDIR', 'TMP', 'TEMP'] as const;

let root: string | undefined;
const saved = new Map<string, string | undefined>();

/** Points the run's temp folder at a new empty folder. */
export function setup(): void {
  root = mkdtempSync(join(tmpdir(), 'shequ-test-run-'));
  for (const name of NAMES) {
    saved.set(name, process.env[name]);
    process.env[name] = root;
  }
}

/** Fails the run when the run's temp folder is not empty; removes it either way. */
export function teardown(): void {
  if (root === undefined) return;
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  const left = readdirSync(root);
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  if (left.length === 0) return;
  // A throw in a teardown is only printed by vitest: the exit code is what makes CI fail.
  process.exitCode = 1;
  throw new Error(
    `tests left ${left.length} entries in the temp folder (use useTempDir/testTempDir of test/helpers/temp-dir.ts, ` +
      `and make the CLI remove its own): ${left.join(', ')}`,
  );
}
