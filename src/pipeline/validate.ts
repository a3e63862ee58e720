import { failure, type Result, success } from '../core/result.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { safeValidate, type ValidateOptions, type ValidationReport } from '../standards/validate.js';
import { copyJobOptions, type JobInput, type JobOptions, readSource } from './indicators.js';
import type { SheetSource } from './source.js';

/**
 * Options of {@link validateSource}: the options of `validate` and the job's.
 *
 * @example
 * ```ts
 * import type { ValidateSourceOptions } from 'shequ/pipeline';
 * const options: ValidateSourceOptions = { profile: 'beijing', asOf: '2026-01-01' };
 * ```
 */
export interface ValidateSourceOptions extends JobOptions, ValidateOptions {}

/**
 * The result of {@link validateSource}: what was read, and the validation report of the rows accepted.
 *
 * @example
 * ```ts
 * import type { ValidatedSource } from 'shequ/pipeline';
 * const errors = (job: ValidatedSource) => job.report.summary.bySeverity.error;
 * ```
 */
export interface ValidatedSource extends JobInput {
  /** Findings and summary of the accepted rows (rejected rows were not checked: they are in `rejected`). */
  readonly report: ValidationReport;
}

/**
 * Validates a statistics sheet straight from its source (CSV in any encoding shequ reads, .xlsx, a `File`, a
 * stream): reads it in batches, then applies the profile's rules to every accepted row. The same job the
 * `shequ validate` command runs.
 *
 * @param source - the sheet
 * @param options - profile, as-of date, division lists; how to read; progress and cancellation
 * @returns what was read and the report; a failure only for bad options
 *
 * @example
 * ```ts
 * import { validateSource } from 'shequ/pipeline';
 * const job = await validateSource('统计用区划代码,类型\n130123100201,村委会\n', { asOf: '2026-01-01' });
 * job.success && job.data.report.summary.units;
 * //=> 1
 * ```
 */
export async function validateSource(
  source: SheetSource,
  options: ValidateSourceOptions = {},
): Promise<Result<ValidatedSource>> {
  const copied = copyJobOptions(options);
  if (!copied.success) return copied;
  const settings = copied.data;
  const { read: _read, onProgress: _progress, signal: _signal, ...rules } = settings;
  // Options are checked before the file is read: a bad profile or date fails at once.
  const checked = safeValidate([], rules);
  if (!checked.success) return failure(checked.error.issues);
  const units: UnitStatistics[] = [];
  const input = await readSource(source, settings, (row) => units.push(row));
  const report = safeValidate(units, rules);
  return report.success ? success({ ...input, report: report.data }) : failure(report.error.issues);
}
