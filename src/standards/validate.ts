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
import { failure, type Result, success, unwrap } from '../core/result.js';
import { computeIndicatorTable } from '../indicators/compute.js';
import type { Dataset } from '../model/dataset.js';
import { buildRegionTree } from '../model/region.js';
import { isUnitKind, ROW_KINDS } from '../model/row-kind.js';
import { isRichUnit, toUnitStatistics, type Unit } from '../model/unit.js';
import type { UnitKind } from '../model/unit-kind.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { RuleProfileName } from './profiles.js';
import type { AnyRule, RegionRule, Rule, RuleContext, RuleProfile, RuleSource } from './types.js';
import { type CheckedValidateOptions, checkValidateOptions } from './validate-options.js';

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

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function inForce(rule: AnyRule, asOf: string): boolean {
  return (
    (rule.effective.from === undefined || rule.effective.from <= asOf) &&
    (rule.effective.to === undefined || asOf <= rule.effective.to)
  );
}

function isRegionRule(rule: AnyRule): rule is RegionRule {
  return (rule as RegionRule).level === 'region';
}

interface MutableTally {
  checked: number;
  passed: number;
  failed: number;
  notChecked: number;
  notApplicable: number;
  findings: number;
}

function emptyTally(): MutableTally {
  return { checked: 0, passed: 0, failed: 0, notChecked: 0, notApplicable: 0, findings: 0 };
}

function knownCodesOf(divisions: ValidateOptions['divisions']): RuleContext['knownCodes'] {
  if (divisions === undefined) return undefined;
  const lists = Array.isArray(divisions)
    ? (divisions as readonly DivisionDataset[])
    : [divisions as DivisionDataset];
  return { has: (code) => lists.some((list) => list.divisions.has(code)) };
}

/** Applies the unit rules to one unit, pushing findings and counting outcomes. */
function checkUnit(
  rules: readonly Rule[],
  context: RuleContext,
  index: number,
  tallies: MutableTally[],
  findings: Finding[],
): void {
  const { row } = context;
  const province = typeof row.code === 'string' ? row.code.slice(0, 2) : '';
  // Unit rules describe 社区 and 村: a township, district or total row is outside every one of them (a row of no
  // known kind still goes through the rules, which say what is wrong with it).
  const otherKind = row.kind !== undefined && !isUnitKind(row.kind) && ROW_KINDS.includes(row.kind);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as Rule;
    const tally = tallies[r] as MutableTally;
    const { kinds, provinces } = rule.appliesTo;
    if (
      otherKind ||
      (kinds !== undefined && !kinds.includes(row.kind as UnitKind)) ||
      (provinces !== undefined && !provinces.includes(province))
    ) {
      tally.notApplicable++;
      continue;
    }
    // One context per unit, its parameters swapped per rule: no allocation per (unit, rule) on the hot path.
    (context as { parameters: RuleContext['parameters'] }).parameters = rule.parameters;
    const outcome = rule.check(context);
    if (outcome.status === 'passed') {
      tally.checked++;
      tally.passed++;
    } else if (outcome.status === 'not-applicable') tally.notApplicable++;
    else if (outcome.status === 'not-checked') tally.notChecked++;
    else {
      tally.checked++;
      tally.failed++;
      for (const failureOf of outcome.failures) {
        tally.findings++;
        findings.push({
          rule: rule.id,
          severity: failureOf.severity ?? rule.severity,
          unit: String(row.code),
          index,
          path: failureOf.path,
          message: failureOf.message,
          expected: failureOf.expected,
          actual: failureOf.actual,
          source: rule.source,
        });
      }
    }
  }
}

/** Region rules on the indicator engine's roll-up. */
function checkRegions(
  rules: readonly RegionRule[],
  rows: readonly UnitStatistics[],
  asOf: string,
  tallies: MutableTally[],
  findings: Finding[],
): void {
  rules.forEach((rule, r) => {
    const tally = tallies[r] as MutableTally;
    const table = computeIndicatorTable(rows, { asOf, groupBy: [rule.parameters.level] });
    if (!table.success) return;
    for (const row of table.data.rows) {
      if (row.indicator !== rule.indicator) continue;
      if (row.value === null) {
        tally.notChecked++;
        continue;
      }
      tally.checked++;
      const { minimum } = rule.parameters;
      const strictly = rule.parameters.comparator === '>';
      // The published (rounded) value is compared, as in the indicator table: 18.0 is not "超过18".
      if (strictly ? row.value > minimum : row.value >= minimum) {
        tally.passed++;
        continue;
      }
      tally.failed++;
      tally.findings++;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        unit: row.region,
        index: null,
        path: [],
        message: strictly
          ? {
              zh: `每万名城镇常住人口社区工作者 ${row.value} 人，未超过 ${minimum} 人`,
              en: `${row.value} per 10 000 urban residents, not above ${minimum}`,
            }
          : {
              zh: `每万名城镇常住人口社区工作者 ${row.value} 人，低于 ${minimum} 人`,
              en: `${row.value} per 10 000 urban residents, below ${minimum}`,
            },
        expected: `${strictly ? '>' : '≥'} ${minimum}`,
        actual: row.value,
        source: rule.source,
      });
    }
  });
}

