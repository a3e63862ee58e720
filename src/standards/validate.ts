import type { DivisionDataset } from '../codes/division-dataset.js';
import type { AsOfInput } from '../core/as-of.js';
import { guarded } from '../core/guard.js';
import {
  createIssue,
  type Issue,
  type LocalizedText,
  type PathSegment,
  type Severity,
} from '../core/issue.js';
import { isIterableObject } from '../core/iterable.js';
import { failure, type Result, success, unwrap } from '../core/result.js';
import type { Dataset } from '../model/dataset.js';
import type { Unit } from '../model/unit.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { RuleProfileName } from './profiles.js';
import type { RuleProfile, RuleSource } from './types.js';
import { type CheckedValidateOptions, checkValidateOptions } from './validate-options.js';
import { openValidator } from './validator-core.js';

/**
 * One finding: a rule a unit (or region) falls short of, with where, why and the rule's source.
 *
 * @example
 * ```ts
 * import type { Finding } from 'shequ';
 * const finding: Finding = {
 *   rule: 'workers.disasterOfficer', severity: 'error', unit: '130123100201', index: 0, path: ['disasterOfficers'],
 *   message: { zh: '未设置灾害信息员', en: 'No disaster information officer' }, expected: '≥ 1', actual: 0,
 *   source: { document: '河北规划', section: '专栏 13', quote: '全省所有村（社区）设置1名灾害信息员' },
 * };
 * ```
 */
export interface Finding {
  /** Rule id. */
  readonly rule: string;
  /** Severity. */
  readonly severity: Severity;
  /** 12-digit code of the unit (or region, for region rules). */
  readonly unit: string;
  /** Position of the unit in the input (`null` for region rules). */
  readonly index: number | null;
  /** Where in the unit. */
  readonly path: readonly PathSegment[];
  /** What is wrong. */
  readonly message: LocalizedText;
  /** What the rule requires. */
  readonly expected: string | number;
  /** What the data say. */
  readonly actual: string | number | null;
  /** The rule's source. */
  readonly source: RuleSource;
}

/**
 * How one rule fared over the input: units it applied to and their outcomes.
 *
 * @example
 * ```ts
 * import type { RuleTally } from 'shequ';
 * const tally: RuleTally = { checked: 10, passed: 8, failed: 2, notChecked: 3, notApplicable: 1, findings: 2 };
 * ```
 */
export interface RuleTally {
  /** Units (or regions) whose data allowed a check. */
  readonly checked: number;
  /** Of those, how many passed. */
  readonly passed: number;
  /** Of those, how many failed. */
  readonly failed: number;
  /** Units the rule applies to whose data are missing: not checked, never counted as passed. */
  readonly notChecked: number;
  /** Units the rule does not apply to. */
  readonly notApplicable: number;
  /** Findings it produced. */
  readonly findings: number;
}

/**
 * The summary of a validation.
 *
 * @example
 * ```ts
 * import type { ValidationSummary } from 'shequ';
 * const summary: ValidationSummary = { units: 2, findings: 1, bySeverity: { error: 1, warning: 0, info: 0 }, byRule: {} };
 * ```
 */
export interface ValidationSummary {
  /** Units checked. */
  readonly units: number;
  /** Findings in all. */
  readonly findings: number;
  /** Findings by severity. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Outcomes by rule id. */
  readonly byRule: Readonly<Record<string, RuleTally>>;
}

/**
 * What {@link validate} returns.
 *
 * @example
 * ```ts
 * import { validate, type ValidationReport } from 'shequ';
 * const report: ValidationReport = validate([{ code: '130123100201', kind: 'village', disasterOfficers: 0 }], { profile: 'hebei', asOf: '2025-12-31' });
 * report.summary.bySeverity.error;
 * //=> 1
 * ```
 */
export interface ValidationReport {
  /** The date the rules were applied at. */
  readonly asOf: string;
  /** The profile used. */
  readonly profile: string;
  /** Findings, sorted by unit code, then severity (error first), then rule order. */
  readonly findings: readonly Finding[];
  /** Counts. */
  readonly summary: ValidationSummary;
  /** Inputs that are not units at all (not objects), with their index. */
  readonly skipped: readonly Issue[];
}

/**
 * Options of {@link validate}.
 *
 * @example
 * ```ts
 * import type { ValidateOptions } from 'shequ';
 * const options: ValidateOptions = { profile: 'beijing', asOf: '2026-01-01' };
 * ```
 */
