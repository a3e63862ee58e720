/**
 * A range worker that ends without a result and without an error (`process.exit` in the worker, a thread ended from
 * outside) must fail its range — the read falls back to one thread — not leave the read waiting for ever, whether it
 * was started with its job or started early and sent it (waiting-workers.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startRangeWorkers } from '../../src/pipeline/range-threads.js';
import { AWAIT_JOB, startWaitingWorkers, stopWaitingWorkers } from '../../src/pipeline/waiting-workers.js';

/** A worker that takes its job as the range workers do, then exits with code 0 and no message. */
const EXITS = new URL(
  `data:text/javascript,${encodeURIComponent(`
import { parentPort, workerData } from 'node:worker_threads';
if (workerData === ${JSON.stringify(AWAIT_JOB)}) await new Promise((resolve) => parentPort.once('message', resolve));
process.exit(0);`)}`,
);

afterEach(async () => {
  await stopWaitingWorkers();
});

describe('a range worker that exits without a result', () => {
  it.each([
    ['started with its job', false],
    ['started early, sent its job', true],
  ])('%s: its range fails', async (_, early) => {
    if (early) startWaitingWorkers(EXITS, 1);
    const { done } = startRangeWorkers(EXITS, [{ range: 1 }], () => undefined, undefined);
    await expect(done[0]).rejects.toThrow(/exited/);
  });
});

describe('stop', () => {
  it('ends the workers still reading (a range failed: their work is no longer wanted)', async () => {
    const reads = new URL(
      `data:text/javascript,${encodeURIComponent('setInterval(() => undefined, 1000); // reads for ever')}`,
    );
    const workers = startRangeWorkers(reads, [{ range: 1 }, { range: 2 }], () => undefined, undefined);
    await workers.stop();
    for (const worker of workers.done) await expect(worker).rejects.toThrow(/exited/);
    await workers.stop(); // again, once ended: nothing to do
  });
});
