/**
 * The built CLI removes its own temporary files however a run ends. `validate` (and `report`) keep a large file's
 * findings in sorted runs on disk (src/cli/run-store.ts); each run is watched here in a temp folder of its own, the
 * spill seen as it happens, and the folder must be empty once the process has gone: after success, after a failure
 * to write the output, and after Ctrl-C (SIGINT) or a kill (SIGTERM) in the middle of the work — which, before
 * src/cli/temp-dirs.ts, left hundreds of megabytes per national file in /tmp. Run after `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the bench helpers are plain JavaScript modules
import { nationalCsv } from '../../bench/io.bench.mjs';
import { testTempDir, useTempDir } from '../helpers/temp-dir.js';
import { runCliWatching } from '../helpers/watched-cli.js';

const outputs = useTempDir('cli-temp-out');
/** 60 000 national rows give ≈ 68 000 findings, ≈ 37 MB of NDJSON: five runs of 8 MB spilled to disk. */
const input = nationalCsv(60_000) as string;

interface Watched {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Whether the command made its temporary folder (it spilled a run to disk). */
  spilled: boolean;
  /** What is left in the command's temp folder once it has ended. */
  left: string[];
}

/**
 * Runs the command with a temp folder of its own, watched; sends `signal` as soon as the command has made its
 * temporary folder (in the middle of the work), when given.
 */
async function runWatched(args: readonly string[], signal?: NodeJS.Signals): Promise<Watched> {
  const tmp = testTempDir('cli-temp');
  const run = await runCliWatching(args, {
    folder: tmp,
    seen: (name) => name.startsWith('shequ-'),
    signal,
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
  });
  return {
    code: run.code,
    signal: run.signal,
    stderr: run.stderr,
    spilled: run.seen,
    left: readdirSync(tmp),
  };
}

const VALIDATE = ['validate', input, '--format', 'ndjson', '--as-of', '2025-12-31', '--fail-on', 'never'];

describe('the temporary files of validate’s sorted runs', () => {
  it('are removed after a run that succeeds (and the findings are all written)', async () => {
    const out = join(outputs, 'findings.ndjson');
    const run = await runWatched([...VALIDATE, '--out', out]);
    expect(run.stderr).toContain('接受 60000 accepted');
    expect(run.code).toBe(0);
    expect(run.spilled).toBe(true);
    expect(run.left).toEqual([]);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(JSON.parse(lines.at(-2) as string).summary.findings).toBe(lines.length - 2);
  });

  it('are removed after a run that fails to write its output (exit 2)', async () => {
    expect(existsSync('/dev/full'), 'a Linux machine: /dev/full fails every write with ENOSPC').toBe(true);
    const run = await runWatched([...VALIDATE, '--out', '/dev/full']);
    expect(run.stderr).toContain('cannot write /dev/full (ENOSPC)');
    expect(run.code).toBe(2);
    expect(run.spilled).toBe(true);
    expect(run.left).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    it(`are removed when the run is stopped by ${signal} in the middle, which still ends it by that signal`, async () => {
      const run = await runWatched([...VALIDATE, '--out', join(outputs, `${signal}.ndjson`)], signal);
      expect(run.spilled).toBe(true);
      expect(run.signal).toBe(signal);
      expect(run.code).toBe(null);
      expect(run.left).toEqual([]);
    });
});
