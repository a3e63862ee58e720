import type { AsOfInput } from '../core/as-of.js';
import { resolveAsOf } from '../core/as-of.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, ShequError, success } from '../core/result.js';
import { computeIndicators, notCountedIssue, yearMissingIssue } from '../indicators/compute.js';
import type { Crosswalk, CrosswalkEntry } from '../indicators/crosswalk.js';
import type { IndicatorAccumulator } from '../indicators/parts.js';
import { createPackingAccumulator, type PackingAccumulator } from '../indicators/parts.js';
import { planPeriodById } from '../indicators/periods.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import type { IndicatorRow, IndicatorRowsOptions } from '../indicators/rows.js';
import type { IndicatorParts } from '../indicators/sums.js';
import type { IndicatorProfile } from '../indicators/types.js';
import type { TextEncodingName } from '../io/decode.js';
import type { HeaderInfo, ReadCounts, RejectedRow } from '../io/row-reader.js';
import type { StreamEvent } from '../io/stream-read.js';
import { unitKindOfTotal } from '../model/row-kind-predicates.js';
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

/**
 * Options of {@link computeIndicatorsFromSource}: the indicator options of `computeIndicators` and the job's.
 *
 * @example
 * ```ts
 * import type { IndicatorsFromSourceOptions } from 'shequ/pipeline';
 * const options: IndicatorsFromSourceOptions = { profile: 'hebei', asOf: '2025-12-31', groupBy: ['county'] };
 * ```
 */
export interface IndicatorsFromSourceOptions
  extends JobOptions,
    Omit<IndicatorRowsOptions, 'profile' | 'asOf'> {
  /** A built-in profile name or a profile (default `'national'`); an unknown name is an error. */
  readonly profile?: IndicatorProfileName | IndicatorProfile;
  /** Date of the progress assessment (default today in China, or the end of `period` when one is given). */
  readonly asOf?: AsOfInput;
  /**
   * The year (统计年度) of rows that carry none: a sheet of one year (default none: such rows are summed apart, and a
   * `year_missing` warning is among the issues when other rows carry a year).
   */
  readonly year?: number;
  /** Changes of division codes between years, applied before the roll-up (see `parseCrosswalk`). */
  readonly crosswalk?: Crosswalk | readonly CrosswalkEntry[];
}

/**
 * The result of {@link computeIndicatorsFromSource}: what was read, and the indicator rows, generated on demand
 * region by region (a national table is written as it is made, never held whole).
 *
 * @example
 * ```ts
 * import type { IndicatorsFromSource } from 'shequ/pipeline';
 * const count = (job: IndicatorsFromSource) => [...job.rows()].length;
 * ```
 */
export interface IndicatorsFromSource extends JobInput {
  /** The date the progress is assessed at. */
  readonly asOf: string;
  /** The profile's id. */
  readonly profile: string;
  /** The years (统计年度) of the rows counted, ascending; empty when no row carried one (nor the `year` option). */
  readonly years: readonly number[];
  /**
   * The rows: regions top level first in code order, then units (with `unit` in `groupBy`) in code order; with
   * years, the rows of each year after those without one, each with its `year`.
   */
  rows(): IterableIterator<IndicatorRow>;
  /** The mergeable partial aggregates of what was read (for a merge with other sources). */
  parts(): IndicatorParts;
}

/**
 * Computes the indicators of a statistics sheet straight from its source — CSV text or bytes in any encoding shequ
 * reads, an .xlsx workbook, a `File`, a Node or web stream — in one pass and bounded memory: rows are read in
 * batches (one promise per chunk of the file), placed into the accumulator as they come, and never kept (unless
 * unit rows are asked for); the rejected rows are kept with their reasons. The same job the `shequ indicators`
 * command runs.
 *
 * @param source - the sheet
 * @param options - profile, levels, as-of date, names; how to read; progress and cancellation
 * @returns what was read and the rows; a failure only for bad options (an unknown profile, a bad date)
 *
 * @example
 * ```ts
 * import { computeIndicatorsFromSource } from 'shequ/pipeline';
 * const job = await computeIndicatorsFromSource('统计用区划代码,类型,是否建有综合服务设施\n130123100201,村委会,是\n', {
 *   groupBy: ['county'], asOf: '2025-12-31',
 * });
 * job.success && [...job.data.rows()].find((row) => row.indicator === 'ruralFacilityCoverage')?.value;
 * //=> 100
 * ```
 */
export async function computeIndicatorsFromSource(
  source: SheetSource,
  options: IndicatorsFromSourceOptions = {},
): Promise<Result<IndicatorsFromSource>> {
  const prepared = prepareIndicatorsJob(options);
  if (!prepared.success) return prepared;
  const job = prepared.data;
  const input = await readSourceWith(source, job.settings, job.add, rowsAreTransient(job));
  return success(finishIndicatorsJob(job, input));
}

