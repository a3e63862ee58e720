/**
 * The threads of a file read in ranges (parallel.ts, and validate's in the CLI): a worker over each range after the
 * first, this thread reading the first, then the tails it takes over from the workers still reading.
 */
import { type FileHandle, open } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { JobProgress } from './job.js';
import { lineStartFrom } from './range-plan.js';
import { createRangeProgress, type RangeProgress } from './range-progress.js';
import { type RangeJob, shareState, shortenShare } from './range-read.js';
import { workerWithJob } from './waiting-workers.js';

/** A worker's unclaimed bytes below which this thread does not take a tail over (≈ 40 ms of reading). */
export const MIN_TAIL_BYTES = 1 << 20;

/**
 * Runs the worker at `url` over a range (its job as its `workerData`, or sent to a worker started early and waiting for
 * it: waiting-workers.ts): resolves with its first message of kind `done`, its `progress` messages going to `onRead`.
 */
function runRangeWorker<Result extends { readonly kind: 'done' }>(
  url: URL,
  job: unknown,
  onRead: (read: number) => void,
  signal: AbortSignal | undefined,
  started: Worker[],
) {
  return new Promise<Result>((resolve, reject) => {
    // One started early by the command line, waiting for its job, else a new one.
    const worker = workerWithJob(url, job);
    started.push(worker);
    const stop = () => {
      void worker.terminate();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: Result | { kind: 'progress'; read: number }) => {
      if (message.kind === 'progress') return onRead((message as { read: number }).read);
      signal?.removeEventListener('abort', stop);
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      signal?.removeEventListener('abort', stop);
      reject(error);
    });
    // Ended with no result and no error (process.exit in it, ended from outside): the range failed, the read falls back
    // to one thread instead of waiting for ever. After a result or an error, this rejection is a no-op.
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      reject(new Error(`shequ: a range worker exited (code ${code}) without its result`));
    });
  });
}

/** Worker threads started over their ranges, with the rows they have read so far. */
export interface RangeWorkers<Result> {
  /** One promise per job, in the jobs' order; none goes unhandled before the caller awaits it. */
  readonly done: readonly Promise<Result>[];
  /** Rows the workers have reported read, together. */
  read(): number;
  /** Ends every worker (a range failed: the others' work is no longer wanted); safe after they have ended. */
  stop(): Promise<void>;
}

/**
 * Starts a worker over each job at `url` (the `indicators` and the `validate` ranges): each worker's progress is kept,
 * and `onRead` is told whenever one reports.
 */
export function startRangeWorkers<Result extends { readonly kind: 'done' }>(
  url: URL,
  jobs: readonly unknown[],
  onRead: () => void,
  signal: AbortSignal | undefined,
): RangeWorkers<Result> {
  const read = new Array<number>(jobs.length).fill(0);
  const started: Worker[] = [];
  const done = jobs.map((job, k) =>
    runRangeWorker<Result>(
      url,
      job,
      (count) => {
        read[k] = count;
        onRead();
      },
      signal,
      started,
    ),
  );
  // Rejections are awaited by the caller; until then none may go unhandled.
  for (const worker of done) worker.catch(() => undefined);
  return {
    done,
    read: () => read.reduce((a, b) => a + b, 0),
    stop: async () => {
      await Promise.all(started.map((worker) => worker.terminate().catch(() => undefined)));
    },
  };
}

/**
 * The second half of what the worker furthest behind has not claimed yet, cut at a line start and taken from it (its
 * range now ends there); `undefined` when no worker has `minTail` bytes left.
 */
async function takeTail<Job extends TailJob>(
  handle: FileHandle,
  jobs: readonly Job[],
  minTail: number,
): Promise<Job | undefined> {
  for (let attempt = 0; attempt < 8; attempt++) {
    let behind: { job: Job; share: BigInt64Array; claimed: number; end: number } | undefined;
    for (const job of jobs) {
      if (job.share === undefined) continue;
      const share = new BigInt64Array(job.share);
      const { claimed, end } = shareState(share);
      if (end - claimed >= Math.max(minTail, behind === undefined ? 0 : behind.end - behind.claimed))
        behind = { job, share, claimed, end };
    }
    if (behind === undefined) return undefined;
    const { job, share, claimed, end } = behind;
    const cut = await lineStartFrom(handle, job.start + claimed + Math.floor((end - claimed) / 2));
    if (cut === undefined || cut >= job.start + end) return undefined;
    // Refused when the worker claimed past the cut while it was looked for: then look again.
    if (shortenShare(share, cut - job.start)) {
      const { share: _taken, ...tail } = job;
      return { ...tail, start: cut, end: job.start + end } as Job;
    }
  }
  return undefined;
}

