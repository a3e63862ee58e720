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
import type { Issue } from '../core/issue.js';
import type { Crosswalk, CrosswalkEntry } from '../indicators/crosswalk.js';
import { repeatedUnitIssue } from '../indicators/not-counted.js';
import type { YearUnits } from '../indicators/parts-packed.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import { ELSEWHERE } from '../indicators/unit-registry.js';
import { type IndicatorsJob, rowsAreTransient } from './indicators.js';
import { type JobInput, type JobProgress, readSourceWith } from './job.js';
import { cutsAreSafe, mergeRangeInputs, rangeShifts } from './range-merge.js';
import type { Plan } from './range-plan.js';
import {
  createRangeShare,
  linesOf,
  type RangeJob,
  type RangeResult,
  type RepeatedUnit,
  readRange,
} from './range-read.js';
import { readOnThreads } from './range-threads.js';

// What node.ts loads with this module, for a large file only.
export { planRanges } from './range-plan.js';

/** The entries of a crosswalk option, as plain data for a worker. */
function entriesOf(
  crosswalk: NonNullable<IndicatorsJob['settings']['crosswalk']>,
): readonly CrosswalkEntry[] {
  return Array.isArray(crosswalk) ? crosswalk : (crosswalk as Crosswalk).entries;
}

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
    for (const issue of notCountedOf(job, result, shift)) job.notCounted.push(issue);
    job.withoutYear.count += result.withoutYear;
    return true;
  });
}

/**
 * The issues of a range's rows not counted, at their lines in the file, in file order: those it made, and those of
 * its repeated units, each naming the line of the row counted (in the range, or before it: the job's units say).
 */
function notCountedOf(job: IndicatorsJob, result: RangeResult, shift: number): Issue[] {
  const out: Issue[] = [];
  const repeatIssue = (unit: RepeatedUnit) => {
    const first =
      unit.first === ELSEWHERE
        ? (job.packing.unitsOf(unit.year)?.find(Number(unit.code)) ?? ELSEWHERE)
        : unit.first + shift;
    return repeatedUnitIssue(unit.code, unit.year, first, {
      line: unit.line + shift,
      sources: job.ledger?.ledger.sources,
    });
  };
  let r = 0;
  for (const issue of result.notCounted) {
    const line = issue.line ?? Number.POSITIVE_INFINITY;
    for (; r < result.repeated.length && (result.repeated[r] as RepeatedUnit).line < line; r++)
      out.push(repeatIssue(result.repeated[r] as RepeatedUnit));
    out.push(issue.line === undefined ? issue : { ...issue, line: issue.line + shift });
  }
  for (; r < result.repeated.length; r++) out.push(repeatIssue(result.repeated[r] as RepeatedUnit));
  return out;
}

/** The codes of each year among `units` that the job has counted already (or an earlier file: see its ledger). */
function countedBefore(
  job: IndicatorsJob,
  units: readonly YearUnits[],
): { year: number; codes: Float64Array }[] {
  const out: { year: number; codes: Float64Array }[] = [];
  for (const given of units) {
    const shared = job.packing.unitsFor(given.year).shared(given);
    if (shared.length > 0) out.push({ year: given.year, codes: Float64Array.from(shared) });
  }
  return out;
}

/**
 * The later ranges' results with no unit counted twice, in file order. Each range is checked against the units the
 * job counted before it (the first range's, then the earlier ranges'): a range that counted some of them too is read
 * again here, told them, so that its rows of them are repeats (a unit listed twice far apart: rare); then its units
 * join the job's, at their lines in the file. Nothing is settled when a cut was unsafe (the file is read again whole).
 */
async function settleSharedUnits(
  job: IndicatorsJob,
  plan: Plan,
  first: JobInput & { lines: number },
  results: readonly RangeResult[],
  base: RangeJobBase,
): Promise<readonly RangeResult[]> {
  if (!cutsAreSafe(first, results)) return results;
  const shifts = rangeShifts(plan, first, results);
  const settled: RangeResult[] = [];
  for (const [k, given] of results.entries()) {
    const counted = countedBefore(job, given.units);
    const result =
      counted.length === 0
        ? given
        : await readRange(
            { ...base, start: given.start, end: given.end },
            undefined,
            job.settings.signal,
            counted,
          );
    for (const units of result.units) job.packing.absorbUnits(units.year, units, shifts[k] as number);
    settled.push(result);
  }
  return settled;
}

/** What every range's job shares: the file, its header, how to read and count. */
type RangeJobBase = Omit<RangeJob, 'start' | 'end' | 'share'>;

function rangeJobBase(
  path: string,
  job: IndicatorsJob,
  plan: Plan,
  profile: IndicatorProfileName,
): RangeJobBase {
  const { year, crosswalk } = job.settings;
  return {
    path,
    headerEnd: plan.headerEnd,
    encoding: plan.encoding,
    profile,
    ...(year === undefined ? {} : { year }),
    ...(crosswalk === undefined ? {} : { crosswalk: entriesOf(crosswalk) }),
    read: { ...(job.settings.read ?? {}) },
  };
}

/** The job of each worker: its range (read through a shared word, so that its tail can be taken over). */
function workerJobs(base: RangeJobBase, plan: Plan): RangeJob[] {
  const ends = [...plan.cuts.slice(1), plan.size];
  return plan.cuts.map((start, k) => {
    const end = ends[k] as number;
    const share = createRangeShare(end - start);
    return { ...base, start, end, ...(share === undefined ? {} : { share }) };
  });
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
  const base = rangeJobBase(path, job, plan, profile);
  const read = await readOnThreads(path, {
    worker: new URL('./indicators-worker.js', import.meta.url),
    jobs: workerJobs(base, plan),
    readFirst: (onProgress) => readFirstRange(path, job, plan, onProgress),
    readTail: readRange,
    onProgress: job.settings.onProgress,
    signal,
  });
  if (read === undefined) return undefined;
  const first = { ...read.first, lines: linesOf(read.first) };
  const results = await settleSharedUnits(job, plan, first, read.results, base);
  const input = mergeRanges(job, plan, first, results);
  if (input !== undefined) await read.progress.complete(input.counts);
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