/** An indicators job once its options are checked: the accumulator to fill and how to end. */
export interface IndicatorsJob {
  /** The copied options. */
  readonly settings: IndicatorsFromSourceOptions;
  /** The as-of date, resolved. */
  readonly asOf: string;
  /** The accumulator of the job's profile. */
  readonly accumulator: IndicatorAccumulator;
  /** The same accumulator's packed exchange (the worker threads' sums are merged through it). */
  readonly packing: PackingAccumulator;
  /** Unit rows kept, when `unit` is among the levels. */
  readonly units: UnitStatistics[] | undefined;
  /** Places one accepted row (its line, for the issue of a row that cannot be counted). */
  readonly add: (row: UnitStatistics, line: number) => void;
  /** Issues of accepted rows the accumulator did not count (a region's second total of a kind), in file order. */
  readonly notCounted: Issue[];
  /** Rows counted without a year of their own (the workers' added by the parallel path). */
  readonly withoutYear: { count: number };
}

/**
 * Whether the job reads each row only while it is added, so that the reader may hand it views of its values
 * (readSourceWith): no unit row kept, no crosswalk (it spreads the row into one with the new code), and a built-in
 * profile (a caller's own measures may do anything with the row).
 */
export function rowsAreTransient(job: IndicatorsJob): boolean {
  return (
    job.units === undefined &&
    job.settings.crosswalk === undefined &&
    typeof job.settings.profile !== 'object'
  );
}

/** Checks the options of an indicators job and creates its accumulator; bad options are a failure, before any read. */
export function prepareIndicatorsJob(options: IndicatorsFromSourceOptions): Result<IndicatorsJob> {
  const copied = copyJobOptions(options);
  if (!copied.success) return copied;
  const settings = copied.data;
  // An explicit period (a final evaluation) is judged at its end unless a date is given.
  const asOf = resolveAsOf(settings.asOf ?? planPeriodById(settings.period)?.end);
  if (!asOf.success) return asOf;
  let packing: PackingAccumulator;
  try {
    packing = createPackingAccumulator({
      ...(settings.profile === undefined ? {} : { profile: settings.profile }),
      ...(settings.year === undefined ? {} : { year: settings.year }),
      ...(settings.crosswalk === undefined ? {} : { crosswalk: settings.crosswalk }),
    });
    packing.accumulator.rows({ ...settings, asOf: asOf.data }); // bad row options fail now, before the file is read
  } catch (error) {
    // Only the library's own option errors become a failure; anything else is a bug and stays an exception.
    if (error instanceof ShequError) return failure(error.issues);
    throw error;
  }
  const { accumulator } = packing;
  const units: UnitStatistics[] | undefined = settings.groupBy?.includes('unit') === true ? [] : undefined;
  const notCounted: Issue[] = [];
  const withoutYear = { count: 0 };
  const add = (row: UnitStatistics, line: number) => {
    if (accumulator.add(row)) {
      units?.push(row);
      if (row.year === undefined) withoutYear.count++;
    }
    // A row the reader accepted has a code of its kind's level: a total it cannot count is a repeated one.
    else notCounted.push(notCountedIssue(row, unitKindOfTotal(row.kind) !== undefined, { line }));
  };
  return success({ settings, asOf: asOf.data, accumulator, packing, units, add, notCounted, withoutYear });
}

/** The result of an indicators job from what was read. */
export function finishIndicatorsJob(job: IndicatorsJob, input: JobInput): IndicatorsFromSource {
  const { accumulator, units } = job;
  const rowOptions = { ...job.settings, asOf: job.asOf };
  const profile = accumulator.profile;
  const issues = [...input.issues, ...job.notCounted];
  const mixed = accumulator.years.length > 0 && job.settings.year === undefined && job.withoutYear.count > 0;
  if (mixed) issues.push(yearMissingIssue(job.withoutYear.count));
  return {
    ...input,
    issues: issues.length === input.issues.length ? input.issues : issues,
    asOf: job.asOf,
    profile: profile.id,
    years: accumulator.years,
    // Without unit rows, the accumulator's rows themselves: a generator around them would resume once more per row.
    rows: () =>
      units === undefined || units.length === 0
        ? accumulator.rows(rowOptions)
        : rowsOf(accumulator, rowOptions, units, profile),
    parts: () => accumulator.parts(),
  };
}

function* rowsOf(
  accumulator: IndicatorAccumulator,
  options: IndicatorsFromSourceOptions & { asOf: string },
  units: readonly UnitStatistics[] | undefined,
  profile: IndicatorProfile,
): IterableIterator<IndicatorRow> {
  yield* accumulator.rows(options);
  if (units === undefined || units.length === 0) return;
  const { signal: _signal, onProgress: _progress, read: _read, ...rest } = options;
  for (const row of computeIndicators(units, { ...rest, profile, groupBy: ['unit'] }))
    if (row.level === 'unit') yield row;
}
