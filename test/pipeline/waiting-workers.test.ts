/**
 * Workers started before their job is known (pipeline/waiting-workers.ts): a waiting worker is handed its job by
 * message and runs it as one started with the job would; one that failed while it waited is never handed a job; the
 * ones no job took are ended.
 */
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AWAIT_JOB,
  startWaitingWorkers,
  stopWaitingWorkers,
  workerWithJob,
} from '../../src/pipeline/waiting-workers.js';

/** A worker script as a data: URL; `body` runs after `job` is known (the protocol of jobOfThisWorker). */
const script = (body: string) =>
  new URL(
    `data:text/javascript,${encodeURIComponent(`
import { parentPort, threadId, workerData } from 'node:worker_threads';
const job = workerData === ${JSON.stringify(AWAIT_JOB)}
  ? await new Promise((resolve) => parentPort.once('message', resolve))
  : workerData;
${body}`)}`,
  );

const ECHO = script(`parentPort.postMessage({ kind: 'done', job, threadId, waited: workerData !== job });`);
/** A script that fails as it loads, before it waits for anything. */
const BROKEN = new URL(`data:text/javascript,${encodeURIComponent(`throw new Error('cannot load');`)}`);

const reply = (worker: Worker) =>
  new Promise<{ job: unknown; threadId: number; waited: boolean }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
const exited = (worker: Worker) => new Promise((resolve) => worker.once('exit', resolve));

afterEach(async () => {
  await stopWaitingWorkers();
});

describe('waiting workers', () => {
  it('a waiting worker is handed the job by message; once taken, the next gets a new worker with the job as its data', async () => {
    const [waiting] = startWaitingWorkers(ECHO, 1);
    const first = workerWithJob(ECHO, { range: 1, share: new SharedArrayBuffer(8) });
    expect(first).toBe(waiting);
    const answer = await reply(first);
    expect(answer).toMatchObject({ job: { range: 1 }, waited: true, threadId: first.threadId });
    const second = workerWithJob(ECHO, { range: 2 });
    expect(second).not.toBe(waiting);
    expect(await reply(second)).toMatchObject({ job: { range: 2 }, waited: false });
    await Promise.all([first.terminate(), second.terminate()]);
  });

  it('a worker of another script is not taken', async () => {
    const [waiting] = startWaitingWorkers(ECHO, 1);
    const other = workerWithJob(script(`parentPort.postMessage({ job, threadId, waited: false });`), {
      x: 1,
    });
    expect(other).not.toBe(waiting);
    await reply(other);
    await other.terminate();
  });

  it('a worker that failed while it waited is passed over', async () => {
    const [broken] = startWaitingWorkers(BROKEN, 1) as [Worker];
    await exited(broken);
    const worker = workerWithJob(BROKEN, {});
    expect(worker).not.toBe(broken);
    await expect(reply(worker)).rejects.toThrow('cannot load');
  });

  it('the workers no job took are ended', async () => {
    const workers = startWaitingWorkers(ECHO, 2);
    const ends = workers.map(exited);
    await stopWaitingWorkers();
    await Promise.all(ends);
    const fresh = workerWithJob(ECHO, { after: true });
    expect(workers).not.toContain(fresh);
    expect(await reply(fresh)).toMatchObject({ waited: false });
    await fresh.terminate();
  });
});
