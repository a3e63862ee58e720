import type { LocalizedText } from '../core/issue.js';
import type { CountedKind } from '../model/row-kind.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { IndicatorProperty } from './property.js';

/**
 * How far a baseline or target can be trusted (indicators.md):
 * `seed` — stated in one of the two plans; `national` — stated by officials about the national plan;
 * `local-consensus` — the same value in several local plans copying the national template;
 * `unverified` — a placeholder, to be replaced when a source is found.
 *
 * @example
 * ```ts
 * import type { Confidence } from 'shequ';
 * const confidence: Confidence = 'unverified';
 * ```
 */
export type Confidence = 'seed' | 'national' | 'local-consensus' | 'unverified';

/**
 * How a value compares with a figure: at least (`>=`, 不低于 / 以上), more than (`>`, 超过), exactly (`=`), at most
 * (`<=`). On a target, how the value must compare; on a baseline, what the text says of the value (98％以上: `>=`).
 *
 * @example
 * ```ts
 * import type { Comparator } from 'shequ';
 * const comparator: Comparator = '>=';
 * ```
 */
export type Comparator = '>=' | '>' | '=' | '<=';

/**
 * A baseline: the value at the end of the baseline year, with its source.
 *
 * @example
 * ```ts
 * import type { Baseline } from 'shequ';
 * const baseline: Baseline = { year: 2020, value: 98, comparator: '>=', confidence: 'seed', source: '北京规划 一(一)', quote: '城市社区覆盖率达到98％以上' };
 * ```
 */
export interface Baseline {
  /** The year it describes (end of year). */
  readonly year: number;
  /** The value, in the indicator's unit. */
  readonly value: number;
  /** How far it can be trusted. */
  readonly confidence: Confidence;
  /** Where it is stated. */
  readonly source: string;
  /** What the text says of the value where it gives a comparator ("98％以上": `'>='`); absent for a plain figure. */
  readonly comparator?: Comparator;
  /** The words of the source, verbatim (a test checks those attributed to a seed against the plan's text). */
  readonly quote?: string;
}

/**
 * A target: a comparator and a value to reach by the end of a year, with its source.
 *
 * @example
 * ```ts
 * import type { Target } from 'shequ';
 * const target: Target = { comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '河北规划 三(三)2' };
 * ```
 */
export interface Target {
  /** How the value must compare. */
  readonly comparator: Comparator;
  /** The value, in the indicator's unit. */
  readonly value: number;
  /** The year by whose end it applies. */
  readonly year: number;
  /** How far it can be trusted. */
  readonly confidence: Confidence;
  /** Where it is stated (and, where sources disagree, which one is followed). */
  readonly source: string;
  /** The words of the source, verbatim (a test checks those attributed to a seed against the plan's text). */
  readonly quote?: string;
}

/**
 * The physical unit of a measure: counts of units, m², persons, households or a plain count.
 *
 * @example
 * ```ts
 * import type { MeasureUnit } from 'shequ';
 * const unit: MeasureUnit = 'm2';
 * ```
 */
export type MeasureUnit = 'units' | 'm2' | 'persons' | 'households' | 'count';

/**
 * A measure: one number per unit, read from its statistics row. `undefined` means the unit lacks the input (it is
 * then counted as missing for the indicator, never as zero).
 *
 * @example
 * ```ts
 * import type { Measure } from 'shequ';
 * const volunteers: Measure = {
 *   id: 'volunteers',
 *   name: { zh: '注册志愿者人数', en: 'registered volunteers' },
 *   unit: 'persons',
 *   read: (row) => row.volunteers,
 * };
 * ```
 */
