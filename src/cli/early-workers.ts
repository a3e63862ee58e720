/**
 * The worker threads a run will read its file with, started before the command's modules load: a worker takes
 * ≈ 0.2 s to load the library before it reads a byte, and started here (a few milliseconds into the run, not
 * ≈ 0.2 s in, once this thread has loaded the command and planned the file's ranges) it reads that much longer while
 * this thread reads too — the threads share the file as they go (parallel.ts), so it is time off the run's end. The
 * decision is the commands' own, taken from their arguments as they will parse them; a worker started for a run that
 * then reads in one thread (a workbook, a file in UTF-16, an argument the command refuses) is ended when the run ends.
 */
import { existsSync, statSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ONE_RANGE_BELOW_BYTES, rangeCount } from '../pipeline/one-range.js';
import { startWaitingWorkers } from '../pipeline/waiting-workers.js';
import { INDICATORS_OPTIONS, VALIDATE_OPTIONS } from './context.js';

/**
 * Files above this are validated in one thread unless `--workers` asks for more: each thread holds its own runs and
 * validator, and two threads peaked at 254–290 MB on the 3 000 000-row file (237 MB), against ≈ 200 MB in one; on the
 * national file (51 MB, 628 000 rows) two threads peak at ≈ 210–220 MB and take 4.4 s instead of 6.2 s
 * (docs/performance.md).
 */
export const PARALLEL_BY_DEFAULT_UP_TO = 64 * 1024 * 1024;

/**
 * The formats `shequ validate` reads a file in ranges for (`isStreamFormat` of shequ/report, which this module does not
 * import: it loads before the library; a test holds the two equal).
 */
export const VALIDATE_STREAM_FORMATS: readonly string[] = ['json', 'ndjson', 'csv'];

/** The size of a regular file, else undefined. */
function fileSize(path: string): number | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `--workers N` as the commands take it: the number (a whole number from 1 to 256), undefined when not given, `null`
 * when refused (the commands' `workerCount` then says why).
 *
 * @param text - the option's value
 * @returns the number of threads, undefined or null
 */
export function workersOption(text: string | undefined): number | undefined | null {
  if (text === undefined) return undefined;
  const count = Number(text);
  return /^\d+$/.test(text) && count >= 1 && count <= 256 ? count : null;
}

/**
 * How many worker threads `shequ <command> <args>` will read its file with: 0 unless the command reads one CSV file
 * on several threads — `indicators` with a built-in profile and no unit rows, `validate` with a built-in profile to
 * json, ndjson or csv, up to {@link PARALLEL_BY_DEFAULT_UP_TO} unless `--workers` says otherwise — and whenever
 * unsure.
 *
 * @param command - the command's name
 * @param args - its arguments (after the name)
 * @param sizeOf - a regular file's size, else undefined (for tests)
 * @returns the number of workers (the ranges after the first)
 */
export function earlyWorkerCount(
  command: string,
  args: readonly string[],
  sizeOf: (path: string) => number | undefined = fileSize,
): number {
  const options: ParseArgsConfig['options'] | undefined =
    command === 'indicators' ? INDICATORS_OPTIONS : command === 'validate' ? VALIDATE_OPTIONS : undefined;
  if (options === undefined) return 0;
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true }));
  } catch {
    return 0; // the command refuses its arguments
  }
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined || file === '-' || /\.xlsx$/i.test(file)) return 0;
  const workers = workersOption(values.workers as string | undefined);
  if (workers === null || workers === 1) return 0;
  const size = sizeOf(file);
  if (size === undefined || size < ONE_RANGE_BELOW_BYTES) return 0;
  // A profile from a file is read in one thread by both commands.
  if (values['profile-file'] !== undefined) return 0;
  if (command === 'validate')
    // The table, Markdown and workbook hold every finding: validate.ts reads in ranges only for the streaming formats.
    return VALIDATE_STREAM_FORMATS.includes(values.format as string) ? validateRanges(size, workers) - 1 : 0;
  // Unit rows are read in one thread.
  if (String(values['group-by'] ?? '').includes('unit')) return 0;
  return rangeCount(size, workers) - 1;
}

/**
 * The ranges `shequ validate` reads a file of `size` bytes in (1: one thread): as many as `--workers` says, else the
 * machine's cores for a file from 32 MiB up to {@link PARALLEL_BY_DEFAULT_UP_TO} (see `rangeCount`).
 *
 * @param size - the file's size in bytes
 * @param workers - `--workers`, when given
 * @returns the number of ranges
 */
export function validateRanges(size: number, workers: number | undefined): number {
  if (workers === undefined && size > PARALLEL_BY_DEFAULT_UP_TO) return 1;
  return rangeCount(size, workers);
}

/** The scripts of the commands' workers, by command (the entry point knows where they are built). */
export type WorkerScripts = Readonly<Partial<Record<'indicators' | 'validate', URL>>>;

/**
 * Starts the workers {@link earlyWorkerCount} says a run needs, waiting for their jobs; nothing for a command without
 * a script given, or whose script is not there. Never throws: they only save time.
 *
 * @param command - the command's name
 * @param args - its arguments
 * @param scripts - the workers' scripts
 */
export function startEarlyWorkers(command: string, args: readonly string[], scripts: WorkerScripts): void {
  const script = scripts[command as keyof WorkerScripts];
  if (script === undefined || !existsSync(script)) return;
  const count = earlyWorkerCount(command, args);
  if (count === 0) return;
  try {
    startWaitingWorkers(script, count);
  } catch {
    // A thread the system refuses now (ERR_WORKER_INIT_FAILED): the range reader starts its own later, or reads in
    // one thread — the run goes on as it would without these (those started are ended with the run).
  }
}
