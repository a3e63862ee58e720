/**
 * The validation engine, one unit at a time (internal: `validate`, `safeValidate` and `createValidator` are built
 * on it). Every unit rule looks at one unit alone, so a unit's findings are known as soon as it is added; only the
 * region rules (checked on the indicator roll-up) and a dataset's hierarchy need every unit. What is kept between
 * units is bounded by the profile and the regions: one tally per rule, counts by severity, and — when a region rule
 * is in force — an indicator accumulator holding the sums of the region rules' indicators per region.
 */
import type { DivisionDataset } from '../codes/division-dataset.js';
import { inputThrewIssue } from '../core/guard.js';
import { createIssue, type Issue, type Severity } from '../core/issue.js';
import { createIndicatorAccumulator, type IndicatorAccumulator } from '../indicators/parts.js';
import { resolveIndicatorProfile } from '../indicators/profiles.js';
import type { IndicatorParts } from '../indicators/sums.js';
import type { IndicatorProfile } from '../indicators/types.js';
import type { Dataset } from '../model/dataset.js';
import { isUnitKind, ROW_KINDS } from '../model/row-kind-predicates.js';
import { isRichUnit, toUnitStatistics } from '../model/unit-derive.js';
import type { UnitKind } from '../model/unit-kind.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { AnyRule, RegionRule, Rule, RuleContext } from './types.js';
import type { Finding, ValidationReport, ValidationSummary } from './validate.js';
import type { CheckedValidateOptions } from './validate-options.js';
import { hierarchyFindings } from './validator-hierarchy.js';

/** What a validator gives at the end: the findings that needed every unit, the summary, the skipped inputs. */
export type ValidatorEndReport = ValidationReport;

/** The fields of a finding its place in a report depends on. */
export type FindingOrderKey = Pick<Finding, 'unit' | 'severity' | 'rule'>;

/** The engine behind the public validator. */
export interface ValidatorCore {
  readonly asOf: string;
  readonly profile: string;
  /** Checks one input; returns its findings in report order (severity, then rule order). */
  add(unit: unknown): readonly Finding[];
  /** The `code.division` findings of a dataset's hierarchy (counted in the summary). */
  hierarchy(dataset: Dataset): Finding[];
  /** Region findings (in report order) and the summary of everything so far; may be called again. */
  end(): ValidatorEndReport;
  /** The report order: unit code, then severity (error first), then rule order. */
  compare(a: FindingOrderKey, b: FindingOrderKey): number;
  /** What was counted so far, as plain data (for a validation cut into ranges: see {@link ValidatorState}). */
  state(): ValidatorState;
  /**
   * Adds the state of the inputs that follow those added here (the next range of a file): counts, tallies, the
   * region rules' sums, and the positions of later inputs (`index`, skipped paths) continue after this one's. False
   * (and the sums unchanged) when the region rules' sums cannot be merged exactly (a region's total in both).
   */
  merge(state: ValidatorState): boolean;
}

/**
 * What a validator counted, as plain data that crosses to another thread: a file checked in byte ranges, each by its
 * own validator, is the serial check once the ranges' states are merged in file order.
 */
