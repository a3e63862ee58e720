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
import type { Crosswalk, CrosswalkEntry } from '../indicators/crosswalk.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import { type IndicatorsJob, rowsAreTransient } from './indicators.js';
import { type JobInput, type JobProgress, readSourceWith } from './job.js';
import { mergeRangeInputs } from './range-merge.js';
import type { Plan } from './range-plan.js';
import { createRangeShare, linesOf, type RangeJob, type RangeResult, readRange } from './range-read.js';
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
    for (const issue of result.notCounted)
      job.notCounted.push(issue.line === undefined ? issue : { ...issue, line: issue.line + shift });
    job.withoutYear.count += result.withoutYear;
    return true;
  });
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
  const read = await readOnThreads(path, {
    worker: new URL('./indicators-worker.js', import.meta.url),
    jobs: workerJobs(path, job, plan, profile),
    readFirst: (onProgress) => readFirstRange(path, job, plan, onProgress),
    readTail: readRange,
    onProgress: job.settings.onProgress,
    signal,
  });
  if (read === undefined) return undefined;
  const input = mergeRanges(job, plan, { ...read.first, lines: linesOf(read.first) }, read.results);
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
