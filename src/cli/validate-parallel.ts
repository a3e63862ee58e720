/**
 * `shequ validate` on several cores (issue 13), as `indicators` reads a file (pipeline/parallel.ts): the file is cut
 * into byte ranges at line starts found near each cut, this thread validates the first range and a worker thread
 * each of the others, and this thread then takes over the tail of the worker furthest behind. Each range checks its
 * own rows with its own validator and sorts its findings' final text into its own run files (validate-range.ts);
 * here the ranges' counts and region sums are merged in file order (the region rules are then checked once, on the
 * whole file's sums) and every range's runs are merged into the report, each finding's `index` shifted by the
 * accepted rows of the ranges before it. Ranges in file order keep the merge stable, so the report is byte for byte
 * the one-thread report. A range that ended inside quotes (an unsafe cut), a region total found in two ranges or a
 * failed worker sends the command back to the one-thread path.
 */
import type { JobInput } from '../pipeline/job.js';
import { mergeRangeInputs } from '../pipeline/range-merge.js';
import { type Plan, planRanges } from '../pipeline/range-plan.js';
import { createRangeShare } from '../pipeline/range-read.js';
import { readOnThreads } from '../pipeline/range-threads.js';
import type { SheetReadOptions } from '../pipeline/source.js';
import type { ReportHead } from '../report/finding-text.js';
import type { ChunkSink } from '../report/sink.js';
import { writeFindingRuns } from './finding-runs.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';
import {
  type RangeValidation,
  rangeSorter,
  rangeValidator,
  type ValidateRangeJob,
  type ValidateRangeResult,
  validateRange,
} from './validate-range.js';

/** The findings of a validation, sorted, ready to be written once (the serial sorter is one too). */
export interface SortedFindings {
  readonly size: number;
  write(sink: ChunkSink, separator: string): Promise<void>;
  close(): void;
}

/** What the parallel validate gives the command: what was read, the report's head, the sorted findings. */
export interface ParallelValidation {
  readonly input: JobInput;
  readonly head: ReportHead;
  readonly findings: SortedFindings;
}

/** The jobs of the worker ranges (each read through a shared word, so that its tail can be taken over). */
function workerJobs(path: string, plan: Plan, read: SheetReadOptions, validation: RangeValidation) {
  const ends = [...plan.cuts.slice(1), plan.size];
  const { encoding: _encoding, ...readOptions } = read;
  return plan.cuts.map((start, k): ValidateRangeJob => {
    const end = ends[k] as number;
    const share = createRangeShare(end - start);
    return {
      path,
      start,
      end,
      headerEnd: plan.headerEnd,
      encoding: plan.encoding,
      read: readOptions,
      validation,
      ...(share === undefined ? {} : { share }),
    };
  });
}

/**
 * Validates the file in `ranges` ranges; `undefined` when it must be validated in one piece (no safe cut, an unsafe
 * cut found, a region total in two ranges, a worker that failed). The caller closes the findings.
 */
export async function validateInParallel(
  path: string,
  ranges: number,
  validation: Omit<RangeValidation, 'dir'>,
  onProgress: (progress: { readonly read: number }) => void,
): Promise<ParallelValidation | undefined> {
  const read: SheetReadOptions = {};
  const plan = await planRanges(path, ranges, read);
  if (plan === undefined) return undefined;
  const dir = makeTempDir('shequ-validate-');
  const close = () => removeTempDir(dir);
  try {
    const done = await readAllRanges(path, plan, { ...validation, dir }, onProgress);
    if (done === undefined) close();
    return done === undefined ? undefined : { ...done, findings: { ...done.findings, close } };
  } catch (error) {
    close();
    throw error;
  }
}

/** Reads every range (the first and the tails here, the others in workers) and merges them. */
async function readAllRanges(
  path: string,
  plan: Plan,
  validation: RangeValidation,
  onProgress: (progress: { readonly read: number }) => void,
): Promise<ParallelValidation | undefined> {
  const firstJob: ValidateRangeJob = {
    path,
    start: plan.headerEnd,
    end: plan.cuts[0] as number,
    headerEnd: plan.headerEnd,
    encoding: plan.encoding,
    read: {},
    validation,
  };
  const read = await readOnThreads(path, {
    worker: new URL('./validate-worker.js', import.meta.url),
    jobs: workerJobs(path, plan, {}, validation),
    // The progress of the first range: its rows read (a range's rejected rows are counted once merged).
    readFirst: (here) => validateRange(firstJob, (count) => here({ read: count, rejected: 0 })),
    readTail: validateRange,
    // This thread's finished ranges, the range it reads now and the workers' reports, summed as the library sums them.
    onProgress: ({ read: count }) => onProgress({ read: count }),
    signal: undefined,
  });
  if (read === undefined) return undefined;
  return mergeValidatedRanges(plan, validation, read.first, read.results);
}

/**
 * Merges validated ranges (`first`, then `results` in file order): input, counts and region sums, then the region
 * rules' findings last, as the one-thread validator finds them; `undefined` when they cannot be merged exactly.
 */
export async function mergeValidatedRanges(
  plan: Pick<Plan, 'encoding' | 'headerLines' | 'headerBlankLines'>,
  validation: RangeValidation,
  first: ValidateRangeResult,
  results: readonly ValidateRangeResult[],
): Promise<ParallelValidation | undefined> {
  const validator = await rangeValidator(validation);
  if (!validator.merge(first.state)) return undefined;
  const shifts = [0];
  const firstInput = {
    ...first,
    header: first.header,
    encoding: plan.encoding,
    // The first range was read behind the header, which its line count leaves out.
    lines: first.lines + plan.headerLines,
  };
  let added = first.state.added;
  const input = mergeRangeInputs(plan, firstInput, results, (result) => {
    shifts.push(added);
    added += result.state.added;
    return validator.merge(result.state);
  });
  if (input === undefined) return undefined;
  const { findings: regionFindings, ...head } = validator.end();
  const regions = rangeSorter(validation, validator.compare, 'regions');
  for (const finding of regionFindings) regions.add(finding);
  const all = [first, ...results].map((range, k) => ({ runs: range.runs, shift: shifts[k] as number }));
  all.push({ runs: regions.finish(), shift: added });
  const size = all.reduce((sum, range) => sum + range.runs.size, 0);
  return {
    input,
    head,
    findings: {
      size,
      write: (sink, separator) => writeFindingRuns(all, validator.compare, sink, separator),
      close: () => undefined,
    },
  };
}