export interface ValidatorState {
  /** Inputs added (the `index` the next one would get). */
  readonly added: number;
  readonly units: number;
  readonly bySeverity: Readonly<Record<string, number>>;
  /** The unit rules' tallies, six numbers per rule in {@link MutableTally}'s key order. */
  readonly tallies: readonly number[];
  readonly skipped: readonly Issue[];
  /** The region rules' sums (absent when no region rule is in force). */
  readonly parts: IndicatorParts | undefined;
  readonly regionsBroken: boolean;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

export interface MutableTally {
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

const TALLY_KEYS = Object.keys(emptyTally()) as readonly (keyof MutableTally)[];

function inForce(rule: AnyRule, asOf: string): boolean {
  return (
    (rule.effective.from === undefined || rule.effective.from <= asOf) &&
    (rule.effective.to === undefined || asOf <= rule.effective.to)
  );
}

function isRegionRule(rule: AnyRule): rule is RegionRule {
  return (rule as RegionRule).level === 'region';
}

function knownCodesOf(divisions: CheckedValidateOptions['divisions']): RuleContext['knownCodes'] {
  if (divisions === undefined) return undefined;
  const lists = Array.isArray(divisions)
    ? (divisions as readonly DivisionDataset[])
    : [divisions as DivisionDataset];
  return { has: (code) => lists.some((list) => list.divisions.has(code)) };
}

/**
 * The accumulator of the region rules: the national indicator profile cut to the indicators they read (a region's
 * value depends on its own units' sums alone, so it equals the full table's), or none when no region rule is active.
 */
function regionAccumulator(rules: readonly RegionRule[]): IndicatorAccumulator | undefined {
  if (rules.length === 0) return undefined;
  const national = resolveIndicatorProfile('national') as IndicatorProfile;
  const wanted = new Set(rules.map((rule) => rule.indicator));
  const indicators = national.indicators.filter((entry) => wanted.has(entry.indicator.id));
  return createIndicatorAccumulator({ profile: { ...national, indicators } });
}

/** Applies the unit rules to one unit, pushing its findings (in rule order) and counting outcomes. */
function checkUnit(
  rules: readonly Rule[],
  context: RuleContext,
  index: number,
  tallies: readonly MutableTally[],
  findings: Finding[],
): void {
  const { row } = context;
  // Read once, first, as before: an input whose code throws is skipped before any rule is counted.
  const code = row.code;
  // The province and the unit's text are made when first needed (most units fail no rule limited to provinces).
  let province: string | undefined;
  let unitText: string | undefined;
  // Unit rules describe 社区 and 村: a township, district or total row is outside every one of them (a row of no
  // known kind still goes through the rules, which say what is wrong with it).
  const otherKind = row.kind !== undefined && !isUnitKind(row.kind) && ROW_KINDS.includes(row.kind);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as Rule;
    const tally = tallies[r] as MutableTally;
    const { kinds, provinces } = rule.appliesTo;
    if (provinces !== undefined) province ??= typeof code === 'string' ? code.slice(0, 2) : '';
    if (
      otherKind ||
      (kinds !== undefined && !kinds.includes(row.kind as UnitKind)) ||
      (provinces !== undefined && !provinces.includes(province as string))
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
        unitText ??= String(code);
        findings.push({
          rule: rule.id,
          severity: failureOf.severity ?? rule.severity,
          unit: unitText,
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

/** The finding of a region whose value falls short of a region rule. */
function regionFinding(rule: RegionRule, region: string, value: number): Finding {
  const { minimum } = rule.parameters;
  const strictly = rule.parameters.comparator === '>';
  return {
    rule: rule.id,
    severity: rule.severity,
    unit: region,
    index: null,
    path: [],
    message: strictly
      ? {
          zh: `每万名城镇常住人口社区工作者 ${value} 人，未超过 ${minimum} 人`,
          en: `${value} per 10 000 urban residents, not above ${minimum}`,
        }
      : {
          zh: `每万名城镇常住人口社区工作者 ${value} 人，低于 ${minimum} 人`,
          en: `${value} per 10 000 urban residents, below ${minimum}`,
        },
    expected: `${strictly ? '>' : '≥'} ${minimum}`,
    actual: value,
    source: rule.source,
  };
}

/** Region rules on the accumulator's roll-up (rule by rule, regions in code order). */
function checkRegions(
  rules: readonly RegionRule[],
  accumulator: IndicatorAccumulator,
  asOf: string,
  tallies: readonly MutableTally[],
  findings: Finding[],
): void {
  rules.forEach((rule, r) => {
    const tally = tallies[r] as MutableTally;
    let rows: Iterable<{ indicator: string; region: string; value: number | null }>;
    try {
      rows = accumulator.rows({ asOf, groupBy: [rule.parameters.level] });
    } catch {
      return; // a level the roll-up does not know: the rule is not evaluated (as the table's failure was)
    }
    for (const row of rows) {
      if (row.indicator !== rule.indicator) continue;
      if (row.value === null) {
        tally.notChecked++;
        continue;
      }
      tally.checked++;
      const { minimum } = rule.parameters;
      // The published (rounded) value is compared, as in the indicator table: 18.0 is not "超过18".
      if (rule.parameters.comparator === '>' ? row.value > minimum : row.value >= minimum) {
        tally.passed++;
        continue;
      }
      tally.failed++;
      tally.findings++;
      findings.push(regionFinding(rule, row.region, row.value));
    }
  });
}

function summarise(
  units: number,
  bySeverity: Readonly<Record<Severity, number>>,
  rules: readonly AnyRule[],
  tallies: readonly MutableTally[],
): ValidationSummary {
  const byRule = new Map<string, MutableTally>();
  rules.forEach((rule, i) => {
    const tally = tallies[i] as MutableTally;
    const total = byRule.get(rule.id) ?? emptyTally();
    for (const key of Object.keys(total) as (keyof MutableTally)[]) total[key] += tally[key];
    byRule.set(rule.id, total);
  });
  const findings = bySeverity.error + bySeverity.warning + bySeverity.info;
  // Defined, not assigned: a caller's rule id `__proto__` or `constructor` is a key like any other.
  return { units, findings, bySeverity: { ...bySeverity }, byRule: Object.fromEntries(byRule) };
}

/** Whether a stable sort by `compare` would leave `findings` as they are (no pair out of order). */
function inOrder(
  findings: readonly Finding[],
  compare: (a: FindingOrderKey, b: FindingOrderKey) => number,
): boolean {
  for (let i = 1; i < findings.length; i++)
    if (compare(findings[i - 1] as Finding, findings[i] as Finding) > 0) return false;
  return true;
}

/** The order of findings in a report, for a profile's active rules. */
function findingOrder(active: readonly AnyRule[]): (a: FindingOrderKey, b: FindingOrderKey) => number {
  const order = new Map(active.map((rule, i) => [rule.id, i] as const));
  return (a, b) =>
    (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0);
}

/**
 * Opens the engine on checked options. `forgiving`: an input whose own properties throw is skipped with an issue
 * (the public validator's `add` never throws); otherwise the exception goes to the caller (`safeValidate` turns it
 * into a failed result, as it always has).
 */
export function openValidator(options: CheckedValidateOptions, forgiving: boolean): ValidatorCore {
  const { asOf, profile } = options;
  const active = profile.rules.filter((rule) => inForce(rule, asOf));
  const unitRules = active.filter((rule): rule is Rule => !isRegionRule(rule));
  const regionRules = active.filter(isRegionRule);
  const unitTallies = unitRules.map(emptyTally);
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const skipped: Issue[] = [];
  const knownCodes = knownCodesOf(options.divisions);
  const accumulator = regionAccumulator(regionRules);
  const compare = findingOrder(active);
  let regionsBroken = false;
  let units = 0;
  let index = 0;

  const checkOne = (unit: object, at: number): readonly Finding[] => {
    const rich = isRichUnit(unit) ? unit : undefined;
    const row = rich === undefined ? (unit as UnitStatistics) : toUnitStatistics(rich);
    // Built property by property in the same order as a spread would: no temporary objects per unit.
    const context = { row, asOf, parameters: {} } as {
      -readonly [Key in keyof RuleContext]: RuleContext[Key];
    };
    if (rich !== undefined) context.unit = rich;
    if (knownCodes !== undefined) context.knownCodes = knownCodes;
    const found: Finding[] = [];
    checkUnit(unitRules, context, at, unitTallies, found);
    if (accumulator !== undefined && !regionsBroken) {
      // An object the roll-up cannot read leaves the region rules unevaluated (as the table's failure did).
      try {
        accumulator.add(row);
      } catch {
        regionsBroken = true;
      }
    }
    units++;
    let known = true;
    for (const finding of found) {
      const { severity } = finding;
      if (severity !== 'error' && severity !== 'warning' && severity !== 'info') known = false;
      bySeverity[severity]++;
    }
    if (found.length === 0) return NO_FINDINGS;
    // Findings come in rule order, mostly already in report order: sorted only when two are not. (With a severity
    // outside the three, compare gives NaN and the sort decides, as it always did.)
    if (found.length > 1 && (!known || !inOrder(found, compare))) found.sort(compare);
    return found;
  };

  return {
    asOf,
    profile: profile.id,
    compare,
    add(unit) {
      const at = index++;
      if (unit === null || typeof unit !== 'object') {
        skipped.push(
          createIssue(
            'invalid_type',
            { zh: '应为社区（村）记录', en: 'Expected a unit record' },
            { path: [at], severity: 'warning' },
          ),
        );
        return NO_FINDINGS;
      }
      if (!forgiving) return checkOne(unit, at);
      try {
        return checkOne(unit, at);
      } catch {
        skipped.push(inputThrewIssue([at]));
        return NO_FINDINGS;
      }
    },
    state: () => ({
      added: index,
      units,
      bySeverity: { ...bySeverity },
      tallies: unitTallies.flatMap((tally) => TALLY_KEYS.map((key) => tally[key])),
      skipped: skipped.slice(),
      parts: accumulator === undefined || regionsBroken ? undefined : accumulator.parts(),
      regionsBroken,
    }),
    merge(state) {
      if (state.parts !== undefined && accumulator !== undefined && !regionsBroken)
        if (!accumulator.merge(state.parts).success) return false;
      if (state.regionsBroken) regionsBroken = true;
      for (const issue of state.skipped)
        skipped.push({ ...issue, path: [(issue.path[0] as number) + index, ...issue.path.slice(1)] });
      unitTallies.forEach((tally, r) => {
        TALLY_KEYS.forEach((key, k) => {
          tally[key] += state.tallies[r * TALLY_KEYS.length + k] as number;
        });
      });
      const counts = bySeverity as Record<string, number>;
      for (const [severity, count] of Object.entries(state.bySeverity))
        counts[severity] = (counts[severity] ?? 0) + count;
      units += state.units;
      index += state.added;
      return true;
    },
    hierarchy(dataset) {
      const found = hierarchyFindings(dataset, unitRules, unitTallies);
      for (const finding of found) bySeverity[finding.severity]++;
      return found;
    },
    end() {
      const regionTallies = regionRules.map(emptyTally);
      const findings: Finding[] = [];
      if (accumulator !== undefined && !regionsBroken)
        checkRegions(regionRules, accumulator, asOf, regionTallies, findings);
      const counts = { ...bySeverity };
      for (const finding of findings) counts[finding.severity]++;
      findings.sort(compare);
      const rules = [...unitRules, ...regionRules];
      const summary = summarise(units, counts, rules, [...unitTallies, ...regionTallies]);
      return { asOf, profile: profile.id, findings, summary, skipped: [...skipped] };
    },
  };
}
