/**
 * A worker started before the command loads that the run then does not take — the command read its file in one
 * thread after all (here a UTF-16 file, whose line breaks are two bytes: never cut into ranges) — is ended when the
 * run ends, not left waiting.
 */
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { villageLines } from '../helpers/village-lines.js';

/** The threads started, as fakes that record what was done to them. */
const started: { terminated: boolean; jobs: unknown[] }[] = [];

vi.mock('node:worker_threads', async (original) => ({
  ...(await original<typeof import('node:worker_threads')>()),
  Worker: class extends EventEmitter {
    readonly record = { terminated: false, jobs: [] as unknown[] };
    constructor() {
      super();
      started.push(this.record);
    }
    unref() {}
    ref() {}
    postMessage(job: unknown) {
      this.record.jobs.push(job);
    }
    terminate() {
      this.record.terminated = true;
      return Promise.resolve(1);
    }
  },
}));

const dir = useTempDir('early-unused');

describe('early workers the run did not take', () => {
  it('are ended when the run ends', async () => {
    const file = join(dir, 'units-utf16.csv');
    // UTF-16 with its BOM, over 256 KiB: --workers 2 asks for two threads, the reader takes one.
    writeFileSync(file, Buffer.from(`\ufeff${villageLines(8_000).join('\r\n')}\r\n`, 'utf16le'));
    const script = join(dir, 'worker.js');
    writeFileSync(script, '');
    const args = ['indicators', file, '--workers', '2', '--format', 'json', '--as-of', '2025-12-31'];
    const run = await runMain(args, {}, { indicators: new URL(`file://${script}`) });
    expect(run.stderr).toContain('读取 8000 行 read');
    expect(started).toHaveLength(1);
    expect(started[0]).toEqual({ terminated: true, jobs: [] });
  });
});