export interface Measure {
  /** Stable identifier. */
  readonly id: string;
  /** What it measures. */
  readonly name: LocalizedText;
  /** Its physical unit. Areas (`m2`) are summed as exact integer hundredths. */
  readonly unit: MeasureUnit;
  /** Reads the value of one unit; `undefined` when the unit lacks the input. */
  readonly read: (row: UnitStatistics) => number | undefined;
  /**
   * Reads the sum over the units of a total row (社区合计 / 村合计); `undefined` when the total does not give it.
   * Built-in measures have their own; without one, a caller's measure is never supplied by totals.
   */
  readonly readTotal?: (row: UnitStatistics) => number | undefined;
}

/**
 * The definition of an indicator: what it divides by what, for which units.
 *
 * A unit counts for an indicator when its kind is in `appliesTo` and `scope` (if any) is `true`; `scope` returning
 * `undefined` (the scoping flag is absent) counts the unit as missing. A unit in scope whose numerator or denominator
 * is `undefined` is missing too. Regions sum numerators and denominators and divide once:
 * value = Σ numerator / Σ denominator × `scale`. Without a denominator the indicator is a sum (value = Σ numerator)
 * and the denominator reports the units counted.
 *
 * @example
 * ```ts
 * import { MEASURES, type IndicatorDefinition } from 'shequ';
 * const volunteersPer100Households: IndicatorDefinition = {
 *   id: 'volunteersPer100Households',
 *   name: { zh: '每百户注册志愿者人数', en: 'registered volunteers per 100 households' },
 *   unit: { zh: '人', en: 'persons' },
 *   numerator: { id: 'volunteers', name: { zh: '注册志愿者人数', en: 'volunteers' }, unit: 'persons', read: (row) => row.volunteers },
 *   denominator: MEASURES.households,
 *   scale: 100,
 *   direction: 'higher',
 *   appliesTo: ['community', 'village'],
 *   formula: { zh: 'Σ注册志愿者 / Σ户数 × 100', en: 'Σ volunteers / Σ households × 100' },
 *   source: 'district plan (example)',
 * };
 * ```
 */
export interface IndicatorDefinition {
  /** Stable identifier (public API: renaming is a breaking change). */
  readonly id: string;
  /** Name. */
  readonly name: LocalizedText;
  /** Unit of the value (`%`, `m²`, `人` …). */
  readonly unit: LocalizedText;
  /** The numerator measure. */
  readonly numerator: Measure;
  /** The denominator measure; absent for a sum indicator. */
  readonly denominator?: Measure;
  /** Multiplier of the ratio: 100 for a percentage, 100 for "per 100 households", 10 000 for "per 10 000". */
  readonly scale: number;
  /** Whether a higher value is better. */
  readonly direction: 'higher' | 'lower';
  /**
   * Kinds of row counted: units (`community`, `village`), or `township` / `district` rows for an indicator that
   * counts townships or districts. Total rows feed the indicators of the unit kind they total.
   */
  readonly appliesTo: readonly CountedKind[];
  /** Further scope (e.g. newly built communities only); `undefined` = the flag is absent (missing). */
  readonly scope?: {
    /** What the scope is. */
    readonly name: LocalizedText;
    /** Whether a unit is in scope. */
    readonly test: (row: UnitStatistics) => boolean | undefined;
  };
  /** The formula in words. */
  readonly formula: LocalizedText;
  /** Where the indicator is defined. */
  readonly source: string;
  /**
   * 属性 (预期性 `expected` / 约束性 `binding`), only where a plan text states it; `undefined` otherwise. No built-in
   * indicator has one: neither seed states one, and the national table was not seen (indicators.md).
   */
  readonly property?: IndicatorProperty;
}

/**
 * An indicator as a profile uses it: the definition with the baseline and target of the profile's period in view
 * (`IndicatorProfile.period`; the 十四五 ones in the built-in profiles). The figures of every period are in
 * `IndicatorProfile.periods`.
 *
 * @example
 * ```ts
 * import { INDICATORS, type ProfileIndicator } from 'shequ';
 * const entry: ProfileIndicator = {
 *   indicator: INDICATORS.facilityAreaPer100Households,
 *   target: { comparator: '>=', value: 30, year: 2025, confidence: 'national', source: '国办发〔2021〕56号' },
 * };
 * ```
 */
