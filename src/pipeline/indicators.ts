/**
 * The indicators job on a source: its options checked and its profile resolved once (prepareIndicatorsJob), the rows
 * read into the accumulator (job.ts's event loop), the result with its rows generated lazily (finishIndicatorsJob).
 */
import type { AsOfInput } from '../core/as-of.js';
import { resolveAsOf } from '../core/as-of.js';
import type { Issue } from '../core/issue.js';
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
import { unitKindOfTotal } from '../model/row-kind-predicates.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { copyJobOptions, type JobInput, type JobOptions, readSourceWith } from './job.js';
import type { SheetSource } from './source.js';

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
