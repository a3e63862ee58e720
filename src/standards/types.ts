import type { LocalizedText, PathSegment, Severity } from '../core/issue.js';
import type { Unit } from '../model/unit.js';
import type { UnitKind } from '../model/unit-kind.js';
import type { UnitStatistics } from '../model/unit-statistics.js';

/**
 * Where a rule is written: the document, the section, and the requirement quoted.
 *
 * @example
 * ```ts
 * import type { RuleSource } from 'shequ';
 * const source: RuleSource = { document: '河北省城乡社区服务体系建设"十四五"规划', section: '三(三)2', quote: '每百户居民拥有综合服务设施面积不低于30平方米' };
 * ```
 */
export interface RuleSource {
  /** The document. */
  readonly document: string;
  /** Section or article. */
  readonly section: string;
  /** The requirement, quoted. */
  readonly quote: string;
}

/**
 * What a rule looks at for one unit: its statistics row, the rich record when there is one, the as-of date, the
 * rule's parameters (after a profile's overrides), and the caller's division codes.
 *
 * @example
 * ```ts
 * import type { RuleContext } from 'shequ';
 * const context: RuleContext = { row: { code: '130123100201', kind: 'village' }, asOf: '2025-12-31', parameters: {} };
 * ```
 */
export interface RuleContext {
  /** The unit's statistics row (derived from the rich record when the input is one). */
  readonly row: UnitStatistics;
  /** The rich record, when the input holds one. */
  readonly unit?: Unit;
  /** The as-of date, `'YYYY-MM-DD'`. */
  readonly asOf: string;
  /** The rule's parameters. */
  readonly parameters: Readonly<Record<string, number | string | boolean | readonly string[]>>;
  /** Known division codes (12 digits), when the caller passed a division list. */
  readonly knownCodes?: {
    /** Whether the list holds `code`. */
    has(code: string): boolean;
  };
}

/**
 * One shortfall a rule found in a unit.
 *
 * @example
 * ```ts
 * import type { RuleFailure } from 'shequ';
 * const failure: RuleFailure = {
 *   path: ['facilityArea'],
 *   message: { zh: '每百户 25.3 平方米，低于 30 平方米', en: '25.3 m² per 100 households, below 30 m²' },
 *   expected: '≥ 30',
 *   actual: 25.3,
 * };
 * ```
 */
export interface RuleFailure {
  /** Where in the unit the problem is. */
  readonly path: readonly PathSegment[];
  /** What is wrong, for a 街道 official and for a developer. */
  readonly message: LocalizedText;
  /** What the rule requires. */
  readonly expected: string | number;
  /** What the data say. */
  readonly actual: string | number | null;
  /** A severity other than the rule's, where one part of a rule is softer (e.g. a credit-code prefix). */
  readonly severity?: Severity;
}

/**
 * What a rule says of one unit: it does not apply, its data are missing (`not-checked`, never counted as passed),
 * it passed, or it failed with one or more failures.
 *
 * @example
 * ```ts
 * import type { RuleOutcome } from 'shequ';
 * const outcome: RuleOutcome = { status: 'not-checked', reason: { zh: '缺少户数', en: 'households missing' } };
 * ```
 */
export type RuleOutcome =
  | {
      /** The rule does not apply to the unit. */
      readonly status: 'not-applicable';
    }
  | {
      /** The unit's data do not allow a check. */
      readonly status: 'not-checked';
      /** What is missing. */
      readonly reason: LocalizedText;
    }
  | {
      /** The unit meets the rule. */
      readonly status: 'passed';
    }
  | {
      /** The unit falls short. */
      readonly status: 'failed';
      /** Each shortfall. */
      readonly failures: readonly RuleFailure[];
    };

/**
 * A rule: data (id, title, who it applies to, severity, parameters, the period it is in force, its source) plus a
 * predicate. Unit rules have `check`; region rules (e.g. workers per 10 000 urban residents) are evaluated on the
 * indicator engine's roll-up.
 *
 * @example
 * ```ts
 * import { passed, failed, type Rule } from 'shequ';
 * const volunteers: Rule = {
 *   id: 'district.volunteers',
 *   title: { zh: '每个社区至少 50 名注册志愿者', en: 'At least 50 registered volunteers per community' },
 *   appliesTo: { kinds: ['community'] },
 *   severity: 'warning',
 *   parameters: { minimum: 50 },
 *   effective: {},
 *   source: { document: '某区规划', section: '三', quote: '每个社区注册志愿者不少于50名' },
 *   check: ({ row, parameters }) =>
 *     row.volunteers === undefined
 *       ? { status: 'not-checked', reason: { zh: '缺少志愿者人数', en: 'volunteers missing' } }
 *       : row.volunteers >= Number(parameters.minimum)
 *         ? passed
 *         : failed(['volunteers'], { zh: '注册志愿者不足', en: 'Too few volunteers' }, `≥ ${parameters.minimum}`, row.volunteers),
 * };
 * ```
 */