export interface ValidateOptions {
  /** A built-in profile name or a profile (default `'national'`). */
  readonly profile?: RuleProfileName | RuleProfile;
  /** The date the rules apply at (a `Date` or `'YYYY-MM-DD'`, read in China; default today in China). */
  readonly asOf?: AsOfInput;
  /** Division lists for `code.divisionKnown`. */
  readonly divisions?: DivisionDataset | readonly DivisionDataset[];
}

/**
 * Like {@link validate}, but never throws: a bad profile name or `asOf` is an issue.
 *
 * @param input - a dataset, or units (statistics rows or rich records)
 * @param options - profile, as-of date, division lists
 * @returns the report, or the issues: options that are not an object or a bad `divisions` (`invalid_option`), a bad
 *   `asOf`, an unknown profile, input that is neither a dataset nor an iterable (`invalid_type`). Never throws.
 *
 * @example
 * ```ts
 * import { safeValidate } from 'shequ';
 * safeValidate([], { asOf: '2025-02-30' }).success;
 * //=> false
 * ```
 */
export function safeValidate(
  input: Dataset | Iterable<UnitStatistics | Unit>,
  options: ValidateOptions = {},
): Result<ValidationReport> {
  return guarded(() => {
    const checked = checkValidateOptions(options);
    if (!checked.success) return checked;
    if (!isDataset(input) && !isIterableObject(input)) {
      return failure([
        createIssue('invalid_type', {
          zh: '应为数据集或社区（村）记录的数组',
          en: 'Expected a dataset or an array (or iterable) of unit records',
        }),
      ]);
    }
    return validateChecked(input, checked.data);
  });
}

/** The validation itself, once the options are resolved and the input is known to be a dataset or an iterable. */
function validateChecked(
  input: Dataset | Iterable<unknown>,
  options: CheckedValidateOptions,
): Result<ValidationReport> {
  const validator = openValidator(options, false);
  const findings: Finding[] = [];
  const units: Iterable<unknown> = isDataset(input) ? input.units : input;
  // Appended one at a time: a spread of a national file's findings would overflow the call stack.
  for (const unit of units) for (const finding of validator.add(unit)) findings.push(finding);
  if (isDataset(input)) for (const finding of validator.hierarchy(input)) findings.push(finding);
  const end = validator.end();
  for (const finding of end.findings) findings.push(finding);
  // Stable: findings of one unit, severity and rule keep the order they were found in.
  findings.sort(validator.compare);
  return success({ ...end, findings });
}

function isDataset(input: unknown): input is Dataset {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    Array.isArray((input as Dataset).units)
  );
}

/**
 * Validates units — a dataset, statistics rows or rich records — against a profile of rules at a date, and says
 * which unit falls short of which requirement and why, each finding citing its source. Rules whose data are missing
 * are counted as not checked, never as passed; law rules follow the text in force at `asOf` (the residents'
 * committee household range is 100–700 until 2025-12-31 and 1 000–3 000 from 2026-01-01); region rules (workers per
 * 10 000 urban residents) are checked on the indicator roll-up. Never throws on bad data.
 *
 * @param input - a dataset, or units (statistics rows or rich records)
 * @param options - profile (default `'national'`), as-of date (default today in China), division lists
 * @returns findings sorted by unit, a summary, and the date used
 * @throws {@link shequ!ShequError} for an unknown profile name or an invalid `asOf` (use {@link safeValidate} to get them
 * as issues)
 *
 * @example
 * ```ts
 * import { validate } from 'shequ';
 * const report = validate(
 *   [{ code: '130123100201', kind: 'village', households: 400, hasFacility: true, facilityArea: 100, disasterOfficers: 1 }],
 *   { profile: 'hebei', asOf: '2025-12-31' },
 * );
 * report.findings.map((finding) => [finding.rule, finding.severity, finding.message.zh]);
 * //=> [['facility.areaPer100Households', 'error', '每百户综合服务设施面积 25 平方米，低于 30 平方米']]
 * ```
 */
export function validate(
  input: Dataset | Iterable<UnitStatistics | Unit>,
  options: ValidateOptions = {},
): ValidationReport {
  return unwrap(safeValidate(input, options));
}

/**
 * Groups findings by unit code, keeping their order.
 *
 * @param findings - findings (e.g. a report's)
 * @returns unit code → its findings
 *
 * @example
 * ```ts
 * import { groupFindingsByUnit, validate } from 'shequ';
 * const report = validate([{ code: '130123100201', kind: 'village', disasterOfficers: 0 }], { profile: 'hebei', asOf: '2025-12-31' });
 * [...groupFindingsByUnit(report.findings).keys()];
 * //=> ['130123100201']
 * ```
 */
export function groupFindingsByUnit(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.unit);
    if (group === undefined) groups.set(finding.unit, [finding]);
    else group.push(finding);
  }
  return groups;
}
