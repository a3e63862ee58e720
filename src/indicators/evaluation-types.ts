import type { Issue, LocalizedText } from '../core/issue.js';
import type { ComputeIndicatorsOptions } from './compute.js';
import type { PlanPeriod } from './periods.js';
import type { ProgressStatus } from './progress.js';
import type { IndicatorProperty } from './property.js';
import type { GroupLevel } from './rows.js';
import type { Baseline, Target } from './types.js';

/**
 * The 完成情况 of an indicator in a plan period's final evaluation: `met` (达标), `not-met` (未达标), `no-data`
 * (无数据: no value for the target year), `no-target` (无目标: the profile sets none for the period). The statuses of
 * `progressAgainst` at the period's end; `on-track` and `behind` never occur, since a final evaluation has no line
 * left to be on.
 *
 * @example
 * ```ts
 * import type { EvaluationStatus } from 'shequ';
 * const status: EvaluationStatus = 'not-met';
 * ```
 */
export type EvaluationStatus = Extract<ProgressStatus, 'met' | 'not-met' | 'no-data' | 'no-target'>;

/**
 * Options of {@link evaluatePlanPeriod}.
 *
 * @example
 * ```ts
 * import type { EvaluatePlanPeriodOptions } from 'shequ';
 * const options: EvaluatePlanPeriodOptions = { period: '14th', profile: 'hebei', asOf: '2026-06-30', year: 2025 };
 * ```
 */
export interface EvaluatePlanPeriodOptions
  extends Omit<ComputeIndicatorsOptions, 'period' | 'asOf' | 'groupBy'> {
  /**
   * The plan period evaluated (`'14th'`, `'15th'`); default: the latest period that has ended by `asOf` (the
   * 十四五 from 2026 on), or, before any has ended, the first period.
   */
  readonly period?: string;
  /**
   * The date the evaluation is made at (a `Date` or `'YYYY-MM-DD'`, read in China; default today in China). A
   * period that has not ended by then is evaluated all the same, with a `provisional_evaluation` warning.
   */
  readonly asOf?: ComputeIndicatorsOptions['asOf'];
  /**
   * Region levels of the table (default `['province', 'prefecture']`: the province and its cities, as the plans' own
   * tables are); `'county'`, `'township'` and `'unit'` add rows of those levels.
   */
  readonly groupBy?: readonly GroupLevel[];
  /** Only these regions (division codes in any form: `'13'`, `'130100'`, 12 digits); default every region. */
  readonly regions?: readonly string[];
  /**
   * The year described by rows that carry none (no 统计年度 column); default the period's target year. Rows whose
   * year (their own, or this one) is not the target year are not counted in the actual values.
   */
  readonly year?: number;
}

/**
 * One line of the evaluation table: an indicator of a region with the period's baseline and target, the actual
 * value of the target year, its 属性 and 完成情况, the arithmetic of the actual, and the sources of the figures
 * (each baseline and target carries its `source` and `confidence`).
 *
 * @example
 * ```ts
 * import type { EvaluationRow } from 'shequ';
 * const row: EvaluationRow = {
 *   serial: 4, region: '130000000000', level: 'province', indicator: 'facilityAreaPer100Households',
 *   indicatorName: { zh: '每百户居民拥有社区综合服务设施面积', en: 'community service facility area per 100 households' },
 *   unit: { zh: '平方米', en: 'm²' }, actual: 31.2, year: 2025, status: 'met', gap: -1.2,
 *   numerator: 3120, denominator: 10000, missing: 0, formula: { zh: '…', en: '…' },
 * };
 * ```
 */
export interface EvaluationRow {
  /** 序号: the indicator's place in the profile's table, from 1 (the same in every region). */
  readonly serial: number;
  /** 12-digit code of the region (or of the unit, at level `unit`). */
  readonly region: string;
  /** The level of the region. */
  readonly level: GroupLevel;
  /** The region's name, when a division list was given and has it. */
  readonly name?: string;
  /** The indicator id. */
  readonly indicator: string;
  /** The indicator's name (指标). */
  readonly indicatorName: LocalizedText;
  /** The unit of its values (单位). */
  readonly unit: LocalizedText;
  /** 属性 (预期性 `expected` / 约束性 `binding`), only where a plan text states it. */
  readonly property?: IndicatorProperty;
  /** The baseline of the period (its baseline year), with its comparator ("≥ 98"), source and confidence. */
  readonly baseline?: Baseline;
  /** The target of the period, with its source and confidence. */
  readonly target?: Target;
  /** The actual value of the target year, computed from the rows; `null` when none can be computed. */
  readonly actual: number | null;
  /** Why `actual` is null: no row of the year counted for the indicator in the region. */
  readonly reason?: 'zero-denominator' | 'no-rows-of-year';
  /** The year the actual value describes (the period's target year). */
  readonly year: number;
  /** 完成情况 at the period's end. */
  readonly status: EvaluationStatus;
  /** How far the actual is from the target, positive when short (`null` without actual or target). */
  readonly gap: number | null;
  /** Σ numerator of the target year's rows, in natural units. */
  readonly numerator: number;
  /** Σ denominator (or the external denominator), in natural units. */
  readonly denominator: number;
  /** Units in scope left out because an input was missing. */
  readonly missing: number;
  /** The formula in words. */
  readonly formula: LocalizedText;
  /** The numerator and denominator are the region's own total, given as input (a 社区合计 / 村合计 row). */
  readonly fromTotal?: true;
}

/**
 * The result of {@link evaluatePlanPeriod}: the evaluation table of a plan period (终期评估), and what it rests on.
 *
 * @example
 * ```ts
 * import { evaluatePlanPeriod, type PlanEvaluation } from 'shequ';
 * const result = evaluatePlanPeriod([{ code: '130123100201', kind: 'village', hasFacility: true, year: 2025 }], { period: '14th', profile: 'hebei', asOf: '2026-06-30' });
 * if (result.success) {
 *   const evaluation: PlanEvaluation = result.data;
 *   [evaluation.period.id, evaluation.provisional, evaluation.rows.length];
 *   //=> ['14th', false, 36]
 * }
 * ```
 */
export interface PlanEvaluation {
  /** The period evaluated, with its years and documents. */
  readonly period: PlanPeriod;
  /** The date the evaluation was made at. */
  readonly asOf: string;
  /** The period had not ended by `asOf`: the figures may still change (a `provisional_evaluation` warning says so). */
  readonly provisional: boolean;
  /** The profile used (its id). */
  readonly profile: string;
  /** The year of the actual values (the period's target year). */
  readonly year: number;
  /** Units of the target year counted. */
  readonly units: number;
  /** Rows of other years, not counted in the actual values. */
  readonly otherYears: number;
  /** One row per (region, indicator of the profile): top level first, regions in code order, indicators in table order. */
  readonly rows: readonly EvaluationRow[];
  /** Rows of the target year that could not be placed (each with its index in the input), or with a bad year. */
  readonly skipped: readonly Issue[];
  /** `provisional_evaluation`, `no_rows_for_year`, `total_replaces_units`; absent when there are none. */
  readonly warnings?: readonly Issue[];
}
