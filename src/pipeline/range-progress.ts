// The progress of a file read in ranges (parallel.ts): this thread's finished ranges, the range it reads now and the
// workers' reports, summed into one report for the caller's onProgress. The caller's callback is the caller's code:
// called from a worker's message it must not throw into the message port (an uncaught exception, the process ends),
// so its error is kept, the threads are stopped, and the job rejects with it.
import type { ReadCounts } from '../io/row-reader.js';
import { createCallbackRejections } from './callbacks.js';
import type { JobProgress } from './job.js';

/** The progress of a read in ranges. */
export interface RangeProgress {
  /** A report of the range this thread reads now (its onProgress); throws the callback's error. */
  readonly here: (now: JobProgress) => void;
  /** This thread's range is read: its counts join the finished ones, and the next range it reads starts at zero. */
  readonly finishHere: (counts: Pick<ReadCounts, 'read' | 'rejected'>) => void;
  /** A worker reported (its message handler): never throws. */
  readonly fromWorker: () => void;
  /** Throws the callback's error, if it threw (or a promise it returned rejected). */
  readonly throwIfFailed: () => void;
  /** The last report: the counts of the whole file; throws the callback's error, if it threw. */
  readonly complete: (counts: Pick<ReadCounts, 'read' | 'rejected'>) => Promise<void>;
}

/**
 * Progress summed over the threads: `workersRead` gives the rows the workers have reported, `stop` ends them when the
 * callback threw in a worker's report.
 */
export function createRangeProgress(
  onProgress: ((progress: JobProgress) => void) | undefined,
  workersRead: () => number,
  stop: () => void,
): RangeProgress {
  let finished = { read: 0, rejected: 0 };
  let current: JobProgress = { read: 0, rejected: 0 };
  let failed: { error: unknown } | undefined;
  const rejections = createCallbackRejections();
  const report = () => {
    if (onProgress === undefined || failed !== undefined) return;
    try {
      rejections.watch(
        onProgress({
          read: finished.read + current.read + workersRead(),
          rejected: finished.rejected + current.rejected,
        }),
      );
      rejections.check();
    } catch (error) {
      failed = { error };
      stop();
    }
  };
  const throwIfFailed = () => {
    if (failed !== undefined) throw failed.error;
    rejections.check();
  };
  return {
    here: (now) => {
      throwIfFailed();
      current = now;
      report();
      throwIfFailed();
    },
    finishHere: (counts) => {
      finished = { read: finished.read + counts.read, rejected: finished.rejected + counts.rejected };
      current = { read: 0, rejected: 0 };
    },
    fromWorker: report,
    throwIfFailed,
    complete: async ({ read, rejected }) => {
      if (onProgress === undefined) return;
      await reportLast(onProgress, { read, rejected }, rejections);
      throwIfFailed();
    },
  };
}

/** Gives the last report; throws what the callback threw, or a rejection of the promise it returned, already seen. */
async function reportLast(
  onProgress: (progress: JobProgress) => unknown,
  counts: JobProgress,
  rejections = createCallbackRejections(),
): Promise<void> {
  rejections.watch(onProgress(counts));
  await Promise.resolve(); // a promise it returned rejected already has said so
  rejections.check();
}

/**
 * The caller's onProgress made monotone, with the last report of a read again in one piece (a read in ranges read again
 * after an unsafe cut starts again from zero: its reports are held until they pass what was shown).
 */
export interface MonotoneProgress {
  /** The caller's onProgress, given only reports that do not go back; `undefined` without one. */
  readonly onProgress: ((progress: JobProgress) => void) | undefined;
  /**
   * The counts of the result as the last report, when it was held back: the threads counted lines inside a quoted
   * field cut by a range as rows, so showed more rows than the file has, and the progress goes back to the true
   * counts once, at the end. Throws what the callback threw, or a rejection of the promise it returned.
   */
  readonly finish: (counts: Pick<ReadCounts, 'read' | 'rejected'>) => Promise<void>;
}

/** The caller's onProgress made monotone, and {@link MonotoneProgress.finish} to end it at the result's counts. */
export function createMonotoneProgress(
  onProgress: ((progress: JobProgress) => void) | undefined,
): MonotoneProgress {
  if (onProgress === undefined) return { onProgress: undefined, finish: async () => undefined };
  let shown: JobProgress | undefined;
  return {
    onProgress: (now) => {
      if (shown !== undefined && (now.read < shown.read || now.rejected < shown.rejected)) return;
      shown = now;
      return onProgress(now); // a promise it returns is the job's to watch
    },
    finish: async ({ read, rejected }) => {
      if (shown?.read === read && shown.rejected === rejected) return;
      shown = { read, rejected };
      await reportLast(onProgress, shown);
    },
  };
}
