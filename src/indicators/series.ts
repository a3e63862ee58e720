import Decimal from 'decimal.js';
import type { Issue } from '../core/issue.js';
import { ownValue } from '../core/own-value.js';
import type { IndicatorRow, Rounding } from './rows.js';
import { ROUNDING_MODES, resolveRounding } from './rows.js';
import type { Baseline, Target } from './types.js';
import { periodOfYear } from './year-rows.js';

// Series over years, built from indicator rows that carry a year: per region and indicator, the value of each year,
// its change against the baseline, its standing against the line from the baseline to the target, and the average
// annual change. Every difference is exact (decimal.js on the values as published, which are finite decimals); a
// quotient is rounded once.

/**
 * Where a year's value stands against the straight line from its period's baseline (end of the baseline year) to its
 * target (end of the target year), at the end of that year: `ahead` of it (better, by the indicator's direction),
 * `on-line` (exactly on it), `behind` it; `no-line` — a target but no baseline to draw the line from; `no-target` —
 * the year belongs to no plan period or its period sets no target; `no-data` — no value that year.
 *
 * @example
 * ```ts
 * import type { SeriesStanding } from 'shequ';
 * const standing: SeriesStanding = 'ahead';
 * ```
 */
export type SeriesStanding = 'ahead' | 'on-line' | 'behind' | 'no-line' | 'no-target' | 'no-data';

/**
 * One year of a series: the figures of the region that year and how they compare with the plan.
 *
 * @example
 * ```ts
 * import type { IndicatorSeriesPoint } from 'shequ';
 * const point: IndicatorSeriesPoint = {
 *   year: 2023, numerator: 27, denominator: 100, missing: 0, value: 27, period: '14th',
 *   changeFromBaseline: 3.4, changeFromBaselineYear: 3, line: 26.84, standing: 'ahead',
 * };
 * ```
 */
export interface IndicatorSeriesPoint {
  /** The year (统计年度). */
  readonly year: number;
  /** Σ numerator that year. */
  readonly numerator: number;
  /** Σ denominator that year. */
  readonly denominator: number;
  /** Units in scope missing an input that year. */
  readonly missing: number;
  /** The value that year (`null`: nothing counted). */
  readonly value: number | null;
  /** The plan period the year belongs to (its years, or its baseline year: 2020 is 十四五's); absent for none. */
  readonly period?: string;
  /** value − the period's baseline value (the profile's figure); `null` without value or baseline. Exact. */
  readonly changeFromBaseline: number | null;
  /**
   * value − the value computed for the period's baseline year, when the data holds that year; else `null`. Exact.
   */
  readonly changeFromBaselineYear: number | null;
  /** The value on the line from baseline to target at the end of the year (two more decimals than the values). */
  readonly line: number | null;
  /** Where the value stands against that line. */
  readonly standing: SeriesStanding;
}

/**
 * The series of one indicator in one region: a point per year that has a row, in ascending years, with the change
 * and the average annual change between the first and the last year that have a value.
 *
 * @example
 * ```ts
 * import type { IndicatorSeriesEntry } from 'shequ';
 * const entry: IndicatorSeriesEntry = {
 *   region: '130123000000', level: 'county', indicator: 'ruralFacilityCoverage', unit: '%', points: [],
 *   firstYear: 2021, lastYear: 2023, change: 10, averageAnnualChange: 5,
 * };
 * ```
 */
export interface IndicatorSeriesEntry {
  /** 12-digit code of the region (or unit). */
  readonly region: string;
  /** Its level. */
  readonly level: IndicatorRow['level'];
  /** Its name, when a division list has it. */
  readonly name?: string;
  /** The indicator id. */
  readonly indicator: string;
  /** The unit of the values. */
  readonly unit: string;
  /** The years, ascending. */
  readonly points: readonly IndicatorSeriesPoint[];
  /** The first year with a value (`null`: none has one). */
  readonly firstYear: number | null;
  /** The last year with a value. */
  readonly lastYear: number | null;
  /** Value of the last year − value of the first (exact); `null` with fewer than two years with a value. */
  readonly change: number | null;
  /** `change` / (lastYear − firstYear), rounded once to two more decimals than the values; `null` as `change`. */
  readonly averageAnnualChange: number | null;
}

/**
 * Series over years of a whole table: one entry per (region, indicator) that has rows with a year.
 *
 * @example
 * ```ts
 * import { computeIndicatorSeries, type IndicatorSeries } from 'shequ';
 * const result = computeIndicatorSeries([
 *   { code: '130123100201', kind: 'village', year: 2021, hasFacility: false },
 *   { code: '130123100201', kind: 'village', year: 2022, hasFacility: true },
 * ], { groupBy: ['county'] });
 * const series: IndicatorSeries | undefined = result.success ? result.data : undefined;
 * series?.years;
 * //=> [2021, 2022]
 * ```
 */
