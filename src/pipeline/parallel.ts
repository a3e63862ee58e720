/**
 * The national job on several cores: a CSV file is cut into byte ranges at line starts, found by reading a few bytes
 * around each cut (never by scanning the file first); the main thread reads the first range and one worker thread
 * each of the others, every one behind the file's own header. When the main thread is done first (a worker starts
 * late: it loads the library), it takes over the second half of what the slowest worker has not read yet, again
 * while that is worth it, so the threads finish together. The partial sums merge exactly (merging is associative and
 * commutative). A cut inside a quoted field shows as a range that ends inside quotes: then the file is read again in
 * one piece, so the figures, the rejected rows and their lines are always those of the serial read.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { Crosswalk, CrosswalkEntry } from '../indicators/crosswalk.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import { detectEncoding, type TextEncodingName } from '../io/decode.js';
import { readStatisticsWith } from '../io/read-core.js';
import type { RejectedRow } from '../io/row-reader.js';
import { createRowReaderWith } from '../io/row-reader-core.js';
import { isWorkbookStart } from '../io/workbook-start.js';
import {
  type IndicatorsJob,
  type JobInput,
  type JobProgress,
  readSourceWith,
  rowsAreTransient,
} from './indicators.js';
import { createRangeProgress } from './range-progress.js';
import {
  createRangeShare,
  linesOf,
  type RangeJob,
  type RangeResult,
  readAt,
  readRange,
  shareState,
  shortenShare,
} from './range-read.js';
import { endOfRecordOn } from './record-walk.js';
import type { SheetReadOptions } from './source.js';
import { workerWithJob } from './waiting-workers.js';

/** The entries of a crosswalk option, as plain data for a worker. */
function entriesOf(
  crosswalk: NonNullable<IndicatorsJob['settings']['crosswalk']>,
): readonly CrosswalkEntry[] {
  return Array.isArray(crosswalk) ? crosswalk : (crosswalk as Crosswalk).entries;
}

/** Bytes read at the start of a file to detect its encoding and find its header. */
const HEAD_BYTES = 65_536;
/** A worker's unclaimed bytes below which this thread does not take a tail over (≈ 40 ms of reading). */
export const MIN_TAIL_BYTES = 1 << 20;
/** Bytes read around a cut to find the next line start; a cut with no line break that near is dropped. */
const CUT_WINDOW = 1 << 16;

/** The layout of a file cut into ranges; `undefined` when it is read in one piece. */
export interface Plan {
  readonly encoding: TextEncodingName;
  readonly headerEnd: number;
  /** Lines of bytes [0, headerEnd). */
  readonly headerLines: number;
  /** Blank lines among them (counted again by every worker). */
  readonly headerBlankLines: number;
  /** Range starts after the first (the first range is [0, cuts[0])). */
  readonly cuts: readonly number[];
  readonly size: number;
}

/** The first line start at or after `at` (after LF, CRLF or a lone CR), or undefined if none is near. */
async function lineStartFrom(handle: FileHandle, at: number): Promise<number | undefined> {
  const window = await readAt(handle, at - 1, CUT_WINDOW + 1);
  for (let i = 0; i < window.length; i++) {
    const b = window[i];
    if (b === 0x0a) return at + i;
    if (b === 0x0d) {
      if (i + 1 >= window.length) return undefined; // a CR at the window's end: its LF may follow
      return window[i + 1] === 0x0a ? at + i + 1 : at + i;
    }
  }
  return undefined;
}

