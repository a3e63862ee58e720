/**
 * The national job on several cores: a CSV file is cut into byte ranges at line starts, found by reading a few bytes
 * around each cut (never by scanning the file first); the main thread reads the first range and one worker thread
 * each of the others, every one behind the file's own header; the partial sums merge exactly (merging is
 * associative and commutative). A cut inside a quoted field shows as a range that ends inside quotes: then the file
 * is read again in one piece, so the figures, the rejected rows and their lines are always those of the serial read.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Issue } from '../core/issue.js';
import type { Crosswalk, CrosswalkEntry } from '../indicators/crosswalk.js';
import type { PackedIndicatorParts } from '../indicators/parts-packed.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import { detectEncoding, type TextEncodingName } from '../io/decode.js';
import { readUnitStatistics } from '../io/read.js';
import type { ReadCounts, RejectedRow } from '../io/row-reader.js';
import { type IndicatorsJob, type JobInput, type JobProgress, readSource } from './indicators.js';
import { createLineCounter, endOfRecordOn } from './record-walk.js';
import type { SheetReadOptions } from './source.js';

/** What a worker is given: its byte range, where the header ends, how to read. */
export interface RangeJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** Bytes [0, headerEnd) hold the title lines and the header. */
  readonly headerEnd: number;
  readonly encoding: TextEncodingName;
  readonly profile: IndicatorProfileName;
  /** The year of rows without one (the job's `year` option). */
  readonly year?: number;
  /** The job's crosswalk entries (plain data: they cross to the worker as they are). */
  readonly crosswalk?: readonly CrosswalkEntry[];
  readonly read: Omit<SheetReadOptions, 'encoding'>;
}

/** What a worker sends back when its range is read. */
export interface RangeResult {
  readonly kind: 'done';
  /** The range's sums, packed (their buffers transferred). */
  readonly packed: PackedIndicatorParts;
  /** Rejected rows, lines counted as in a file of the header followed by the range. */
  readonly rejected: readonly RejectedRow[];
  readonly counts: ReadCounts;
  readonly issues: readonly Issue[];
  /** Issues of accepted rows the range's accumulator did not count (lines as for `rejected`). */
  readonly notCounted: readonly Issue[];
  /** Rows counted without a year of their own. */
  readonly withoutYear: number;
  /** Physical lines of the range. */
  readonly lines: number;
  readonly endedInQuotes: boolean;
}

/** The entries of a crosswalk option, as plain data for a worker. */
function entriesOf(
  crosswalk: NonNullable<IndicatorsJob['settings']['crosswalk']>,
): readonly CrosswalkEntry[] {
  return Array.isArray(crosswalk) ? crosswalk : (crosswalk as Crosswalk).entries;
}

/** Bytes read at the start of a file to detect its encoding and find its header. */
const HEAD_BYTES = 65_536;
/** Files smaller than this are read in one thread by default: a worker costs more to start than it saves. */
export const MIN_PARALLEL_BYTES = 32 << 20;
/** Below this, a file is read in one thread even when workers are asked for. */
const MIN_RANGE_BYTES = 1 << 18;
/** What this thread reads while a worker starts (≈ 100 ms at ≈ 30 MB/s a thread). */
const WORKER_START_BYTES = 3 << 20;
/** Bytes read around a cut to find the next line start; a cut with no line break that near is dropped. */
const CUT_WINDOW = 1 << 16;

/** The layout of a file cut into ranges; `undefined` when it is read in one piece. */
interface Plan {
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

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
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
    if (head[0] === 0x50 && head[1] === 0x4b) return undefined; // a workbook (zip)
    const encoding = read.encoding ?? detectEncoding(head);
    if (encoding === 'utf-16le' || encoding === 'utf-16be') return undefined; // line breaks are two bytes
    const found = readUnitStatistics(head, { ...read, encoding });
    if (found.header === undefined) return undefined;
    const { end: headerEnd, lines: headerLines } = endOfRecordOn(head, found.header.line);
    if (headerEnd >= head.length) return undefined;
    const prefix = readUnitStatistics(head.subarray(0, headerEnd), { ...read, encoding });
    const cuts: number[] = [];
    // This thread starts at once, a worker ≈ 100 ms later (it loads the library): the first range is longer by what
    // this thread reads meanwhile, so that all finish together (never more than half the file's extra share).
    const total = size - headerEnd;
    const headStart = Math.min(WORKER_START_BYTES, total / (2 * ranges));
    const first = total / ranges + ((ranges - 1) * headStart) / ranges;
    const step = (total - first) / (ranges - 1);
    for (let k = 1; k < ranges; k++) {
      const cut = await lineStartFrom(handle, Math.round(headerEnd + first + (k - 1) * step));
      if (cut !== undefined && cut > (cuts.at(-1) ?? headerEnd) && cut < size) cuts.push(cut);
    }
    if (cuts.length === 0) return undefined;
    return { encoding, headerEnd, headerLines, headerBlankLines: prefix.counts.blankLines, cuts, size };
  } finally {
    await handle.close();
  }
}

