/**
 * `shequ validate` on one byte range of a CSV file (behind the file's title lines and header): what each thread of
 * the parallel validate does, a worker with its own range, the main thread with the first range and with the tails
 * it takes over. The range's rows are checked by a validator of their own and their findings turned into their
 * final text and sorted into run files, each finding's `index` counted from the range's first accepted row (the
 * merge shifts it); what is carried back is plain data: the rows read (rejected ones with their lines in the
 * range), the validator's counts and region sums, and the runs.
 */

import { guarded } from '../core/guard.js';
import { unwrap } from '../core/result.js';
import type { TextEncodingName } from '../io/decode.js';
import type { HeaderInfo } from '../io/row-reader.js';
import type { RangeInput } from '../pipeline/range-merge.js';
import { readRangeRows } from '../pipeline/range-read.js';
import type { SheetReadOptions } from '../pipeline/source.js';
import { findingTextFormat } from '../report/finding-text.js';
import type { Finding } from '../standards/validate.js';
import { checkValidateOptions } from '../standards/validate-options.js';
import { openValidator, type ValidatorCore, type ValidatorState } from '../standards/validator-core.js';
import { createFindingTextSorter, type FindingRuns, RUN_LIMITS } from './finding-runs.js';
import type { Lang } from './lang.js';
import type { RunFiles, RunLimits } from './run-store.js';

/** The validation every range applies: plain data, the same in every thread. */
export interface RangeValidation {
  readonly profile: 'national' | 'hebei' | 'beijing';
  readonly asOf: string;
  /** The `--divisions` file (its list alone, as the serial command uses it), read by each thread. */
  readonly divisions?: string;
  readonly format: 'json' | 'ndjson' | 'csv';
  readonly lang: Lang;
  /** The folder that receives every range's run files (the main thread's, removed by it). */
  readonly dir: string;
  /** The size of a run (default {@link RUN_LIMITS}; tests make it small so that ranges have many runs). */
  readonly limits?: RunLimits;
}

/** One range to validate. */
export interface ValidateRangeJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly headerEnd: number;
  readonly encoding: TextEncodingName;
  readonly read: Omit<SheetReadOptions, 'encoding'>;
  /** The word shared with the main thread (range-read.ts), so that it can take the range's tail over. */
  readonly share?: SharedArrayBuffer;
  readonly validation: RangeValidation;
}

/** What a range gives back once read. */
export interface ValidateRangeResult extends RangeInput {
  readonly kind: 'done';
  readonly start: number;
  /** The header found (the same in every range: it is read before each). */
  readonly header: HeaderInfo | undefined;
  readonly state: ValidatorState;
  readonly runs: FindingRuns;
}

/** A validator core for the validation's options (the divisions list read from its file, as the command does). */
export async function rangeValidator(validation: RangeValidation): Promise<ValidatorCore> {
  let divisions: Awaited<ReturnType<typeof import('./division-list.js').divisionLists>> | undefined;
  if (validation.divisions !== undefined) {
    // The command has read the file (and reported its lines left out) before starting the threads.
    const { divisionLists } = await import('./division-list.js');
    divisions = (await divisionLists('validate', validation.divisions)).slice(0, 1);
  }
  const options = unwrap(
    guarded(() =>
      checkValidateOptions({
        profile: validation.profile,
        asOf: validation.asOf,
        ...(divisions === undefined ? {} : { divisions }),
      }),
    ),
  );
  return openValidator(options, true);
}

/** A sorter of one range's findings into run files of its own in the validation's folder. */
export function rangeSorter(validation: RangeValidation, compare: ValidatorCore['compare'], name: string) {
  const format = findingTextFormat(validation.format, validation.lang);
  return createFindingTextSorter(compare, format, validation.limits ?? RUN_LIMITS, {
    files: { dir: validation.dir, prefix: `${name}-` } satisfies RunFiles,
    shiftIndex: validation.format !== 'csv',
  });
}

/** Validates one range: every accepted row checked, its findings sorted into runs; `onRead` every 50 000 rows. */
export async function validateRange(
  job: ValidateRangeJob,
  onRead?: (read: number) => void,
  signal?: AbortSignal,
): Promise<ValidateRangeResult> {
  const validator = await rangeValidator(job.validation);
  const sorter = rangeSorter(job.validation, validator.compare, `range-${job.start}`);
  const input = await readRangeRows(
    job,
    (row) => {
      for (const finding of validator.add(row) as readonly Finding[]) sorter.add(finding);
    },
    { onRead, signal, transient: false },
  );
  return {
    kind: 'done',
    start: job.start,
    header: input.header,
    rejected: input.rejected.slice(),
    counts: input.counts,
    issues: input.issues.slice(),
    lines: input.lines,
    endedInQuotes: input.endedInQuotes === true,
    state: validator.state(),
    runs: sorter.finish(),
  };
}