export interface IndicatorSeries {
  /** The profile used. */
  readonly profile: string;
  /** The years present, ascending. */
  readonly years: readonly number[];
  /** The series: regions top level first in code order, indicators in profile order. */
  readonly entries: readonly IndicatorSeriesEntry[];
  /** Units counted. */
  readonly units: number;
  /** Units that could not be placed, each with its index. */
  readonly skipped: readonly Issue[];
  /** Warnings: `year_missing` (units without a year, left out), `total_replaces_units`. Absent when none. */
  readonly warnings?: readonly Issue[];
}

/**
 * Options of {@link indicatorSeriesFromRows}.
 *
 * @example
 * ```ts
 * import type { IndicatorSeriesFromRowsOptions } from 'shequ';
 * const options: IndicatorSeriesFromRowsOptions = { rounding: { places: 1 }, period: '14th' };
 * ```
 */
export interface IndicatorSeriesFromRowsOptions {
  /** The rounding the rows were computed with (default one decimal, half-up): the average's places follow it. */
  readonly rounding?: Rounding;
  /** The `period` option the rows were computed with, if any: the years of that period only are judged. */
  readonly period?: string;
}

const Exact = Decimal.clone({ precision: 60 });

/** The exact difference a − b of two published decimals. */
function difference(a: number, b: number): number {
  return new Exact(a).minus(new Exact(b)).toNumber();
}

/** The rows of one (region, indicator), keyed by year. */
interface Group {
  readonly first: IndicatorRow;
  readonly byYear: Map<number, IndicatorRow>;
}

/**
 * Builds the series of indicator rows that carry a year (rows without one are left out): one entry per (level,
 * region, indicator), its points in ascending years. The rows may come from any source — `computeIndicators`, an
 * accumulator's `rows()`, a pipeline job's `rows()` — so a file read in a stream gives its series the same way.
 * Never throws on rows the library made.
 *
 * @param rows - indicator rows, some with a `year`
 * @param options - the rounding and `period` the rows were computed with
 * @returns the entries, regions top level first in code order, indicators in the order of the rows
 *
 * @example
 * ```ts
 * import { computeIndicators, indicatorSeriesFromRows } from 'shequ';
 * const rows = computeIndicators([
 *   { code: '130123100201', kind: 'village', year: 2021, hasFacility: false },
 *   { code: '130123100202', kind: 'village', year: 2021, hasFacility: true },
 *   { code: '130123100201', kind: 'village', year: 2023, hasFacility: true },
 *   { code: '130123100202', kind: 'village', year: 2023, hasFacility: true },
 * ], { profile: 'hebei', groupBy: ['county'] });
 * const entry = indicatorSeriesFromRows(rows).find((e) => e.indicator === 'ruralFacilityCoverage');
 * [entry?.points.map((p) => p.value), entry?.change, entry?.averageAnnualChange];
 * //=> [[50, 100], 50, 25]
 * ```
 */
