import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { mergeIndicatorParts } from '../indicators/parts.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import type { IndicatorParts } from '../indicators/sums.js';
import { CSV_LIMITS } from './csv-parser.js';
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
 * Visits the record boundaries of a CSV file in bytes, exactly as the serial parser (createCsvParser, default
 * options) cuts records: quotes open a field only at its start, a doubled quote stays inside, CR, LF and CRLF end
 * lines, over the fields-per-record limit quotes are plain text. Line breaks and quotes are single bytes in UTF-8
 * and GB18030, and decoding never turns them into anything else. What bytes cannot tell is the record-length limit,
 * counted in characters: a record of more bytes than that limit might be cut by the serial parser's recovery rule,
 * so such a file is not cut at all (`false`). `visit` gets the byte after each record, the line after it and the
 * record's own line; returning `true` stops the walk.
 */
function walkRecords(
  bytes: Uint8Array,
  visit: (end: number, nextLine: number, recordLine: number) => boolean | undefined,
): boolean {
  const START = 0;
  const UNQUOTED = 1;
  const QUOTED = 2;
  const AFTER_QUOTE = 3;
  let state = START;
  let overLimit = false;
  let fields = 1;
  let line = 1;
  let recordLine = 1;
  let recordStart = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let previous = -1;
  let quoteLine = 0;
  let resume = -1; // the byte after the open quote's line, once that line has ended
  for (let i = recordStart; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (state === QUOTED) {
      if (b === 0x22) state = AFTER_QUOTE;
      else if (b === 0x0d || (b === 0x0a && previous !== 0x0d)) {
        line++;
        if (resume < 0) resume = b === 0x0d && bytes[i + 1] === 0x0a ? i + 2 : i + 1;
      }
      previous = b;
      continue;
    }
    previous = b;
    if (state === AFTER_QUOTE && b === 0x22 && !overLimit) {
      state = QUOTED;
      continue;
    }
    if (state === AFTER_QUOTE && resume >= 0 && !overLimit && b !== 0x2c && b !== 0x0a && b !== 0x0d) {
      // The serial parser's stray-quote rule: the record ends with the quote's line, reading resumes after it.
      if (i - recordStart > CSV_LIMITS.maxRecordLength) return false;
      line = quoteLine + 1;
      if (visit(resume, line, recordLine) === true) return true;
      i = resume - 1;
      previous = bytes[i] as number;
      recordStart = resume;
      recordLine = line;
      state = START;
      fields = 1;
      resume = -1;
      continue;
    }
    if (state === AFTER_QUOTE) resume = -1;
    if (state === START && b === 0x22 && !overLimit) {
      state = QUOTED;
      quoteLine = line;
      resume = -1;
      continue;
    }
    if (b === 0x2c) {
      if (++fields > CSV_LIMITS.maxFieldsPerRecord) overLimit = true;
      state = START;
      continue;
    }
    if (b !== 0x0a && b !== 0x0d) {
      state = UNQUOTED;
      continue;
    }
    if (i - recordStart > CSV_LIMITS.maxRecordLength) return false;
    const end = b === 0x0d && bytes[i + 1] === 0x0a ? i + 2 : i + 1;
    line++;
    if (visit(end, line, recordLine) === true) return true;
    i = end - 1;
    previous = bytes[i] as number;
    recordStart = end;
    recordLine = line;
    state = START;
    overLimit = false;
    fields = 1;
    resume = -1;
  }
  return bytes.length - recordStart <= CSV_LIMITS.maxRecordLength;
}

/**
 * Cuts a file into at most `count` slices on record boundaries of the serial parse (see {@link walkRecords}), the
 * first ending no earlier than `notBefore`; one slice when the file cannot be cut safely.
 */
function slicesOf(bytes: Uint8Array, count: number, notBefore: number): Slice[] {
  const slices: Slice[] = [];
  let start = 0;
  let lineAtStart = 1;
  let next = Math.max(notBefore, Math.floor(bytes.length / count));
  const safe = walkRecords(bytes, (end, nextLine) => {
    if (end >= next && slices.length < count - 1 && end < bytes.length) {
      slices.push({ start, end, line: lineAtStart });
      start = end;
      lineAtStart = nextLine;
      next = start + Math.floor((bytes.length - start) / (count - slices.length));
    }
    return undefined;
  });
  if (!safe) return [{ start: 0, end: bytes.length, line: 1 }];
  slices.push({ start, end: bytes.length, line: lineAtStart });
  return slices;
}

/** The byte after the record that starts on `line`, and the number of lines up to it. */
function endOfRecordOn(bytes: Uint8Array, line: number): { end: number; lines: number } {
  let found = { end: bytes.length, lines: line };
  walkRecords(bytes, (end, nextLine, recordLine) => {
    if (recordLine !== line) return undefined;
    found = { end, lines: nextLine - 1 };
    return true;
  });
  return found;
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
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    return failure([
      createIssue('unsupported_encoding', {
        zh: 'UTF-16 文件不能分片并行读取，请用单线程读取',
        en: 'UTF-16 files cannot be read in parallel slices; read them in one thread',
      }),
    ]);
  }
  // The header: found in the first 64 kB; its lines (with any title lines) are handed to the other slices.
  const head = readUnitStatistics(bytes.subarray(0, 65_536), { encoding });
  if (head.header === undefined) return failure(head.issues.slice());
  const { end: headerEnd, lines: headerLines } = endOfRecordOn(bytes, head.header.line);
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
              header: i === 0 ? null : { end: headerEnd, lines: headerLines },
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
      rejected: merged.rejected.concat(part.rejected),
      counts: {
        read: merged.counts.read + part.counts.read,
        accepted: merged.counts.accepted + part.counts.accepted,
        rejected: merged.counts.rejected + part.counts.rejected,
      },
      issues: merged.issues.concat(
        part.issues.filter((issue) => issue.code !== 'unknown_column' && issue.code !== 'skipped_lines'),
      ),
    };
  }
  return success(merged);
}