/** The chunks of a byte stream, their line breaks counted on the way. */
async function* countingLines(
  source: AsyncIterable<Uint8Array>,
  counter: ReturnType<typeof createLineCounter>,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    counter.count(chunk);
    yield chunk;
  }
}

/** Runs one worker over a range; its progress messages go to `onRead`. */
function runWorker(job: RangeJob, onRead: (read: number) => void, signal: AbortSignal | undefined) {
  return new Promise<RangeResult>((resolve, reject) => {
    const worker = new Worker(new URL('./indicators-worker.js', import.meta.url), { workerData: job });
    const stop = () => {
      void worker.terminate();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: RangeResult | { kind: 'progress'; read: number }) => {
      if (message.kind === 'progress') return onRead(message.read);
      signal?.removeEventListener('abort', stop);
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      signal?.removeEventListener('abort', stop);
      reject(error);
    });
  });
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

/** Merges the first range's input with the workers' results, in file order; `undefined` when a cut was unsafe. */
function mergeRanges(
  job: IndicatorsJob,
  plan: Plan,
  first: JobInput & { lines: number },
  results: readonly RangeResult[],
): JobInput | undefined {
  const ranges = [first, ...results];
  if (ranges.slice(0, -1).some((range) => range.endedInQuotes === true)) return undefined;
  const rejected = first.rejected.slice();
  const issues = first.issues.slice();
  let { read, accepted, blankLines } = first.counts;
  let linesBefore = first.lines;
  for (const result of results) {
    const merged = job.packing.mergePacked(result.packed);
    if (!merged.success) return undefined;
    // The worker's file was the header lines, then its range: its line (headerLines + 1) is the file's linesBefore + 1.
    const shift = linesBefore - plan.headerLines;
    for (const row of result.rejected) rejected.push(shiftRejected(row, shift));
    // After the first range's (already in the job): file order, as the serial read gives them.
    for (const issue of result.notCounted)
      job.notCounted.push(issue.line === undefined ? issue : { ...issue, line: issue.line + shift });
    // Issues on the header's lines were given by the first range already (every worker reads the header again).
    for (const issue of result.issues) {
      if (issue.line === undefined) issues.push(issue);
      else if (issue.line > plan.headerLines) issues.push({ ...issue, line: issue.line + shift });
    }
    job.withoutYear.count += result.withoutYear;
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

/**
 * Reads a file in `plan`'s ranges: the first here, the others in workers; `undefined` when the cuts turned out to be
 * unsafe (a range ended inside quotes) and the file must be read in one piece.
 */
export async function readRanges(
  path: string,
  job: IndicatorsJob,
  plan: Plan,
  profile: IndicatorProfileName,
): Promise<JobInput | undefined> {
  const { signal, onProgress } = job.settings;
  const read = { ...(job.settings.read ?? {}) };
  const ends = [...plan.cuts.slice(1), plan.size];
  const workerRead = new Array<number>(plan.cuts.length).fill(0);
  let firstProgress: JobProgress = { read: 0, rejected: 0 };
  const report = () =>
    onProgress?.({
      read: firstProgress.read + workerRead.reduce((a, b) => a + b, 0),
      rejected: firstProgress.rejected,
    });
  const workers = plan.cuts.map((start, k) =>
    runWorker(
      {
        path,
        start,
        end: ends[k] as number,
        headerEnd: plan.headerEnd,
        encoding: plan.encoding,
        profile,
        ...(job.settings.year === undefined ? {} : { year: job.settings.year }),
        ...(job.settings.crosswalk === undefined ? {} : { crosswalk: entriesOf(job.settings.crosswalk) }),
        read,
      },
      (count) => {
        workerRead[k] = count;
        report();
      },
      signal,
    ),
  );
  // Rejections are awaited below; until then none may go unhandled.
  for (const worker of workers) worker.catch(() => undefined);
  const counter = createLineCounter();
  const firstStream = createReadStream(path, {
    start: 0,
    end: (plan.cuts[0] as number) - 1,
    highWaterMark: 65_536,
  });
  const first = await readSource(
    countingLines(firstStream, counter),
    {
      read: { ...read, encoding: plan.encoding },
      onProgress: (progress) => {
        firstProgress = progress;
        report();
      },
      ...(signal === undefined ? {} : { signal }),
    },
    job.add,
  );
  let results: RangeResult[];
  try {
    results = await Promise.all(workers);
  } catch {
    signal?.throwIfAborted();
    // A worker failed (the file changed under it, a thread could not start): the serial read says what is wrong.
    return undefined;
  }
  return mergeRanges(job, plan, { ...first, lines: counter.lines }, results);
}

/** How many ranges a file is read in: the requested number of workers, or the machine's cores for a large file. */
export function rangeCount(size: number, workers: number | undefined): number {
  if (size < MIN_RANGE_BYTES) return 1;
  if (workers !== undefined) return Math.max(1, Math.floor(workers));
  return size < MIN_PARALLEL_BYTES ? 1 : availableParallelism();
}
