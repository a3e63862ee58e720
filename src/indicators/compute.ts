import type { AsOfInput } from '../core/as-of.js';
import { guarded } from '../core/guard.js';
import { createIssue, type Issue, type PathSegment } from '../core/issue.js';
import { isIterableObject } from '../core/iterable.js';
import { failure, type Result, success, unwrap } from '../core/result.js';
import { STATISTICS_YEAR_RANGE } from '../model/fields.js';
import { isUnitKind, unitKindOfTotal } from '../model/row-kind-predicates.js';
import type { Unit } from '../model/unit.js';
import { isRichUnit, toUnitStatistics } from '../model/unit-derive.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { VALID_OF_KIND } from '../model/unit-statistics.js';
import { accumulateRow, compileIndicators } from './accumulate.js';
import type { Crosswalk, CrosswalkEntry } from './crosswalk.js';
import { createIndicatorAccumulator, yearOfRow } from './parts.js';
import { resolvePeriodAndDate } from './periods.js';
import { unknownProfileIssue } from './profile-issue.js';
import { profileInPeriod } from './profile-periods.js';
import { type IndicatorProfileName, resolveIndicatorProfile } from './profiles.js';
import {
  type GroupLevel,
  type IndicatorRow,
  type IndicatorRowsOptions,
  type PreparedIndicator,
  prepareIndicators,
  regionRows,
  resolveRounding,
} from './rows.js';
import { checkRowsOptions } from './rows-options.js';
import type { IndicatorProfile } from './types.js';
import { judgementOfYear } from './year-rows.js';

/**
 * Options of {@link computeIndicators}.
 *
 * @example
 * ```ts
 * import type { ComputeIndicatorsOptions } from 'shequ';
 * const options: ComputeIndicatorsOptions = { profile: 'hebei', asOf: '2025-12-31', groupBy: ['county', 'township'] };
 * ```
 */
export interface ComputeIndicatorsOptions extends Omit<IndicatorRowsOptions, 'asOf'> {
  /**
   * The date progress is assessed at (a `Date` or `'YYYY-MM-DD'`, read in China); default today in China, or the
   * end of `period` when one is given.
   */
  readonly asOf?: AsOfInput;
  /**
   * The year (统计年度) of units that carry none: a sheet of one year given apart. Default none: such units are
   * summed apart, without a year (a `year_missing` warning when other units carry one).
   */
  readonly year?: number;
  /** Changes of division codes between years, applied before the roll-up (see `parseCrosswalk`). */
  readonly crosswalk?: Crosswalk | readonly CrosswalkEntry[];
}

/**
 * The result of {@link computeIndicatorTable}: the tidy rows, plus the date used and the units that could not be placed.
 *
 * @example
 * ```ts
 * import { computeIndicatorTable, type IndicatorTable } from 'shequ';
 * const result = computeIndicatorTable([{ code: '130123100201', kind: 'village', hasFacility: true }], { asOf: '2025-12-31' });
 * if (result.success) {
 *   const table: IndicatorTable = result.data;
 *   table.rows.length;
 *   //=> 28
 * }
 * ```
 */
export interface IndicatorTable {
  /** One row per (region, indicator of the profile), top level first; null values included. */
  readonly rows: readonly IndicatorRow[];
  /** The date progress was assessed at. */
  readonly asOf: string;
  /** The profile used. */
  readonly profile: string;
  /** The plan period whose baselines and targets were used (`'14th'`, `'15th'`); absent after every known period. */
  readonly period?: string;
  /** Units counted. */
  readonly units: number;
  /** The years (统计年度) of the units counted, ascending; absent when no unit carried one (nor the `year` option). */
  readonly years?: readonly number[];
  /**
   * Rows that could not be placed (no code of their kind's level, or no kind), each with its index; a second total
   * of the same kind for a region is listed here too (`duplicate_total`).
   */
  readonly skipped: readonly Issue[];
  /**
   * Where a region total set aside, for an indicator, units or lower totals that were also given: one
   * `total_replaces_units` warning per (region, indicator), at the levels reported; and one `year_missing` warning
   * when some units carry a year and others do not. Absent when there are none.
   */
  readonly warnings?: readonly Issue[];
}

