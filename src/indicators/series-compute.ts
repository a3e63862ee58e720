import type { Result } from '../core/result.js';
import { success } from '../core/result.js';
import type { Unit } from '../model/unit.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type ComputeIndicatorsOptions, computeIndicatorTable } from './compute.js';
import { type IndicatorSeries, indicatorSeriesFromRows } from './series.js';

/**
 * Options of {@link computeIndicatorSeries}: those of `computeIndicatorTable` (profile, levels, rounding, names,
 * external denominators, `period`, the `year` of units that carry none), without `asOf`: a year's figures are judged
 * at that year's end.
 *
 * @example
 * ```ts
 * import type { IndicatorSeriesOptions } from 'shequ';
 * const options: IndicatorSeriesOptions = { profile: 'hebei', groupBy: ['county'] };
 * ```
 */
export interface IndicatorSeriesOptions extends Omit<ComputeIndicatorsOptions, 'asOf'> {}

/**
 * Computes the series over years of units that carry a year (统计年度): the indicators of each year in one pass of
 * the one accumulator (each year rolled up on its own), then per region and indicator the value of each year, its
 * change against the baseline of the year's plan period (and against the value computed for the baseline year when
 * the data holds it), its standing against the line from that baseline to the period's target at the year's end
 * (ahead / on the line / behind / no target), and the change and average annual change from the first to the last
 * year. Differences are exact (decimal arithmetic on the published values); the average is rounded once. Units
 * without a year are left out (a `year_missing` warning) unless `year` gives theirs.
 *
 * @param units - statistics rows or rich unit records, with `year`
 * @param options - profile, levels, rounding, names, `period`, default `year`
 * @returns the series, or the issues of bad options or units that are not iterable. Never throws.
 *
 * @example
 * ```ts
 * import { computeIndicatorSeries } from 'shequ';
 * const village = (year: number, hasFacility: boolean) => ({ code: '130123100201', kind: 'village' as const, year, hasFacility });
 * const result = computeIndicatorSeries(
 *   [village(2020, false), village(2021, true), { ...village(2021, false), code: '130123100202' }, village(2023, true)],
 *   { profile: 'hebei', groupBy: ['county'] },
 * );
 * const entry = result.success ? result.data.entries.find((e) => e.indicator === 'ruralFacilityCoverage') : undefined;
 * entry?.points.map((p) => [p.year, p.value, p.standing]);
 * //=> [[2020, 0, 'behind'], [2021, 50, 'behind'], [2023, 100, 'ahead']]
 * [entry?.change, entry?.averageAnnualChange];
 * //=> [100, 33.333]
 * ```
 */
export function computeIndicatorSeries(
  units: Iterable<UnitStatistics | Unit>,
  options: IndicatorSeriesOptions = {},
): Result<IndicatorSeries> {
  const table = computeIndicatorTable(units, options);
  if (!table.success) return table;
  const { rows, profile, units: counted, skipped, warnings } = table.data;
  const entries = indicatorSeriesFromRows(rows, {
    ...(options.rounding === undefined ? {} : { rounding: options.rounding }),
    ...(options.period === undefined ? {} : { period: options.period }),
  });
  const series = { profile, years: table.data.years ?? [], entries, units: counted, skipped };
  return success(warnings === undefined ? series : { ...series, warnings });
}