/** A range whose tail can be taken over: where it starts and ends, its shared word. */
export type TailJob = Pick<RangeJob, 'start' | 'end' | 'share'>;

/**
 * Takes over and reads here the tails of workers still reading, one after another, while one has `minTail` bytes
 * left (each tail costs a header read and an accumulator: not worth it for less); `read` reads a tail (`readRange`
 * for indicators, validate's own in the CLI).
 */
export async function readTailsWith<
  Job extends TailJob,
  Result extends { readonly counts: { read: number } },
>(
  path: string,
  jobs: readonly Job[],
  read: (tail: Job, onRead: (read: number) => void, signal: AbortSignal | undefined) => Promise<Result>,
  onRead: (read: number) => void,
  signal: AbortSignal | undefined,
  minTail = MIN_TAIL_BYTES,
): Promise<Result[]> {
  const tails: Result[] = [];
  if (jobs.every((range) => range.share === undefined)) return tails;
  const handle = await open(path, 'r');
  try {
    let done = 0;
    for (
      let tail = await takeTail(handle, jobs, minTail);
      tail !== undefined;
      tail = await takeTail(handle, jobs, minTail)
    ) {
      const result = await read(tail, (count) => onRead(done + count), signal);
      done += result.counts.read;
      onRead(done);
      tails.push(result);
    }
  } finally {
    await handle.close();
  }
  return tails;
}

/** How {@link readOnThreads} reads a file: the workers' jobs and how this thread reads the first range and a tail. */
export interface ThreadedRead<Job extends TailJob, Result, First> {
  /** The worker's module (it reads one job and posts its result, kind `done`). */
  readonly worker: URL;
  /** A job per worker, in file order after the first range. */
  readonly jobs: readonly Job[];
  /** Reads the first range here, reporting its own progress. */
  readonly readFirst: (onProgress: (progress: JobProgress) => void) => Promise<First>;
  /** Reads here a tail taken over from a worker (`readRange` for indicators). */
  readonly readTail: (
    tail: Job,
    onRead: (read: number) => void,
    signal: AbortSignal | undefined,
  ) => Promise<Result>;
  readonly onProgress: ((progress: JobProgress) => void) | undefined;
  readonly signal: AbortSignal | undefined;
}

/** What {@link readOnThreads} read: the first range's result, the others' in file order, the summed progress. */
export interface ThreadsRead<Result, First> {
  readonly first: First;
  readonly results: Result[];
  readonly progress: RangeProgress;
}

/**
 * Reads a file on several threads: a worker over each job, the first range here, then here the tails taken over from
 * the workers still reading. Every thread has ended when this settles. `undefined` when a worker failed (the file
 * changed under it, a thread could not start): the caller reads the file in one piece, which says what is wrong.
 * Rejects when the first range failed, the job was aborted or its onProgress threw (or a promise it returned rejected).
 */
export async function readOnThreads<
  Job extends TailJob,
  Result extends { readonly kind: 'done'; readonly start: number; readonly counts: { read: number } },
  First extends { readonly counts: { read: number; rejected: number } },
>(path: string, read: ThreadedRead<Job, Result, First>): Promise<ThreadsRead<Result, First> | undefined> {
  const { signal } = read;
  // Before a thread starts: a listener added to a signal aborted already would never stop it.
  signal?.throwIfAborted();
  const progress = createRangeProgress(
    read.onProgress,
    () => workers.read(),
    () => void workers.stop(),
  );
  const workers = startRangeWorkers<Result>(read.worker, read.jobs, progress.fromWorker, signal);
  let first: First;
  try {
    first = await read.readFirst(progress.here);
  } catch (error) {
    await workers.stop(); // no thread reads on for a job that has failed
    throw error;
  }
  // The first range's rows join the finished ones; the tails' count starts from zero.
  progress.finishHere(first.counts);
  let results: Result[];
  try {
    const onHere = (count: number) => progress.here({ read: count, rejected: 0 });
    const tails = await readTailsWith(path, read.jobs, read.readTail, onHere, signal);
    results = [...(await Promise.all(workers.done)), ...tails].sort((a, b) => a.start - b.start);
  } catch {
    // The others' work is not wanted, and the serial read says what is wrong — unless the job was aborted or its
    // callback threw.
    await workers.stop();
    progress.throwIfFailed();
    signal?.throwIfAborted();
    return undefined;
  }
  // Each worker was told to end when it gave its result: wait until every one has.
  await workers.stop();
  progress.throwIfFailed();
  return { first, results, progress };
}