/**
 * The warning of a row the accumulator did not count: a region's second total of a kind (`duplicate_total`: it would
 * count the region twice), or a row it cannot place; `at` says where (an index in an array, a line in a file).
 */
export function notCountedIssue(
  row: unknown,
  duplicate: boolean,
  at: { readonly path: readonly PathSegment[] } | { readonly line: number },
): Issue {
  if (duplicate) {
    const { code } = row as UnitStatistics;
    return createIssue(
      'duplicate_total',
      {
        zh: `区域 ${code} 已有同类合计行，此行未计入（否则会重复计数）`,
        en: `Region ${code} already has a total of this kind; this row is not counted (it would count twice)`,
      },
      { ...at, severity: 'warning' },
    );
  }
  const year: unknown = (row as { year?: unknown } | null | undefined)?.year;
  if (year !== undefined && !VALID_OF_KIND.year(year)) {
    return createIssue(
      'invalid_value',
      {
        zh: `统计年度无效：应为 ${STATISTICS_YEAR_RANGE.min}–${STATISTICS_YEAR_RANGE.max} 的整数年份，此行未计入`,
        en: `Invalid year: a whole year from ${STATISTICS_YEAR_RANGE.min} to ${STATISTICS_YEAR_RANGE.max} is needed; this row is not counted`,
      },
      { ...at, severity: 'warning' },
    );
  }
  return createIssue(
    'invalid_value',
    {
      zh: '无法归入区域：需要类型（居委会/村委会、街道/乡镇、县/区、社区合计/村合计）和该类型级别的有效统计用区划代码',
      en: 'Cannot be placed: a kind and a valid division code of that kind’s level are needed',
    },
    { ...at, severity: 'warning' },
  );
}

/** The warning of a region total that set aside what lay beneath it for an indicator. */
function setAsideIssue(row: IndicatorRow): Issue {
  return createIssue(
    'total_replaces_units',
    {
      zh: `区域 ${row.region} 的合计取代了其下的社区（村）或下级合计（指标 ${row.indicator}），下级数据未重复计入`,
      en: `The total of region ${row.region} replaces the units or lower totals beneath it for ${row.indicator}; they are not counted again`,
    },
    { path: [row.region, row.indicator], severity: 'warning' },
  );
}

/** The warning of units without a year beside units with one. */
export function yearMissingIssue(count: number): Issue {
  return createIssue(
    'year_missing',
    {
      zh: `${count} 行没有统计年度，而其他行有：它们单独汇总（不带年度），不计入任何年度和时间序列；请补上年度或给出默认年度（year / --year）`,
      en: `${count} rows have no year while others have one: they are summed apart (without a year) and left out of every year and series; add their year or give a default (year / --year)`,
    },
    { severity: 'warning' },
  );
}

/** One row per unit and indicator, from rows already placed by the accumulator (no second check or conversion). */
function unitRows(
  units: readonly UnitStatistics[],
  profile: IndicatorProfile,
  options: ComputeIndicatorsOptions,
  asOf: string,
  rows: IndicatorRow[],
): void {
  const compiled = compileIndicators(profile.indicators.map((entry) => entry.indicator));
  const rounding = resolveRounding(options.rounding);
  const fallback = options.year ?? 0;
  const preparedByYear = new Map<number, { prepared: PreparedIndicator[]; asOf: string }>();
  const preparedFor = (year: number) => {
    let found = preparedByYear.get(year);
    if (found === undefined) {
      // A unit of a year is judged at that year's end, in its period, as the region rows of that year are.
      const when = year === 0 ? { asOf, period: undefined } : judgementOfYear(year, options.period);
      const seen = year === 0 ? profile : profileInPeriod(profile, when.period);
      found = {
        prepared: prepareIndicators(seen.indicators, when.asOf, rounding.places + 1),
        asOf: when.asOf,
      };
      preparedByYear.set(year, found);
    }
    return found;
  };
  const sums = new Float64Array(compiled.stride);
  // Year then code order, like the region rows (a stable sort: units sharing both keep their input order).
  const keyed = units.map((row) => ({ row, year: yearOfRow(row, fallback) }));
  keyed.sort((a, b) => a.year - b.year || (a.row.code < b.row.code ? -1 : a.row.code > b.row.code ? 1 : 0));
  for (const { row, year } of keyed) {
    sums.fill(0);
    accumulateRow(compiled, row, sums, 0);
    const { prepared, asOf: judged } = preparedFor(year);
    const context = { rounding, asOf: judged, name: row.name, external: undefined, year: year || undefined };
    for (const built of regionRows(row.code, 'unit', sums, prepared, context)) rows.push(built);
  }
}