/** Hierarchy problems of a dataset's units, as `code.division` findings. */
function hierarchyFindings(
  dataset: Dataset,
  rules: readonly Rule[],
  tallies: MutableTally[],
  findings: Finding[],
): void {
  const r = rules.findIndex((candidate) => candidate.id === 'code.division');
  const rule = rules[r];
  const tally = tallies[r];
  if (rule === undefined || tally === undefined || dataset.regions === undefined) return;
  const { issues } = buildRegionTree(dataset.regions, dataset.units);
  for (const issue of issues) {
    if (issue.path[0] !== 'units' || typeof issue.path[1] !== 'number') continue;
    const index = issue.path[1];
    tally.findings++;
    findings.push({
      rule: rule.id,
      severity: rule.severity,
      unit: String(dataset.units[index]?.code),
      index,
      path: issue.path.slice(2),
      message: issue.message,
      expected: 'nested under its region',
      actual: String(dataset.units[index]?.code),
      source: rule.source,
    });
  }
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
    if (!isDataset(input) && !isUnitIterable(input)) {
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

function isUnitIterable(value: unknown): value is Iterable<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
  );
}

/** The validation itself, once the options are resolved and the input is known to be a dataset or an iterable. */
function validateChecked(
  input: Dataset | Iterable<unknown>,
  options: CheckedValidateOptions,
): Result<ValidationReport> {
  const { asOf, profile } = options;
  const active = profile.rules.filter((rule) => inForce(rule, asOf));
  const unitRules = active.filter((rule): rule is Rule => !isRegionRule(rule));
  const regionRules = active.filter(isRegionRule);
  const unitTallies = unitRules.map(emptyTally);
  const regionTallies = regionRules.map(emptyTally);
  const findings: Finding[] = [];
  const skipped: Issue[] = [];
  const rows: UnitStatistics[] = [];
  const knownCodes = knownCodesOf(options.divisions);
  const units: Iterable<unknown> = isDataset(input) ? input.units : input;
  let index = 0;
  for (const unit of units) {
    if (unit === null || typeof unit !== 'object') {
      skipped.push(
        createIssue(
          'invalid_type',
          { zh: '应为社区（村）记录', en: 'Expected a unit record' },
          { path: [index], severity: 'warning' },
        ),
      );
      index++;
      continue;
    }
    const rich = isRichUnit(unit) ? unit : undefined;
    const row = rich === undefined ? (unit as UnitStatistics) : toUnitStatistics(rich);
    rows.push(row);
    const context: RuleContext = {
      row,
      asOf: asOf,
      parameters: {},
      ...(rich === undefined ? {} : { unit: rich }),
      ...(knownCodes === undefined ? {} : { knownCodes }),
    };
    checkUnit(unitRules, context, index, unitTallies, findings);
    index++;
  }
  if (isDataset(input)) hierarchyFindings(input, unitRules, unitTallies, findings);
  if (regionRules.length > 0) checkRegions(regionRules, rows, asOf, regionTallies, findings);

  const order = new Map(active.map((rule, i) => [rule.id, i] as const));
  findings.sort(
    (a, b) =>
      (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0),
  );
  return success({
    asOf: asOf,
    profile: profile.id,
    findings,
    summary: summarise(
      rows.length,
      findings,
      [...unitRules, ...regionRules],
      [...unitTallies, ...regionTallies],
    ),
    skipped,
  });
}

function isDataset(input: unknown): input is Dataset {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    Array.isArray((input as Dataset).units)
  );
}

function summarise(
  units: number,
  findings: readonly Finding[],
  rules: readonly AnyRule[],
  tallies: readonly MutableTally[],
): ValidationSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) bySeverity[finding.severity]++;
  const byRule: Record<string, MutableTally> = {};
  rules.forEach((rule, i) => {
    const tally = tallies[i] as MutableTally;
    const total = byRule[rule.id] ?? emptyTally();
    for (const key of Object.keys(total) as (keyof MutableTally)[]) total[key] += tally[key];
    byRule[rule.id] = total;
  });
  return { units, findings: findings.length, bySeverity, byRule };
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
 * @throws {@link ShequError} for an unknown profile name or an invalid `asOf` (use {@link safeValidate} to get them
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
