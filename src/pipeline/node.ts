/**
 * The pipeline on a file path, in Node: {@link computeIndicatorsFromFile} reads a large CSV in byte ranges on
 * several cores (worker threads) with exactly the figures of the serial read.
 *
 * @module shequ/pipeline/node
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createIssue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import { INDICATOR_PROFILES } from '../indicators/profiles.js';
import {
  computeIndicatorsFromSource,
  finishIndicatorsJob,
  type IndicatorsFromSource,
  type IndicatorsFromSourceOptions,
  prepareIndicatorsJob,
} from './indicators.js';
import { rangeCount } from './one-range.js';

/**
 * Options of {@link computeIndicatorsFromFile}: those of `computeIndicatorsFromSource`, and the number of threads.
 *
 * @example
 * ```ts
 * import type { IndicatorsFromFileOptions } from 'shequ/pipeline/node';
 * const options: IndicatorsFromFileOptions = { workers: 2, groupBy: ['province'] };
 * ```
 */
export interface IndicatorsFromFileOptions extends IndicatorsFromSourceOptions {
  /**
   * Threads that read the file, this one included (default: the machine's cores for a CSV file of 32 MiB or more,
   * else 1). A workbook, a UTF-16 file, unit rows (`groupBy` with `unit`) or a profile given as an object are read in
   * one thread.
   */
  readonly workers?: number;
}

/** Whether the options allow byte ranges read in worker threads (a built-in profile, no unit rows). */
function builtInProfile(options: IndicatorsFromFileOptions): 'national' | 'hebei' | 'beijing' | undefined {
  if (options.groupBy?.includes('unit') === true) return undefined;
  const profile = options.profile ?? 'national';
  return typeof profile === 'string' && Object.hasOwn(INDICATOR_PROFILES, profile)
    ? (profile as 'national' | 'hebei' | 'beijing')
    : undefined;
}

/**
 * Computes the indicators of a statistics file, on several cores when it is large: the file is cut into byte
 * ranges at line starts (found by reading a few bytes at each cut), this thread reads the first range and a worker
 * thread each of the others — every one behind the file's header — and their partial sums merge exactly. The result
 * is the one `computeIndicatorsFromSource` gives for the whole file: the same figures, the same rejected rows with
 * their lines, the same counts (a cut that fell inside a quoted field is detected and the file read again in one
 * piece). Progress sums the threads; an abort stops them all.
 *
 * @param path - a CSV (UTF-8 or GB18030; UTF-16 in one thread) or .xlsx file (a `file:` URL, or the path's bytes, in one
 *   thread, are taken too; what is not a path is an `invalid_type` failure)
 * @param options - those of `computeIndicatorsFromSource`, and `workers`
 * @returns what was read and the rows (a file that cannot be read gives `read_failed` among the issues); a failure
 *   only for bad options or what is not a path
 *
 * @example
 * ```ts
 * import { computeIndicatorsFromFile } from 'shequ/pipeline/node';
 * const job = await computeIndicatorsFromFile('examples/data/sample-units.csv', {
 *   workers: 2, groupBy: ['province'], asOf: '2025-12-31',
 * });
 * job.success && job.data.counts.accepted;
 * //=> 60
 * ```
 */
export async function computeIndicatorsFromFile(
  path: string,
  options: IndicatorsFromFileOptions = {},
): Promise<Result<IndicatorsFromSource>> {
  const file = filePath(path);
  if (file === undefined)
    return failure([
      createIssue(
        'invalid_type',
        { zh: '路径应为字符串（或 file: URL）', en: 'The path must be a string (or a file: URL)' },
        { path: ['path'] },
      ),
    ]);
  return indicatorsOfFile(file, options);
}

/** The path as the file system takes it (a file URL as its path), or `undefined` for what is not a path. */
function filePath(path: unknown): string | Buffer | undefined {
  try {
    if (typeof path === 'string') return path;
    if (path instanceof Uint8Array) return Buffer.from(path);
    if (path instanceof URL) return fileURLToPath(path);
  } catch {
    // a URL that is not a file's, a Proxy whose traps throw
  }
  return undefined;
}

/** The chunks of a file; a path Node refuses at once (a NUL byte in it) is a source that fails with Node's code. */
function fileChunks(path: string | Buffer): AsyncIterable<Uint8Array> {
  try {
    return createReadStream(path, { highWaterMark: 65_536 });
  } catch (error) {
    return (async function* () {
      yield* [];
      throw error;
    })();
  }
}

async function indicatorsOfFile(
  path: string | Buffer,
  options: IndicatorsFromFileOptions,
): Promise<Result<IndicatorsFromSource>> {
  // The options are checked (and copied) first: a bad option fails before the file is opened.
  const prepared = prepareIndicatorsJob(options);
  if (!prepared.success) return prepared;
  const settings = prepared.data.settings as IndicatorsFromFileOptions;
  const workers = settings.workers;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 256))
    return failure([
      createIssue(
        'invalid_option',
        { zh: 'workers 应为 1 到 256 的整数', en: 'workers must be an integer from 1 to 256' },
        { path: ['workers'] },
      ),
    ]);
  const serial = () => computeIndicatorsFromSource(fileChunks(path), settings);
  // A file that cannot be stat'ed is read (and fails) as the serial job reads it: `read_failed` among its issues.
  const size = await stat(path).then(
    (stats) => (stats.isFile() ? stats.size : undefined),
    () => undefined,
  );
  // A path given as bytes is read in one thread (the ranges and the workers take a string).
  if (size === undefined || typeof path !== 'string') return serial();
  const profile = builtInProfile(settings);
  if (profile === undefined) return serial();
  const ranges = rangeCount(size, workers);
  // One range (a file under 256 KiB, under 32 MiB by default, one worker asked for): parallel.ts is not loaded.
  if (ranges < 2) return serial();
  const [{ planRanges, readRanges }, { createMonotoneProgress }] = await Promise.all([
    import('./parallel.js'),
    import('./range-progress.js'),
  ]);
  const plan = await planRanges(path, ranges, prepared.data.settings.read ?? {});
  if (plan === undefined) return serial();
  // The progress never goes back, even when the file is read again in one piece (but for its last report, below).
  const progress = createMonotoneProgress(settings.onProgress);
  const { onProgress } = progress;
  const job = {
    ...prepared.data,
    settings: { ...settings, ...(onProgress === undefined ? {} : { onProgress }) },
  };
  const input = await readRanges(path, job, plan, profile);
  if (input !== undefined) return success(finishIndicatorsJob(job, input));
  // A cut inside a quoted field: read again in one piece, from a fresh accumulator. The threads may have counted the
  // field's lines as rows: the last report is the result's counts even below what they showed.
  const again = await computeIndicatorsFromSource(fileChunks(path), job.settings);
  if (again.success) await progress.finish(again.data.counts);
  settings.signal?.throwIfAborted();
  return again;
}