/**
 * Like {@link computeIndicators}, but never throws and returns the whole table: rows, the as-of date used, the
 * number of units counted, and the units that could not be placed. Computes the profile's indicators for units (statistics rows or rich records) and rolls them up the hierarchy:
 * township, county, prefecture and province by default (`groupBy` picks levels; `'unit'` adds one row per unit).
 * Each region sums numerators and denominators of its units and divides once, with exact arithmetic and one rounding
 * (half-up to one decimal by default); the value is `null` (reason `zero-denominator`) when nothing was counted.
 * Units lacking an input are counted in `missing`, never as zero. Each row carries the profile's target and its
 * status at `asOf`. Units that cannot be placed are listed in `skipped`, not dropped silently.
 *
 * @param units - statistics rows or rich unit records
 * @param options - profile (default `'national'`), as-of date, levels, rounding, division lists, external denominators
 * @returns the table, or an issue for an unknown profile, a bad `asOf`, another bad option (`invalid_option`), two
 *   keys of one region in `denominators` that disagree (`duplicate_code`), or units that are not iterable. Never
 *   throws (an exception from the caller's own objects becomes an issue).
 *
 * @example
 * ```ts
 * import { computeIndicatorTable } from 'shequ';
 * const result = computeIndicatorTable(
 *   [
 *     { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 },
 *     { code: '130123100202', kind: 'village', households: 200, hasFacility: false },
 *   ],
 *   { profile: 'hebei', groupBy: ['county'], asOf: '2025-12-31' },
 * );
 * result.success && result.data.rows.find((row) => row.indicator === 'ruralFacilityCoverage');
 * //=> { region: '130123000000', level: 'county', indicator: 'ruralFacilityCoverage', numerator: 1, denominator: 2,
 * //     missing: 0, value: 50, unit: '%', target: { comparator: '>=', value: 80, … }, status: 'not-met',
 * //     expected: 80, gap: 30, asOf: '2025-12-31' }
 * ```
 */
export function computeIndicatorTable(
  units: Iterable<UnitStatistics | Unit>,
  options: ComputeIndicatorsOptions = {},
): Result<IndicatorTable> {
  return guarded(() => {
    const checked = checkRowsOptions(options);
    if (!checked.success) return checked;
    const { given } = checked.data;
    const when = resolvePeriodAndDate(given.period, given.asOf as AsOfInput | undefined);
    if (!when.success) return when;
    const resolved = resolveIndicatorProfile(given.profile as IndicatorProfileName | undefined);
    if (resolved === undefined) return failure([unknownProfileIssue(given.profile)]);
    const profile = profileInPeriod(resolved, when.data.period?.id);
    if (!isIterableObject(units)) {
      return failure([
        createIssue('invalid_type', {
          zh: '应为社区（村）记录的数组或可迭代对象',
          en: 'Expected an array (or iterable) of unit records',
        }),
      ]);
    }
    const table = tableOf(units, profile, given as ComputeIndicatorsOptions, when.data.asOf);
    return success(when.data.period === undefined ? table : { ...table, period: when.data.period.id });
  });
}

