import { PLAN_PERIODS, type PlanPeriod, planPeriodById, resolvePeriodAndDate } from './periods.js';
import { profileInPeriod } from './profile-periods.js';
import { type IndicatorRow, type IndicatorRowsOptions, type RowTable, rowsOfTables } from './rows.js';
import { type RegionDenominators, regionDenominators } from './rows-options.js';
import type { TownshipSums } from './sums.js';
import type { IndicatorProfile } from './types.js';

// The rows of sums kept by year. Rows without a year are built as they always were (judged at `asOf`, in the period
// of `asOf` or the `period` option). A year's rows are judged at the end of that year — the date its figures
// describe — against the period that year belongs to (or the `period` option), and carry the year.

/** The date and period a year's figures are judged at: the end of the year, in its period (or `period`). */
export function judgementOfYear(
  year: number,
  period: string | undefined,
): { readonly asOf: string; readonly period: string | undefined } {
  const when = resolvePeriodAndDate(period, `${year}-12-31`);
  return when.success
    ? { asOf: when.data.asOf, period: when.data.period?.id }
    : { asOf: `${year}-12-31`, period: undefined };
}

/**
 * The plan period a year belongs to for its series: the period whose years contain it, else the period whose
 * baseline year it is (2020: 十四五), else none. With `period` given, that period for the years from its baseline
 * year to its last year, and none for others.
 */
export function periodOfYear(year: number, period: string | undefined): PlanPeriod | undefined {
  if (period !== undefined) {
    const chosen = planPeriodById(period);
    return chosen !== undefined && year >= chosen.baselineYear && year <= chosen.lastYear
      ? chosen
      : undefined;
  }
  return (
    PLAN_PERIODS.find((candidate) => year >= candidate.firstYear && year <= candidate.lastYear) ??
    PLAN_PERIODS.find((candidate) => year === candidate.baselineYear)
  );
}

/**
 * Rows of the sums without a year (when `noYear` is given), then of each year in ascending order. With no year at
 * all, exactly the rows of before years existed. `options.external` is `denominators` by region as checkRowsOptions
 * read them; options without it (a caller that did not check them) have theirs read here, once for every table.
 */
export function rowsOfYears(
  noYear: TownshipSums | undefined,
  years: readonly (readonly [number, TownshipSums])[],
  options: RowsOfYearsOptions,
  profile: IndicatorProfile,
  periodOfAsOf: string | undefined,
): IterableIterator<IndicatorRow> {
  return rowsOfTables(tablesOfYears(noYear, years, options, profile, periodOfAsOf));
}

/** Row options, with their `denominators` by region when checkRowsOptions has read them. */
type RowsOfYearsOptions = IndicatorRowsOptions & { readonly external?: RegionDenominators };

/** The tables of {@link rowsOfYears}, each with the profile of its period and the date it is judged at. */
function* tablesOfYears(
  noYear: TownshipSums | undefined,
  years: readonly (readonly [number, TownshipSums])[],
  options: RowsOfYearsOptions,
  profile: IndicatorProfile,
  periodOfAsOf: string | undefined,
): Generator<RowTable, void, undefined> {
  // Read when the first row is asked for, as the tables read their options.
  const external = options.external ?? regionDenominators(options.denominators);
  if (noYear !== undefined)
    yield { sums: noYear, options, external, profile: profileInPeriod(profile, periodOfAsOf) };
  for (const [year, sums] of years) {
    const when = judgementOfYear(year, options.period);
    const seen = profileInPeriod(profile, when.period);
    yield { sums, options: { ...options, asOf: when.asOf }, external, profile: seen, year };
  }
}
