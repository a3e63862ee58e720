/**
 * The years a statistics row may describe (统计年度), inclusive: from the founding of the People's Republic to the
 * end of the century. A year outside is a typing error, not a statistic.
 *
 * @example
 * ```ts
 * import { STATISTICS_YEAR_RANGE } from 'shequ';
 * STATISTICS_YEAR_RANGE.min;
 * //=> 1949
 * ```
 */
export const STATISTICS_YEAR_RANGE = {
  /** The first year (1949). */
  min: 1949,
  /** The last year (2100). */
  max: 2100,
} as const;