export interface ProfileIndicator {
  /** The definition. */
  readonly indicator: IndicatorDefinition;
  /** The baseline of the period in view, where one is known. */
  readonly baseline?: Baseline;
  /** The target of the period in view, where one is set. */
  readonly target?: Target;
}

/**
 * A profile's baselines and targets for one plan period, by indicator id.
 *
 * @example
 * ```ts
 * import type { ProfilePeriodFigures } from 'shequ';
 * const figures: ProfilePeriodFigures = {
 *   targets: { facilityAreaPer100Households: { comparator: '>=', value: 35, year: 2030, confidence: 'seed', source: '某省“十五五”规划' } },
 * };
 * ```
 */
export interface ProfilePeriodFigures {
  /** Baselines (the end of the period's baseline year), by indicator id. */
  readonly baselines?: Readonly<Record<string, Baseline>>;
  /** Targets (by the end of a year of the period), by indicator id. */
  readonly targets?: Readonly<Record<string, Target>>;
}

/**
 * A figure a plan states as a fact and no indicator of the profile has as its baseline (a count where the indicator
 * is a rate, a figure no unit row can show): kept with its citation so that a report can show it beside the table.
 *
 * @example
 * ```ts
 * import type { ProfileFact } from 'shequ';
 * const fact: ProfileFact = {
 *   id: 'registeredVolunteers', name: { zh: '社区注册志愿者', en: 'registered community volunteers' },
 *   value: 1_920_100, unit: { zh: '人', en: 'persons' }, year: 2020, confidence: 'seed',
 *   source: '北京规划 一(一)', quote: '社区注册志愿者192.01万人', indicator: 'registeredVolunteerRate',
 * };
 * ```
 */
export interface ProfileFact {
  /** Stable identifier within the profile. */
  readonly id: string;
  /** What the figure counts. */
  readonly name: LocalizedText;
  /** The value, in `unit` (万 written out: 6.14万人 is 61 400 persons). */
  readonly value: number;
  /** Its unit. */
  readonly unit: LocalizedText;
  /** The year it describes (end of year). */
  readonly year: number;
  /** How far it can be trusted. */
  readonly confidence: Confidence;
  /** Where it is stated. */
  readonly source: string;
  /** The words of the source, verbatim (a test checks those attributed to a seed against the plan's text). */
  readonly quote: string;
  /** What the text says of the value where it gives a comparator ("以上": `'>='`). */
  readonly comparator?: Comparator;
  /** The text gives the value as approximate ("左右"). */
  readonly approximate?: true;
  /** The indicator the figure is about, where the profile has one. */
  readonly indicator?: string;
  /** What a reader should know (an inferred year, a scope). */
  readonly note?: string;
}

/**
 * A named set of indicators with their baselines and targets: `national`, `hebei`, `beijing`, or a caller's own.
 *
 * @example
 * ```ts
 * import { INDICATOR_PROFILES, type IndicatorProfile } from 'shequ';
 * const profile: IndicatorProfile = INDICATOR_PROFILES.hebei;
 * profile.indicators.length;
 * //=> 18
 * ```
 */
export interface IndicatorProfile {
  /** Stable identifier. */
  readonly id: string;
  /** Name. */
  readonly name: LocalizedText;
  /** The indicators, in table order. */
  readonly indicators: readonly ProfileIndicator[];
  /** Figures the plan states as facts that are no indicator's baseline, with their citations. */
  readonly facts?: readonly ProfileFact[];
  /**
   * Baselines and targets by plan period id (`'14th'`, `'15th'`). A period absent here has, for the period in view,
   * the indicators' own `baseline` and `target`, and for any other period no figures (status `no-target`).
   */
  readonly periods?: Readonly<Record<string, ProfilePeriodFigures>>;
  /** The period whose figures the indicators' `baseline` and `target` show (default `'14th'`). */
  readonly period?: string;
}
