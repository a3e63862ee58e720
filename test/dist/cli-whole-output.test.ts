/**
 * The built CLI writes `--out FILE` whole or not at all (src/cli/partial-output.ts): the output goes into a partial
 * file beside the target, renamed over it once complete. A run stopped in the middle (Ctrl-C, a kill) leaves neither
 * a half file nor the partial one, and an earlier result at that path stays as it was — before, a nightly job that
 * was stopped left a truncated CSV or JSON Lines file that reads as a smaller result. Run after `npm run build`.
 */
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the bench helpers are plain JavaScript modules
import { nationalCsv } from '../../bench/io.bench.mjs';
import { testTempDir } from '../helpers/temp-dir.js';
import { runCliWatching } from '../helpers/watched-cli.js';

/** 60 000 national rows: ≈ 68 000 findings, tens of MB of output, written over a second or more. */
const input = nationalCsv(60_000) as string;

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Whether a partial file appeared in the output folder (when `signal` was sent: it was sent then). */
  sawPartial: boolean;
}

/** Runs the CLI; sends `signal` as soon as the partial output file appears in `folder` (the output begun, not complete). */
async function run(args: readonly string[], folder: string, signal?: NodeJS.Signals): Promise<Ended> {
  const ended = await runCliWatching(args, { folder, seen: (name) => name.endsWith('.partial'), signal });
  return { code: ended.code, signal: ended.signal, stderr: ended.stderr, sawPartial: ended.seen };
}

const COMMANDS = {
  validate: ['validate', input, '--format', 'ndjson', '--as-of', '2025-12-31', '--fail-on', 'never'],
  indicators: [
    'indicators',
    input,
    '--format',
    'csv',
    '--as-of',
    '2025-12-31',
    '--group-by',
    'township,unit',
  ],
};

describe('--out is written whole or not at all', () => {
  for (const [name, args] of Object.entries(COMMANDS))
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      it(`${name} stopped by ${signal} in the middle leaves the earlier result as it was, and no partial file`, async () => {
        const folder = testTempDir('whole-output');
        const out = join(folder, 'result.out');
        writeFileSync(out, 'the earlier result\n');
        const ended = await run([...args, '--out', out], folder, signal);
        expect(ended.sawPartial).toBe(true);
        expect(ended.signal).toBe(signal);
        expect(readdirSync(folder)).toEqual(['result.out']);
        expect(readFileSync(out, 'utf8')).toBe('the earlier result\n');
      });

  it('replaces an earlier result once complete, keeping its permissions, and leaves nothing else', async () => {
    const folder = testTempDir('whole-output');
    const out = join(folder, 'result.ndjson');
    writeFileSync(out, 'the earlier result\n');
    chmodSync(out, 0o640);
    const ended = await run([...COMMANDS.validate, '--out', out], folder);
    expect(ended.code).toBe(0);
    expect(ended.sawPartial).toBe(true);
    expect(readdirSync(folder)).toEqual(['result.ndjson']);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(JSON.parse(lines.at(-2) as string).summary.findings).toBe(lines.length - 2);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });
});
