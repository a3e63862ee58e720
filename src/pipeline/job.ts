/**
 * A job's reading of a source, whatever it computes (indicators.ts, validate.ts, the range readers): its options and
 * their checks, its progress, the one event loop over the source's batches, and what it read.
 */
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import type { TextEncodingName } from '../io/decode.js';
import type { HeaderInfo, ReadCounts, RejectedRow } from '../io/row-reader.js';
import type { StreamEvent } from '../io/stream-read.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type CallbackRejections, createCallbackRejections } from './callbacks.js';
import { type SheetReadOptions, type SheetSource, sourceBatches } from './source.js';

/**
 * Progress of a job, reported once per batch of rows (a chunk of the file), never once per row.
 *
 * @example
 * ```ts
 * import type { JobProgress } from 'shequ/pipeline';
 * const show = (progress: JobProgress) => `${progress.read} rows, ${progress.rejected} rejected`;
 * ```
 */
export interface JobProgress {
  /** Data records read so far. */
  readonly read: number;
  /** Rows rejected so far. */
  readonly rejected: number;
}

/**
 * Options every job shares: how to read, progress, cancellation.
 *
 * @example
 * ```ts
 * import type { JobOptions } from 'shequ/pipeline';
 * const options: JobOptions = { read: { encoding: 'gb18030' }, onProgress: (p) => console.log(p.read) };
 * ```
 */
export interface JobOptions {
  /** How to read the source (encoding, delimiter, limits, the sheet of a workbook). */
  readonly read?: SheetReadOptions;
  /**
   * Called after each batch of rows with the counts so far: they never go back, and the last call gives the counts of
   * the result (a file read on several threads whose cut fell inside a quoted field may have shown more rows than
   * it has, its field's lines counted as rows: then the last call goes back to the result's counts). An exception it throws rejects the job's promise with it (worker threads stopped first); so does a
   * promise it returns that rejects (the job does not wait for it: a rejection is seen at the next batch or the end).
   */
  readonly onProgress?: (progress: JobProgress) => void;
  /** Cancels the job: the promise rejects with the signal's reason, checked between batches. */
  readonly signal?: AbortSignal;
}

/**
 * What a job read: the counts (read = accepted + rejected, with blank and title lines), the rejected rows with every
 * reason, file-level issues (an `error` among them means the source was not read to its end), the header and the
 * encoding.
 *
 * @example
 * ```ts
 * import type { JobInput } from 'shequ/pipeline';
 * const unreadable = (input: JobInput) => input.issues.some((issue) => issue.severity === 'error');
 * ```
 */
export interface JobInput {
  /** The counts. */
  readonly counts: ReadCounts;
  /** Rejected rows, in file order. */
  readonly rejected: readonly RejectedRow[];
  /** File-level issues. */
  readonly issues: readonly Issue[];
  /** The header found, if any. */
  readonly header: HeaderInfo | undefined;
  /** The encoding used (`utf-8` for text and workbooks). */
  readonly encoding: TextEncodingName;
  /** The source ended inside a quoted field (its last record was rejected as `unterminated_quote`). */
  readonly endedInQuotes?: boolean;
  /** Physical lines of a CSV source (its line breaks: CR, LF and CRLF one each); absent for a workbook. */
  readonly lines?: number;
}

/**
 * Reads every batch of a source, handing each accepted row to `onRow` and gathering the rest: the one event loop of
 * the library (the CLI, the worker threads and users' jobs all run it).
 */
export async function readSource(
  source: SheetSource,
  options: JobOptions,
  onRow: (row: UnitStatistics, line: number) => void,
): Promise<JobInput> {
  return readSourceWith(source, options, onRow, false);
}

/**
 * {@link readSource}; with `transient`, `onRow` promises to read each row during the call only (never keep it, spread
 * it or list its keys): the byte reader then hands it most rows as views of its values, never built (io/values-view.ts).
 * `options.rejections` (internal, not part of the public options) shares the job's keeper of callback rejections.
 */
