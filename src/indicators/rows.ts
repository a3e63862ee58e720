import type { DivisionLevel } from '../codes/division-code.js';
import type { DivisionDataset } from '../codes/division-dataset.js';
import type { IndicatorProfileName } from './profiles.js';
import type { ProgressStatus } from './progress.js';
import type { IndicatorProperty } from './property.js';
import type { Baseline, IndicatorProfile, Target } from './types.js';

export { ROUNDING_MODES, resolveRounding, roundRatio } from './round-ratio.js';
export { type PreparedIndicator, prepareIndicators, regionRows } from './row-builder.js';
export { type RowTable, rowsFromSums, rowsOfTables } from './table-rows.js';

/**
 * How values are rounded: decimal places and mode (四舍五入 `half-up` by default).
 *
 * @example
 * ```ts
 * import type { Rounding } from 'shequ';
 * const rounding: Rounding = { places: 2, mode: 'half-even' };
 * ```
 */
export interface Rounding {
  /** Decimal places (default 1, as published tables show). */
  readonly places?: number;
  /** Rounding mode (default `'half-up'`). */
  readonly mode?: 'half-up' | 'half-even' | 'half-down' | 'up' | 'down';
}

/**
 * Levels a result can be grouped by: the four region levels, and `unit` for one row per 社区/村.
 *
 * @example
 * ```ts
 * import type { GroupLevel } from 'shequ';
 * const levels: GroupLevel[] = ['county', 'township'];
 * ```
 */
export type GroupLevel = Exclude<DivisionLevel, 'village'> | 'unit';

/**
 * One tidy result row: an indicator for a region, with its arithmetic and its standing against the target.
 *
 * @example
 * ```ts
 * import type { IndicatorRow } from 'shequ';
 * const row: IndicatorRow = {
 *   region: '130123000000', level: 'county', indicator: 'facilityAreaPer100Households',
 *   numerator: 31_000.5, denominator: 120_000, missing: 2, value: 25.8, unit: 'm²',
 *   status: 'not-met', expected: 30, gap: 4.2, asOf: '2025-12-31',
 * };
 * ```
 */
export interface IndicatorRow {
  /** 12-digit code of the region (or of the unit, at level `unit`). */
  readonly region: string;
  /** The level of the region. */
  readonly level: GroupLevel;
  /**
   * The year the figures describe (统计年度), when the rows counted carry one: a region has one row per indicator and
   * year, judged at the end of that year. Absent for rows without a year.
   */
  readonly year?: number;
  /** The region's name, when a division list was given and has it. */
  readonly name?: string;
  /** The indicator id. */
  readonly indicator: string;
  /** The indicator's 属性 (预期性 `expected` / 约束性 `binding`), only where a plan text states it. */
  readonly property?: IndicatorProperty;
  /** Σ numerator, in natural units (m², persons, units); 0 when nothing was counted. */
  readonly numerator: number;
  /** Σ denominator (or the external denominator), in natural units; 0 when nothing was counted. */
  readonly denominator: number;
  /** Units in scope left out because an input was missing. */
  readonly missing: number;
  /** Σ numerator / Σ denominator × scale, rounded once; `null` when the denominator is 0. */
  readonly value: number | null;
  /** Why `value` is null. */
  readonly reason?: 'zero-denominator';
  /** Unit of the value (`%`, `m²`, `persons`, `count`). */
  readonly unit: string;
  /** Whether the denominator came from the caller (`denominators` option). */
  readonly externalDenominator?: boolean;
  /** The numerator and denominator are the region's own total, given as input (a 社区合计 / 村合计 row). */
  readonly fromTotal?: true;
  /**
   * That total set aside, for this indicator, units or lower totals beneath the region that were also given (they
   * are not added: a total stands for everything beneath it). A warning about the input.
   */
  readonly setAside?: true;
  /** The profile's baseline, with its comparator where the text gives one ("98％以上": `'>='`). */
  readonly baseline?: Baseline;
  /** The profile's target. */
  readonly target?: Target;
  /** Standing against the target at `asOf`. */
  readonly status: ProgressStatus;
  /** Value expected at `asOf` on the line from baseline to target. */
  readonly expected: number | null;
  /** Distance to the target, positive when short. */
  readonly gap: number | null;
  /** The date the status refers to. */
  readonly asOf: string;
}

/**
 * Options of {@link indicatorRowsFromParts}.
 *
 * @example
 * ```ts
 * import type { IndicatorRowsOptions } from 'shequ';
 * const options: IndicatorRowsOptions = {
 *   profile: 'hebei', groupBy: ['county'], asOf: '2025-12-31',
 *   denominators: { '130123000000': { workersPer10kUrbanResidents: 186_000 } },
 * };
 * ```
 */
export interface IndicatorRowsOptions {
  /** Profile (default `'national'`); must hold the indicators of the parts. */
  readonly profile?: IndicatorProfileName | IndicatorProfile;
  /** Region levels to report (default province, prefecture, county, township). */
  readonly groupBy?: readonly GroupLevel[];
  /** Rounding of values (default one decimal, half-up). */
  readonly rounding?: Rounding;
  /** Division lists to name regions from. */
  readonly divisions?: DivisionDataset | readonly DivisionDataset[];
  /**
   * External denominators: region code (any form) → indicator id → denominator, replacing the sum of units. Keys of
   * one region (`'13'`, `'130000000000'`) are merged; two that give one indicator different denominators are refused
   * (`duplicate_code`).
   */
  readonly denominators?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Date of the progress assessment, `'YYYY-MM-DD'` (already resolved). */
  readonly asOf: string;
  /**
   * The plan period whose baselines and targets apply (`'14th'`, `'15th'`), whatever `asOf` says: `'14th'` for the
   * 十四五 final evaluation. Default: the period whose years contain `asOf` (none after 2030: no targets).
   */
  readonly period?: string;
}
