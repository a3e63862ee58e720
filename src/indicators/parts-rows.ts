// Tidy rows from parts that may come from outside (a user's own map-reduce, a file): checked first, then generated
// as the accumulator generates its own.
import type { AsOfInput } from '../core/as-of.js';
import { guarded } from '../core/guard.js';
import { failure, success, unwrap } from '../core/result.js';
import { parseIndicatorParts } from './parts-parse.js';
import { resolvePeriodAndDate } from './periods.js';
import { unknownProfileIssue } from './profile-issue.js';
import { resolveIndicatorProfile } from './profiles.js';
import type { IndicatorRow, IndicatorRowsOptions } from './rows.js';
import { checkRowsOptions } from './rows-options.js';
import { type IndicatorParts, sumsFromParts, yearSumsFromParts } from './sums.js';
import { rowsOfYears } from './year-rows.js';

/**
 * Turns parts into tidy rows: one per (region, indicator) at each requested level, top level first, regions in code
 * order, indicators in profile order — rows whose value is null included. Unit-level rows need the units themselves
 * (see `computeIndicators`); here `unit` in `groupBy` is ignored. The parts are checked first with
 * `parseIndicatorParts` against the profile, since they may come from outside.
 *
 * @param parts - accumulated parts
 * @param options - profile, levels, rounding, names, external denominators, as-of date
 * @returns the rows
 * @throws {@link shequ!ShequError} with the issues when the parts are malformed or hold other indicators than the profile,
 *   the profile is neither a built-in name nor a profile object, or another option is invalid (never another error)
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator, indicatorRowsFromParts } from 'shequ';
 * const accumulator = createIndicatorAccumulator();
 * accumulator.add({ code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 });
 * accumulator.add({ code: '130123100202', kind: 'village', households: 200, hasFacility: false });
 * const row = indicatorRowsFromParts(accumulator.parts(), { groupBy: ['county'], asOf: '2025-12-31' })
 *   .find((r) => r.indicator === 'facilityAreaPer100Households');
 * [row?.numerator, row?.denominator, row?.value];
 * //=> [100, 500, 20]
 * ```
 */
export function indicatorRowsFromParts(parts: IndicatorParts, options: IndicatorRowsOptions): IndicatorRow[] {
  return unwrap(
    guarded(() => {
      const checked = checkRowsOptions(options);
      if (!checked.success) return checked;
      const { given, denominators } = checked.data;
      const when = resolvePeriodAndDate(given.period, given.asOf as AsOfInput | undefined);
      if (!when.success) return when;
      const profile = resolveIndicatorProfile(given.profile as IndicatorRowsOptions['profile']);
      if (profile === undefined) return failure([unknownProfileIssue(given.profile)]);
      const parsed = parseIndicatorParts(parts, { profile });
      if (!parsed.success) return parsed;
      const years = yearSumsFromParts(parsed.data);
      const withoutYear = sumsFromParts(parsed.data);
      const plain =
        years.length === 0 || withoutYear.keys.length > 0 || withoutYear.totals ? withoutYear : undefined;
      const rowOptions = { ...options, asOf: when.data.asOf, external: denominators };
      return success([...rowsOfYears(plain, years, rowOptions, profile, when.data.period?.id)]);
    }),
  );
}