export async function readSourceWith(
  source: SheetSource,
  options: JobOptions & { readonly rejections?: CallbackRejections },
  onRow: (row: UnitStatistics, line: number) => void,
  transient: boolean,
): Promise<JobInput> {
  const rejected: RejectedRow[] = [];
  const issues: Issue[] = [];
  let header: HeaderInfo | undefined;
  let end: Extract<StreamEvent, { kind: 'end' }> | undefined;
  let read = 0;
  const signal = options.signal;
  signal?.throwIfAborted();
  const rejections = options.rejections ?? createCallbackRejections();
  const sink = transient
    ? (row: UnitStatistics, line: number) => {
        read++;
        onRow(row, line);
      }
    : undefined;
  const batches = sourceBatches(source, options.read ?? {}, sink);
  // An abort stops the job even while the source keeps it waiting for its next chunk.
  let stop: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(signal?.reason);
  });
  aborted.catch(() => undefined); // handled by the race below; never an unhandled rejection
  if (stop !== undefined) signal?.addEventListener('abort', stop, { once: true });
  try {
    for (;;) {
      const next =
        signal === undefined ? await batches.next() : await Promise.race([batches.next(), aborted]);
      if (next.done === true) break;
      for (const event of next.value) {
        if (event.kind === 'row') {
          read++;
          onRow(event.accepted.row, event.accepted.line);
        } else if (event.kind === 'rejected') {
          read++;
          rejected.push(event.rejected);
        } else if (event.kind === 'header') {
          header = event.header;
          for (const issue of event.issues) issues.push(issue);
        } else end = event;
      }
      if (options.onProgress !== undefined)
        rejections.watch(options.onProgress({ read, rejected: rejected.length }));
      signal?.throwIfAborted();
      rejections.check();
    }
  } finally {
    if (stop !== undefined) signal?.removeEventListener('abort', stop);
    // Closes the source (not awaited: a source stuck on its next chunk must not keep an aborted job waiting).
    batches.return(undefined).catch(() => undefined);
  }
  rejections.check();
  for (const issue of end?.issues ?? []) issues.push(issue);
  return {
    counts: end?.counts ?? {
      read,
      accepted: read - rejected.length,
      rejected: rejected.length,
      blankLines: 0,
      titleLines: 0,
    },
    rejected,
    issues,
    header,
    encoding: end?.encoding ?? 'utf-8',
    ...(end?.endedInQuotes === true ? { endedInQuotes: true } : {}),
    ...(end?.lines === undefined ? {} : { lines: end.lines }),
  };
}

/**
 * The job options that are not the indicator or rule options, checked before anything is read: options that are not
 * an object, a `signal` that is not an `AbortSignal`, an `onProgress` that is not a function, `read` that is not an
 * object give `invalid_option` issues (the job never starts).
 */
export function checkJobOptions(options: unknown): Issue[] {
  if (options === undefined) return [];
  if (options === null || typeof options !== 'object')
    return [badOption('options', 'Options must be an object', '选项应为对象')];
  try {
    const { signal, onProgress, read } = options as JobOptions;
    const issues: Issue[] = [];
    if (signal !== undefined && !isAbortSignal(signal))
      issues.push(badOption('signal', 'signal must be an AbortSignal', 'signal 应为 AbortSignal'));
    if (onProgress !== undefined && typeof onProgress !== 'function')
      issues.push(badOption('onProgress', 'onProgress must be a function', 'onProgress 应为函数'));
    if (read !== undefined && (read === null || typeof read !== 'object'))
      issues.push(badOption('read', 'read must be an object of read options', 'read 应为读取选项对象'));
    return issues;
  } catch {
    return [badOption('options', 'The options cannot be read', '无法读取选项')];
  }
}

function badOption(path: string, en: string, zh: string): Issue {
  return createIssue('invalid_option', { zh, en }, { path: [path] });
}

/** A real `AbortSignal`: an object made with its prototype but not by the platform throws when it is read. */
function isAbortSignal(signal: unknown): signal is AbortSignal {
  if (typeof AbortSignal === 'undefined' || !(signal instanceof AbortSignal)) return false;
  try {
    return typeof signal.aborted === 'boolean';
  } catch {
    return false;
  }
}

/**
 * The options read once into a plain object, `read` too (a getter or Proxy trap of the caller is called once, here),
 * then checked; or the issue of options that cannot be read.
 */
export function copyJobOptions<Options extends object>(options: Options | undefined): Result<Options> {
  if (options === undefined) return success({} as Options);
  let copy: Record<string, unknown>;
  try {
    copy = options !== null && typeof options === 'object' ? { ...options } : {};
    const read = copy.read;
    if (read !== null && typeof read === 'object') copy.read = { ...read };
  } catch {
    return failure([badOption('options', 'The options cannot be read', '无法读取选项')]);
  }
  const invalid = checkJobOptions(options !== null && typeof options === 'object' ? copy : options);
  return invalid.length > 0 ? failure(invalid) : success(copy as Options);
}