/** Finds the header in the file's first bytes and the line starts nearest to `ranges` equal cuts after it. */
export async function planRanges(
  path: string,
  ranges: number,
  read: SheetReadOptions,
): Promise<Plan | undefined> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = await readAt(handle, 0, HEAD_BYTES);
    if (isWorkbookStart(head)) return undefined; // a workbook: read whole by the workbook reader
    const encoding = read.encoding ?? detectEncoding(head);
    if (encoding === 'utf-16le' || encoding === 'utf-16be') return undefined; // line breaks are two bytes
    // The header and the counts only: a reader that leaves refused rows' reasons unsaid, so that zod (their reporter)
    // is not loaded before the threads start reading (≈ 50 ms of this thread's start); and only until the header
    // (the whole 64 KiB, ≈ 700 rows converted by cold code, took ≈ 20 ms).
    const headerOf = (bytes: Uint8Array) =>
      readStatisticsWith(bytes, { ...read, encoding }, createRowReaderWith(undefined), true);
    const found = headerOf(head);
    if (found.header === undefined) return undefined;
    const { end: headerEnd, lines: headerLines } = endOfRecordOn(head, found.header.line);
    if (headerEnd >= head.length) return undefined;
    const prefix = headerOf(head.subarray(0, headerEnd));
    const cuts: number[] = [];
    // Equal shares: this thread starts at once and the workers later, so it is done first and takes over the rest of
    // the slowest (readRanges), whatever the delay was.
    const step = (size - headerEnd) / ranges;
    for (let k = 1; k < ranges; k++) {
      const cut = await lineStartFrom(handle, Math.round(headerEnd + k * step));
      if (cut !== undefined && cut > (cuts.at(-1) ?? headerEnd) && cut < size) cuts.push(cut);
    }
    if (cuts.length === 0) return undefined;
    return { encoding, headerEnd, headerLines, headerBlankLines: prefix.counts.blankLines, cuts, size };
  } finally {
    await handle.close();
  }
}

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

/** A rejected row of a worker's range, with its lines in the whole file. */
function shiftRejected(row: RejectedRow, shift: number): RejectedRow {
  return {
    ...row,
    line: row.line + shift,
    issues: row.issues.map((issue) =>
      issue.line === undefined ? issue : { ...issue, line: issue.line + shift },
    ),
  };
}

/** What every range reader gives back about the rows it read (lines as in a file of the header and the range). */
export type RangeInput = Pick<RangeResult, 'rejected' | 'counts' | 'issues' | 'lines' | 'endedInQuotes'>;

/**
 * Merges the first range's input with the other ranges' results (the workers' and the tails'), in file order;
 * `undefined` when a cut was unsafe.
 */
function mergeRanges(
  job: IndicatorsJob,
  plan: Plan,
  first: JobInput & { lines: number },
  results: readonly RangeResult[],
): JobInput | undefined {
  return mergeRangeInputs(plan, first, results, (result, shift) => {
    if (!job.packing.mergePacked(result.packed).success) return false;
    // After the first range's (already in the job): file order, as the serial read gives them.
    for (const issue of result.notCounted)
      job.notCounted.push(issue.line === undefined ? issue : { ...issue, line: issue.line + shift });
    job.withoutYear.count += result.withoutYear;
    return true;
  });
}

/**
 * The input of the whole file from its ranges' (the first read here, the others given in file order): rejected rows
 * and issues with their lines in the file, the counts; `merge` takes each later range's own results with the shift
 * of its lines, and refuses (false) what cannot be merged exactly. `undefined` when a cut was unsafe or `merge`
 * refused: the file is to be read in one piece.
 */
export function mergeRangeInputs<Result extends RangeInput>(
  plan: Pick<Plan, 'encoding' | 'headerLines' | 'headerBlankLines'>,
  first: JobInput & { lines: number },
  results: readonly Result[],
  merge: (result: Result, shift: number) => boolean,
): JobInput | undefined {
  const ranges = [first, ...results];
  if (ranges.slice(0, -1).some((range) => range.endedInQuotes === true)) return undefined;
  const rejected = first.rejected.slice();
  const issues = first.issues.slice();
  let { read, accepted, blankLines } = first.counts;
  let linesBefore = first.lines;
  for (const result of results) {
    // The worker's file was the header lines, then its range: its line (headerLines + 1) is the file's linesBefore + 1.
    const shift = linesBefore - plan.headerLines;
    if (!merge(result, shift)) return undefined;
    for (const row of result.rejected) rejected.push(shiftRejected(row, shift));
    // Issues on the header's lines were given by the first range already (every worker reads the header again).
    for (const issue of result.issues) {
      if (issue.line === undefined) issues.push(issue);
      else if (issue.line > plan.headerLines) issues.push({ ...issue, line: issue.line + shift });
    }
    read += result.counts.read;
    accepted += result.counts.accepted;
    blankLines += result.counts.blankLines - plan.headerBlankLines;
    linesBefore += result.lines;
  }
  return {
    counts: { read, accepted, rejected: rejected.length, blankLines, titleLines: first.counts.titleLines },
    rejected,
    issues,
    header: first.header,
    encoding: plan.encoding,
    ...(results.at(-1)?.endedInQuotes === true ? { endedInQuotes: true } : {}),
  };
}

