/**
 * The 十四五 plan period: 2021-01-01 to 2025-12-31, baseline at the end of 2020, targets for the end of 2025
 * (seed 002: "规划期为2021年至2025年"; seed 000: "到2025年底"). Kept as the 十四五 entry of `PLAN_PERIODS`, which
 * lists every known period (十五五 too) with its documents.
 *
 * @deprecated Use `PLAN_PERIODS` or `planPeriodById('14th')`: the 十四五 is no longer the only period.
 *
 * @example
 * ```ts
 * import { PLAN_PERIOD } from 'shequ/indicators';
 * PLAN_PERIOD.end;
 * //=> '2025-12-31'
 * ```
 */
export const PLAN_PERIOD = {
  /** First day of the plan period. */
  start: '2021-01-01',
  /** Last day of the plan period: the date targets refer to. */
  end: '2025-12-31',
  /** The year baselines describe (end of 十三五). */
  baselineYear: 2020,
  /** The year targets describe. */
  targetYear: 2025,
} as const;
