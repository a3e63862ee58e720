import { availableParallelism } from 'node:os';

/**
 * A file smaller than this is read in one range whatever `workers` says (see {@link rangeCount}), without importing
 * parallel.ts and without its plan (a read of the file's head, and of bytes around each cut).
 */
export const ONE_RANGE_BELOW_BYTES = 1 << 18;

/** Files smaller than this are read in one thread by default: a worker costs more to start than it saves. */
export const MIN_PARALLEL_BYTES = 32 << 20;

/**
 * How many ranges a file is read in: the requested number of workers, or the machine's cores for a large file. Here,
 * not in parallel.ts, so that the command line can tell before it loads the library how many workers a file needs.
 */
export function rangeCount(size: number, workers: number | undefined): number {
  if (size < ONE_RANGE_BELOW_BYTES) return 1;
  if (workers !== undefined) return Math.max(1, Math.floor(workers));
  return size < MIN_PARALLEL_BYTES ? 1 : availableParallelism();
}
