import { invalidOption } from '../core/guard.js';
import { failure, type Result, ShequError, success } from '../core/result.js';
import type { Finding, ValidateOptions, ValidationReport } from '../standards/validate.js';
import { createValidator, type Validator } from '../standards/validator.js';
import { createCallbackRejections } from './callbacks.js';
import { copyJobOptions, type JobInput, type JobOptions, readSourceWith } from './job.js';
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
 * Options of {@link validateSourceStreaming}: those of {@link validateSource}, and where each finding goes.
 *
 * @example
 * ```ts
 * import type { ValidateSourceStreamingOptions } from 'shequ/pipeline';
 * const options: ValidateSourceStreamingOptions = { profile: 'hebei', onFinding: (finding) => console.log(finding.rule) };
 * ```
 */
export interface ValidateSourceStreamingOptions extends ValidateSourceOptions {
  /**
   * Takes each finding as soon as it is known: a unit's findings when the unit is read (units in file order, each
   * unit's findings in report order), then the findings of the region rules, which need every unit. An exception it
   * throws rejects the job's promise with it; so does a promise it returns that rejects (not waited for: seen at the
   * next batch or the end).
   */
  readonly onFinding: (finding: Finding) => void;
}

/**
 * The result of {@link validateSourceStreaming}: what was read, the report without its findings (they went to
 * `onFinding`), and the order of a report's findings.
 *
 * @example
 * ```ts
 * import type { StreamedValidation } from 'shequ/pipeline';
 * const errors = (job: StreamedValidation) => job.report.summary.bySeverity.error;
 * ```
 */
export interface StreamedValidation extends JobInput {
  /** Date, profile, summary (every finding counted) and skipped inputs. */
  readonly report: Omit<ValidationReport, 'findings'>;
  /** The order of `validate`'s findings (unit, severity, rule): a stable sort by it of what `onFinding` received. */
  readonly compare: Validator['compare'];
}

/**
 * Validates a statistics sheet straight from its source, handing each finding to `onFinding` while the sheet is
 * read: nothing but counts (and the region rules' sums per region) is kept, so a national file is checked in memory
 * that does not grow with its rows. The findings come in the order they are found (see
 * {@link ValidateSourceStreamingOptions.onFinding}); `compare` puts them in `validate`'s order.
 *
 * @param source - the sheet (CSV in any encoding shequ reads, .xlsx, a `File`, a stream)
 * @param options - profile, as-of date, division lists; how to read; progress and cancellation; `onFinding`
 * @returns what was read and the report without its findings; a failure only for bad options
 *
 * @example
 * ```ts
 * import { validateSourceStreaming } from 'shequ/pipeline';
 * const rules: string[] = [];
 * const job = await validateSourceStreaming('统计用区划代码,类型,灾害信息员人数\n130123100201,村委会,0\n', {
 *   profile: 'hebei', asOf: '2026-01-01', onFinding: (finding) => rules.push(finding.rule),
 * });
 * [rules.includes('workers.disasterOfficer'), job.success && job.data.report.summary.units];
 * //=> [true, 1]
 * ```
 */
export async function validateSourceStreaming(
  source: SheetSource,
  options: ValidateSourceStreamingOptions,
): Promise<Result<StreamedValidation>> {
  const copied = copyJobOptions(options);
  if (!copied.success) return copied;
  const settings = copied.data;
  const { read: _read, onProgress: _progress, signal: _signal, onFinding, ...rules } = settings;
  if (typeof onFinding !== 'function')
    return failure([invalidOption(['onFinding'], 'onFinding 应为函数', 'onFinding must be a function')]);
  // Options are checked before the file is read: a bad profile or date fails at once.
  let validator: Validator;
  try {
    validator = createValidator(rules);
  } catch (error) {
    if (error instanceof ShequError) return failure(error.issues);
    throw error;
  }
  // A promise onFinding returns that rejects rejects the job, as one onProgress returns does.
  const rejections = createCallbackRejections();
  const input = await readSourceWith(
    source,
    { ...settings, rejections },
    (row) => {
      for (const finding of validator.add(row)) rejections.watch(onFinding(finding));
    },
    false,
  );
  const { findings, ...report } = validator.end();
  for (const finding of findings) rejections.watch(onFinding(finding));
  // The region rules' findings come after the last batch: an abort or a rejection while they were handed out counts.
  await Promise.resolve();
  settings.signal?.throwIfAborted();
  rejections.check();
  return success({ ...input, report, compare: validator.compare });
}

/**
 * Validates a statistics sheet straight from its source (CSV in any encoding shequ reads, .xlsx, a `File`, a
 * stream): reads it in batches, applying the profile's rules to every accepted row as it is read, and returns the
 * whole report. The same job the `shequ validate` command runs; {@link validateSourceStreaming} hands the findings
 * out instead of holding them.
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
  const findings: Finding[] = [];
  const streamed = await validateSourceStreaming(source, {
    ...copied.data,
    onFinding: (finding) => findings.push(finding),
  });
  if (!streamed.success) return streamed;
  const { report, compare, ...input } = streamed.data;
  // Stable: the order of validate (findings of one unit, severity and rule keep the order they were found in).
  findings.sort(compare);
  const { asOf, profile, summary, skipped } = report;
  return success({ ...input, report: { asOf, profile, findings, summary, skipped } });
}