/** The job of each worker: its range (read through a shared word, so that its tail can be taken over). */
function workerJobs(path: string, job: IndicatorsJob, plan: Plan, profile: IndicatorProfileName): RangeJob[] {
  const ends = [...plan.cuts.slice(1), plan.size];
  const { year, crosswalk } = job.settings;
  return plan.cuts.map((start, k) => {
    const end = ends[k] as number;
    const share = createRangeShare(end - start);
    return {
      path,
      start,
      end,
      headerEnd: plan.headerEnd,
      encoding: plan.encoding,
      profile,
      ...(year === undefined ? {} : { year }),
      ...(crosswalk === undefined ? {} : { crosswalk: entriesOf(crosswalk) }),
      read: { ...(job.settings.read ?? {}) },
      ...(share === undefined ? {} : { share }),
    };
  });
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

/**
 * Takes over and reads here the tails of workers still reading, one after another, while one has `minTail` bytes
 * left (each tail costs a header read and an accumulator: not worth it for less).
 */
export function readTails(
  path: string,
  jobs: readonly RangeJob[],
  onRead: (read: number) => void,
  signal: AbortSignal | undefined,
  minTail = MIN_TAIL_BYTES,
): Promise<RangeResult[]> {
  return readTailsWith(path, jobs, readRange, onRead, signal, minTail);
}

/** A range whose tail can be taken over: where it starts and ends, its shared word. */
export type TailJob = Pick<RangeJob, 'start' | 'end' | 'share'>;

/** {@link readTails} with the reader of a tail given (`readRange` for indicators, validate's own in the CLI). */
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

/**
 * Reads a file in `plan`'s ranges: the first here, the others in workers, then here the tails taken over from workers
 * still reading; `undefined` when the cuts turned out to be unsafe (a range ended inside quotes) and the file must be
 * read in one piece. An abort, or an onProgress that throws, rejects once every worker has ended.
 */
export async function readRanges(
  path: string,
  job: IndicatorsJob,
  plan: Plan,
  profile: IndicatorProfileName,
): Promise<JobInput | undefined> {
  const { signal } = job.settings;
  // Before a thread starts: a listener added to a signal aborted already would never stop it.
  signal?.throwIfAborted();
  const jobs = workerJobs(path, job, plan, profile);
  const progress = createRangeProgress(
    job.settings.onProgress,
    () => workers.read(),
    () => void workers.stop(),
  );
  const workers = startRangeWorkers<RangeResult>(
    new URL('./indicators-worker.js', import.meta.url),
    jobs,
    progress.fromWorker,
    signal,
  );
  let first: JobInput;
  try {
    first = await readFirstRange(path, job, plan, progress.here);
  } catch (error) {
    await workers.stop();
    throw error;
  }
  progress.finishHere(first.counts);
  let results: RangeResult[];
  try {
    const tails = await readTails(path, jobs, (read) => progress.here({ read, rejected: 0 }), signal);
    results = [...(await Promise.all(workers.done)), ...tails].sort((a, b) => a.start - b.start);
  } catch {
    // A worker failed (the file changed under it, a thread could not start): the others' work is not wanted, and the
    // serial read says what is wrong — unless the job was aborted or its callback threw.
    await workers.stop();
    progress.throwIfFailed();
    signal?.throwIfAborted();
    return undefined;
  }
  // Every thread has ended when the job settles (each was told to end when it gave its result).
  await workers.stop();
  progress.throwIfFailed();
  const input = mergeRanges(job, plan, { ...first, lines: linesOf(first) }, results);
  if (input !== undefined) await progress.complete(input.counts);
  // An abort in the last report counts, as it does in one thread.
  signal?.throwIfAborted();
  return input;
}

/** Reads the first range here, into the job's accumulator. */
function readFirstRange(
  path: string,
  job: IndicatorsJob,
  plan: Plan,
  onProgress: (progress: JobProgress) => void,
): Promise<JobInput> {
  const { signal } = job.settings;
  return readSourceWith(
    createReadStream(path, { start: 0, end: (plan.cuts[0] as number) - 1, highWaterMark: 65_536 }),
    {
      read: { ...(job.settings.read ?? {}), encoding: plan.encoding },
      onProgress,
      ...(signal === undefined ? {} : { signal }),
    },
    job.add,
    rowsAreTransient(job),
  );
}