/** The table of units already checked to be iterable, with resolved options. */
function tableOf(
  units: Iterable<unknown>,
  profile: IndicatorProfile,
  options: ComputeIndicatorsOptions,
  asOf: string,
): IndicatorTable {
  const accumulator = createIndicatorAccumulator({
    profile,
    ...(options.year === undefined ? {} : { year: options.year }),
    ...(options.crosswalk === undefined ? {} : { crosswalk: options.crosswalk }),
  });
  const skipped: Issue[] = [];
  let withoutYear = 0;
  const fallback = options.year ?? 0;
  const wantUnits = options.groupBy?.includes('unit') === true;
  const kept: UnitStatistics[] = [];
  let index = 0;
  const totalsSeen = new Set<string>();
  for (const unit of units) {
    const row = isRichUnit(unit) ? toUnitStatistics(unit) : (unit as UnitStatistics);
    if (!accumulator.add(row)) {
      const duplicate =
        row !== null &&
        typeof row === 'object' &&
        totalsSeen.has(`${row.kind}:${row.code}:${yearOfRow(row, fallback)}`);
      skipped.push(notCountedIssue(row, duplicate, { path: [index] }));
    } else {
      if (unitKindOfTotal(row.kind) !== undefined)
        totalsSeen.add(`${row.kind}:${row.code}:${yearOfRow(row, fallback)}`);
      if (row.year === undefined) withoutYear++;
      // Unit-level rows are those of 社区 and 村 (a township's own row is counted in its township's figures).
      if (wantUnits && isUnitKind(row.kind)) kept.push(row);
    }
    index++;
  }
  const { profile: _, ...rowOptions } = { ...options, asOf } as IndicatorRowsOptions;
  const rows = [...accumulator.rows(rowOptions)];
  const warnings = rows.filter((row) => row.setAside === true).map(setAsideIssue);
  const years = accumulator.years;
  if (years.length > 0 && options.year === undefined && withoutYear > 0)
    warnings.push(yearMissingIssue(withoutYear));
  // Appended in a loop: a spread of millions of unit rows would overflow the call stack.
  if (wantUnits) unitRows(kept, profile, options, asOf, rows);
  const base = { rows, asOf, profile: profile.id, units: accumulator.count };
  const table = years.length === 0 ? { ...base, skipped } : { ...base, years, skipped };
  return warnings.length === 0 ? table : { ...table, warnings };
}

/**
 * Computes the profile's indicators for units (statistics rows or rich records) and returns one tidy row per
 * (region, indicator), rolled up to township, county, prefecture and province by default (`groupBy` picks levels;
 * `'unit'` adds one row per unit). Regions sum numerators and denominators and divide once, exactly, rounding once
 * (half-up to one decimal by default); a value is `null` when its denominator is 0; units lacking an input are
 * counted in `missing`. Each row has the profile's target and its status at `asOf` (default today in China; every
 * row states it). Use {@link computeIndicatorTable} for the units that could not be placed and a result that never
 * throws.
 *
 * @param units - statistics rows or rich unit records
 * @param options - profile (default `'national'`), as-of date, levels, rounding, division lists, external denominators
 * @returns the rows
 * @throws {@link shequ!ShequError} for an unknown profile name or an invalid `asOf` (bad options, not bad data)
 *
 * @example
 * ```ts
 * import { computeIndicators } from 'shequ';
 * const rows = computeIndicators(
 *   [
 *     { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 },
 *     { code: '130123100202', kind: 'village', households: 200, hasFacility: false },
 *   ],
 *   { profile: 'hebei', groupBy: ['county'], asOf: '2025-12-31' },
 * );
 * rows.find((row) => row.indicator === 'ruralFacilityCoverage');
 * //=> { region: '130123000000', level: 'county', indicator: 'ruralFacilityCoverage', numerator: 1, denominator: 2,
 * //     missing: 0, value: 50, unit: '%', target: { comparator: '>=', value: 80, … }, status: 'not-met',
 * //     expected: 80, gap: 30, asOf: '2025-12-31' }
 * ```
 */
export function computeIndicators(
  units: Iterable<UnitStatistics | Unit>,
  options: ComputeIndicatorsOptions = {},
): IndicatorRow[] {
  return [...unwrap(computeIndicatorTable(units, options)).rows];
}

export type { GroupLevel, IndicatorProfileName };