export interface Rule {
  /** Stable identifier (public API). Versions of one rule in force at different dates share it. */
  readonly id: string;
  /** Title. */
  readonly title: LocalizedText;
  /**
   * The title for given parameters, for a rule whose title states them ("不低于30平方米"): `title` is its value for
   * the rule's own. A profile that changes the parameters (`deriveRuleProfile`, a profile file) gives the rule the
   * title of its new ones, so that a page never titles findings checked against 35 m² "不低于30平方米".
   */
  readonly titleOf?: (parameters: Rule['parameters']) => LocalizedText;
  /** Who it applies to. */
  readonly appliesTo: {
    /** Kinds of unit (default both). */
    readonly kinds?: readonly UnitKind[];
    /** Province codes (2 digits) where it applies (default everywhere). */
    readonly provinces?: readonly string[];
  };
  /** Severity of its findings. */
  readonly severity: Severity;
  /** Parameters the predicate reads (a profile may change them). */
  readonly parameters: Readonly<Record<string, number | string | boolean | readonly string[]>>;
  /**
   * The values a parameter of a closed set may take (a list's items, or a text): a profile file that gives another is
   * refused with `invalid_value`. Parameters not named here are checked by type only, but for a text parameter whose
   * value is a date `YYYY-MM-DD` (a deadline): a profile file must give it a calendar date (`invalid_date`).
   */
  readonly parameterValues?: Readonly<Record<string, readonly string[]>>;
  /**
   * The range of each numeric parameter (a count, a number of years, a percentage): a profile file or
   * `deriveRuleProfile` that gives a number outside it, or a fraction where it is `integer`, is refused with
   * `invalid_value`. A numeric parameter not named here takes any finite number.
   */
  readonly parameterRanges?: Readonly<Record<string, ParameterRange>>;
  /** Period in force, `'YYYY-MM-DD'` inclusive; open ends omitted. */
  readonly effective: {
    /** First day in force. */
    readonly from?: string;
    /** Last day in force. */
    readonly to?: string;
  };
  /** Where it is written. */
  readonly source: RuleSource;
  /** `'unverified'` where the requirement or its date could not be confirmed. */
  readonly confidence?: 'verified' | 'unverified';
  /** The predicate for one unit. */
  readonly check: (context: RuleContext) => RuleOutcome;
}

/**
 * The numbers a numeric parameter of a rule takes: from `min` to `max` (both included), whole numbers only when
 * `integer` (a count, a number of years).
 *
 * @example
 * ```ts
 * import { RULES, type ParameterRange } from 'shequ';
 * const term: ParameterRange | undefined = RULES.termExpiry.parameterRanges?.termYears;
 * term;
 * //=> { min: 1, max: 10, integer: true }
 * ```
 */
export interface ParameterRange {
  /** The least number taken. */
  readonly min: number;
  /** The greatest number taken. */
  readonly max: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
}

/**
 * A named set of rules with per-rule severity and parameters (already applied to the rules).
 *
 * @example
 * ```ts
 * import { RULE_PROFILES, type RuleProfile } from 'shequ';
 * const profile: RuleProfile = RULE_PROFILES.national;
 * ```
 */
export interface RuleProfile {
  /** Stable identifier. */
  readonly id: string;
  /** Name. */
  readonly name: LocalizedText;
  /** The rules. */
  readonly rules: readonly AnyRule[];
}

/**
 * A rule on regions rather than units, checked on the indicator engine's roll-up: the region's value of an
 * indicator must compare with `minimum` (e.g. more than 18 社区工作者 per 10 000 urban residents, by county).
 *
 * @example
 * ```ts
 * import { RULES, type RegionRule } from 'shequ';
 * const rule: RegionRule = RULES.workersPer10k;
 * rule.parameters.minimum;
 * //=> 18
 * ```
 */
export interface RegionRule extends Omit<Rule, 'check' | 'parameters'> {
  /** Marks a region rule. */
  readonly level: 'region';
  /** The indicator whose value is compared. */
  readonly indicator: string;
  /** The threshold and the region level checked. */
  readonly parameters: {
    /** The threshold: least value that passes, or (with `comparator: '>'`) the value to exceed. */
    readonly minimum: number;
    /** How the region's value compares with `minimum`: `'>='` (default) or `'>'` (the text says 超过). */
    readonly comparator?: '>=' | '>';
    /** Region level whose rows are checked. */
    readonly level: 'province' | 'prefecture' | 'county' | 'township';
  };
}

/**
 * Any rule of a profile: a unit rule or a region rule.
 *
 * @example
 * ```ts
 * import { RULE_PROFILES, type AnyRule } from 'shequ';
 * const rules: readonly AnyRule[] = RULE_PROFILES.hebei.rules;
 * ```
 */
export type AnyRule = Rule | RegionRule;