export function indicatorSeriesFromRows(
  rows: Iterable<IndicatorRow>,
  options: IndicatorSeriesFromRowsOptions = {},
): IndicatorSeriesEntry[] {
  const groups = new Map<string, Group>();
  const indicatorOrder = new Map<string, number>();
  for (const row of rows) {
    // A row's and the options' optional keys read as their own (core/own-value.ts).
    const year = ownValue<number>(row, 'year');
    if (year === undefined) continue;
    if (!indicatorOrder.has(row.indicator)) indicatorOrder.set(row.indicator, indicatorOrder.size);
    const key = `${row.level}\u0000${row.region}\u0000${row.indicator}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { first: row, byYear: new Map() };
      groups.set(key, group);
    }
    group.byYear.set(year, row);
  }
  const rounding = resolveRounding(ownValue(options, 'rounding'));
  const ordered = [...groups.values()].sort((a, b) => compareGroups(a.first, b.first, indicatorOrder));
  return ordered.map((group) => entryOf(group, rounding, ownValue(options, 'period')));
}

const LEVEL_ORDER: Readonly<Record<string, number>> = {
  province: 0,
  prefecture: 1,
  county: 2,
  township: 3,
  unit: 4,
};

function compareGroups(a: IndicatorRow, b: IndicatorRow, order: ReadonlyMap<string, number>): number {
  const level = (LEVEL_ORDER[a.level] ?? 5) - (LEVEL_ORDER[b.level] ?? 5);
  if (level !== 0) return level;
  if (a.region !== b.region) return a.region < b.region ? -1 : 1;
  return (order.get(a.indicator) ?? 0) - (order.get(b.indicator) ?? 0);
}

function entryOf(
  group: Group,
  rounding: Required<Rounding>,
  period: string | undefined,
): IndicatorSeriesEntry {
  const years = [...group.byYear.keys()].sort((a, b) => a - b);
  const points = years.map((year) =>
    pointOf(group.byYear.get(year) as IndicatorRow, group.byYear, rounding, period),
  );
  const valued = points.filter((point) => point.value !== null);
  const first = valued[0];
  const last = valued.at(-1);
  const { region, level, indicator, unit } = group.first;
  const name = ownValue<string>(group.first, 'name');
  const entry: Record<string, unknown> = { region, level };
  if (name !== undefined) entry.name = name;
  Object.assign(entry, { indicator, unit, points });
  entry.firstYear = first?.year ?? null;
  entry.lastYear = last?.year ?? null;
  if (first === undefined || last === undefined || first === last) {
    entry.change = null;
    entry.averageAnnualChange = null;
  } else {
    const change = new Exact(last.value as number).minus(new Exact(first.value as number));
    entry.change = change.toNumber();
    entry.averageAnnualChange = change
      .div(last.year - first.year)
      .toDecimalPlaces(rounding.places + 2, ROUNDING_MODES[rounding.mode])
      .toNumber();
  }
  return entry as unknown as IndicatorSeriesEntry;
}

function pointOf(
  row: IndicatorRow,
  byYear: ReadonlyMap<number, IndicatorRow>,
  rounding: Required<Rounding>,
  periodOption: string | undefined,
): IndicatorSeriesPoint {
  const year = row.year as number;
  const period = periodOfYear(year, periodOption);
  // The row of a year was judged in the period of that year, so its baseline and target are that period's.
  // Only the row's own: a key of Object.prototype is not the row's (core/own-value.ts), nor what its status was judged on.
  const baseline = period === undefined ? undefined : ownValue<Baseline>(row, 'baseline');
  const target = period === undefined ? undefined : ownValue<Target>(row, 'target');
  const { value } = row;
  const baselineYearValue = period === undefined ? null : (byYear.get(period.baselineYear)?.value ?? null);
  const line = lineAt(year, baseline, target);
  const point: Record<string, unknown> = {
    year,
    numerator: row.numerator,
    denominator: row.denominator,
    missing: row.missing,
    value,
  };
  if (period !== undefined) point.period = period.id;
  point.changeFromBaseline =
    value === null || baseline === undefined ? null : difference(value, baseline.value);
  point.changeFromBaselineYear =
    value === null || baselineYearValue === null ? null : difference(value, baselineYearValue);
  point.line = line?.toDecimalPlaces(rounding.places + 2, ROUNDING_MODES[rounding.mode]).toNumber() ?? null;
  point.standing = standingOf(value, year, baseline, target);
  return point as unknown as IndicatorSeriesPoint;
}

/** The line from baseline to target at the end of `year`, exact (a rational with a small denominator, in 60 digits). */
function lineAt(
  year: number,
  baseline: Baseline | undefined,
  target: Target | undefined,
): Decimal | undefined {
  if (baseline === undefined || target === undefined) return undefined;
  const span = target.year - baseline.year;
  if (span <= 0) return new Exact(target.value);
  const b = new Exact(baseline.value);
  return b.plus(
    new Exact(target.value)
      .minus(b)
      .times(year - baseline.year)
      .div(span),
  );
}

/**
 * Compares the value with the line without dividing: value × span against baseline × span + (target − baseline) ×
 * elapsed years, all finite decimals times integers, so "on the line" is exact even where the line is 26.866….
 */
function standingOf(
  value: number | null,
  year: number,
  baseline: Baseline | undefined,
  target: Target | undefined,
): SeriesStanding {
  if (target === undefined) return 'no-target';
  if (value === null) return 'no-data';
  if (baseline === undefined) return 'no-line';
  const span = target.year - baseline.year;
  const b = new Exact(baseline.value);
  const t = new Exact(target.value);
  const compared =
    span <= 0
      ? new Exact(value).comparedTo(t)
      : new Exact(value).times(span).comparedTo(b.times(span).plus(t.minus(b).times(year - baseline.year)));
  if (compared === 0) return 'on-line';
  const higherIsBetter = target.comparator === '<=' ? false : target.value >= baseline.value;
  return compared > 0 === higherIsBetter ? 'ahead' : 'behind';
}
