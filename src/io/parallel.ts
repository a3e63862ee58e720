import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { type IndicatorParts, mergeIndicatorParts } from '../indicators/parts.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import { detectEncoding } from './decode.js';
import { readUnitStatistics } from './read.js';
import type { RejectedRow } from './row-reader.js';

/**
 * What the parallel path returns (and each worker sends back): the partial aggregates, the rejected rows with their
 * lines in the whole file, the counts and file-level issues.
 *
 * @example
 * ```ts
 * import type { WorkerPart } from 'shequ/io/node';
 * const accepted = (part: WorkerPart) => part.counts.accepted;
 * ```
 */
export interface WorkerPart {
  /** Mergeable partial aggregates. */
  readonly parts: IndicatorParts;
  /** Rejected rows, with lines in the whole file. */
  readonly rejected: readonly RejectedRow[];
  /** Counts: read = accepted + rejected. */
  readonly counts: {
    /** Data records read. */
    readonly read: number;
    /** Rows accepted. */
    readonly accepted: number;
    /** Rows rejected. */
    readonly rejected: number;
  };
  /** File-level issues. */
  readonly issues: readonly Issue[];
}

/** A byte range of the file for one worker, starting on a record boundary, with the line it starts on. */
interface Slice {
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/**
 * Cuts a file into `count` slices on record boundaries: after a line break outside quoted fields (a quote count from
 * the start decides), so that no record is split. Line breaks are single bytes in UTF-8 and GB18030.
 */
function slicesOf(bytes: Uint8Array, count: number, notBefore: number): Slice[] {
  const slices: Slice[] = [];
  let start = 0;
  let line = 1;
  let quoted = false;
  let lineAtStart = 1;
  let next = Math.max(notBefore, Math.floor(bytes.length / count));
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x0a) {
      line++;
      if (!quoted && i + 1 >= next && slices.length < count - 1) {
        slices.push({ start, end: i + 1, line: lineAtStart });
        start = i + 1;
        lineAtStart = line;
        next = start + Math.floor((bytes.length - start) / (count - slices.length));
      }
    }
  }
  slices.push({ start, end: bytes.length, line: lineAtStart });
  return slices;
}

/** The byte offset just after physical line `line` (1-based). */
function byteAfterLine(bytes: Uint8Array, line: number): number {
  let seen = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a && ++seen === line) return i + 1;
  }
  return bytes.length;
}

/**
 * Options of {@link accumulateIndicatorsInParallel}.
 *
 * @example
 * ```ts
 * import type { ParallelOptions } from 'shequ/io/node';
 * const options: ParallelOptions = { profile: 'hebei', workers: 2 };
 * ```
 */
export interface ParallelOptions {
  /** Profile (default `'national'`; a built-in name, since profiles with functions cannot cross threads). */
  readonly profile?: IndicatorProfileName;
  /** Worker threads (default 2). */
  readonly workers?: number;
}

/**
 * Accumulates the indicators of a CSV file (UTF-8 or GB18030) in worker threads: the file is cut into slices on
 * record boundaries (a sorted national file splits between provinces), each worker reads, validates and accumulates
 * its slice, and the partial aggregates are merged — exactly, as merging is associative and commutative. The header
 * is found in the first slice and given to the others; rejected rows keep their lines in the whole file.
 *
 * @param path - the CSV file
 * @param options - profile and number of workers
 * @returns the merged parts, the rejected rows and the counts, or an issue when the file cannot be cut
 *
 * @example
 * ```ts
 * import { indicatorRowsFromParts } from 'shequ';
 * import { accumulateIndicatorsInParallel } from 'shequ/io/node';
 * const result = await accumulateIndicatorsInParallel('examples/data/sample-units.csv', { workers: 2 });
 * result.success && indicatorRowsFromParts(result.data.parts, { asOf: '2025-12-31', groupBy: ['province'] }).length;
 * //=> 14
 * ```
 */
export async function accumulateIndicatorsInParallel(
  path: string,
  options: ParallelOptions = {},
): Promise<Result<WorkerPart>> {
  const handle = await open(path, 'r');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
  const encoding = detectEncoding(bytes.subarray(0, 65_536));
  if (encoding === 'utf-16le') {
    return failure([
      createIssue('unsupported_encoding', {
        zh: 'UTF-16 文件不能分片并行读取，请用单线程读取',
        en: 'UTF-16 files cannot be read in parallel slices; read them in one thread',
      }),
    ]);
  }
  // The header: found in the first 64 kB; its lines (with any title lines) are handed to the other slices.
  const head = readUnitStatistics(bytes.subarray(0, 65_536), { encoding });
  if (head.header === undefined) return failure([...head.issues]);
  const headerEnd = byteAfterLine(bytes, head.header.line);
  const workers = bytes.length < 1 << 20 ? 1 : Math.max(1, options.workers ?? 2);
  const slices = slicesOf(bytes, workers, headerEnd);
  const parts = await Promise.all(
    slices.map(
      (slice, i) =>
        new Promise<WorkerPart>((resolve, reject) => {
          const worker = new Worker(new URL('./indicators-worker.js', import.meta.url), {
            workerData: {
              path,
              start: slice.start,
              end: slice.end,
              line: slice.line,
              header: i === 0 ? null : { end: headerEnd, lines: (head.header as { line: number }).line },
              encoding,
              profile: options.profile ?? 'national',
            },
          });
          worker.once('message', (message: WorkerPart) => {
            resolve(message);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  let merged = parts[0] as WorkerPart;
  for (const part of parts.slice(1)) {
    const combined = mergeIndicatorParts(merged.parts, part.parts);
    if (!combined.success) return combined;
    merged = {
      parts: combined.data,
      rejected: [...merged.rejected, ...part.rejected],
      counts: {
        read: merged.counts.read + part.counts.read,
        accepted: merged.counts.accepted + part.counts.accepted,
        rejected: merged.counts.rejected + part.counts.rejected,
      },
      issues: [
        ...merged.issues,
        ...part.issues.filter((issue) => issue.code !== 'unknown_column' && issue.code !== 'skipped_lines'),
      ],
    };
  }
  return success(merged);
}
