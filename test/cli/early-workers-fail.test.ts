/**
 * The workers started before the command loads are an optimisation: a thread that cannot start then (the process's
 * thread limit, no memory) must leave the run as it would be without them — the range reader starts its own later, or
 * reads in one thread — never end it with an error.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { villageLines } from '../helpers/village-lines.js';

// Every thread fails to start, as `new Worker` does when the system refuses one (ERR_WORKER_INIT_FAILED).
vi.mock('node:worker_threads', async (original) => ({
  ...(await original<typeof import('node:worker_threads')>()),
  Worker: class {
    constructor() {
      throw Object.assign(new Error('Worker initialization failure: EAGAIN'), {
        code: 'ERR_WORKER_INIT_FAILED',
      });
    }
  },
}));

const dir = useTempDir('early-fail');

const shequ = (args: readonly string[], scripts: Parameters<typeof runMain>[2]) => runMain(args, {}, scripts);

describe('early workers that cannot start', () => {
  it('leave the run as it is without them', async () => {
    const file = join(dir, 'units.csv');
    writeFileSync(file, `${villageLines(8_000).join('\n')}\n`); // over 256 KiB: read in ranges with --workers 2
    const args = ['indicators', file, '--workers', '2', '--format', 'json', '--as-of', '2025-12-31'];
    const script = join(dir, 'worker.js');
    writeFileSync(script, '');
    const without = await shequ(args, {});
    expect(without.stderr).toContain('读取 8000 行 read');
    const withEarly = await shequ(args, { indicators: new URL(`file://${script}`) });
    expect(withEarly).toEqual(without);
  });
});
