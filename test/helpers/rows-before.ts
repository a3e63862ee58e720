// Indicator row generation as it was before session 7's rewrite (commit 33a0c11: src/indicators/rows.ts, progress.ts,
// year-rows.ts), kept verbatim — but for the rounding, which did not change — to hold the new generation equal to it, row for row and key for key.

import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import type { DivisionDataset } from '../../src/codes/division-dataset.js';
import { indicatorProfileForPeriod } from '../../src/indicators/profile-periods.js';
import type { Progress } from '../../src/indicators/progress.js';
// Unchanged by the rewrite (moved to round-ratio.ts as it was): shared, not copied.
import { resolveRounding, roundRatio } from '../../src/indicators/round-ratio.js';
import type { GroupLevel, IndicatorRow, IndicatorRowsOptions, Rounding } from '../../src/indicators/rows.js';
import type { TownshipSums } from '../../src/indicators/sums.js';
import type { Baseline, IndicatorProfile, ProfileIndicator, Target } from '../../src/indicators/types.js';
import { judgementOfYear } from '../../src/indicators/year-rows.js';
import { figuresByLevel, REGION_LEVELS, type RegionFigure, regionCode } from './roll-up-before.js';

const DEFAULT_GROUPS: readonly GroupLevel[] = REGION_LEVELS;
/**
 * Computes Σ numerator / Σ denominator × scale, rounded once, exactly: the raw sums are integers (areas in
 * hundredths, whose factors the prepared indicator carries), so the only rounding is the final one.
 */
function ratioValue(
  prepared: PreparedIndicatorBefore,
  numeratorRaw: number,
  denominatorRaw: number,
  rounding: Required<Rounding>,
): number | null {
  if (denominatorRaw === 0) return null;
  const { entry, numeratorFactor, denominatorFactor } = prepared;
  if (entry.indicator.denominator === undefined) {
    return roundRatio(numeratorRaw, 1, numeratorFactor, 1, rounding.places, rounding.mode);
  }
  return roundRatio(
    numeratorRaw,
    denominatorFactor * entry.indicator.scale,
    denominatorRaw,
    numeratorFactor,
    rounding.places,
    rounding.mode,
  );
}

function nameFinder(divisions: IndicatorRowsOptions['divisions']): (code: string) => string | undefined {
  const lists =
    divisions === undefined ? [] : Array.isArray(divisions) ? divisions : [divisions as DivisionDataset];
  return (code) => {
    for (const list of lists) {
      const name = list.divisions.get(code)?.name;
      if (name !== undefined) return name;
    }
    return undefined;
  };
}

function normaliseDenominators(
  denominators: IndicatorRowsOptions['denominators'],
): Map<string, Readonly<Record<string, number>>> {
  const out = new Map<string, Readonly<Record<string, number>>>();
  for (const [code, byIndicator] of Object.entries(denominators ?? {})) {
    out.set(/^\d+$/.test(code) ? code.padEnd(12, '0') : code, byIndicator);
  }
  return out;
}

/** What every row of one indicator shares: computed once per call, not once per region. */
export interface PreparedIndicatorBefore {
  readonly entry: ProfileIndicator;
  readonly numeratorFactor: number;
  readonly denominatorFactor: number;
  /** Progress of a null value: its `expected` is the line's value at `asOf`. */
  readonly line: Progress;
}

/** Prepares a profile's indicators for row building at one as-of date. */
export function prepareIndicatorsBefore(
  entries: readonly ProfileIndicator[],
  asOf: string,
  places: number,
): PreparedIndicatorBefore[] {
  return entries.map((entry) => ({
    entry,
    numeratorFactor: entry.indicator.numerator.unit === 'm2' ? 100 : 1,
    denominatorFactor: entry.indicator.denominator?.unit === 'm2' ? 100 : 1,
    line: progressAgainstBefore(null, entry.target, entry.baseline, asOf, places),
  }));
}

/** Builds the rows of one region from its sums: one per indicator of the profile. */
export function regionRowsBefore(
  region: string,
  level: GroupLevel,
  sums: ArrayLike<number>,
  prepared: readonly PreparedIndicatorBefore[],
  context: {
    rounding: Required<Rounding>;
    asOf: string;
    name: string | undefined;
    external: Readonly<Record<string, number>> | undefined;
    /** The year the sums describe, when they describe one. */
    year?: number | undefined;
    /** Per indicator, 1 where the sums are the region's own total. */
    fromTotal?: Uint8Array | undefined;
    /** Per indicator, 1 where that total set data beneath it aside. */
    setAside?: Uint8Array | undefined;
    /** Where the region's sums start in `sums` (0 when absent). */
    offset?: number;
  },
): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const base = context.offset ?? 0;
  for (let i = 0; i < prepared.length; i++) {
    const { entry, numeratorFactor, denominatorFactor, line } = prepared[i] as PreparedIndicatorBefore;
    const definition = entry.indicator;
    const numeratorRaw = sums[base + i * 3] as number;
    const externalDenominator = context.external?.[definition.id];
    const denominatorRaw =
      externalDenominator === undefined
        ? (sums[base + i * 3 + 1] as number)
        : externalDenominator * denominatorFactor;
    const value = ratioValue(
      prepared[i] as PreparedIndicatorBefore,
      numeratorRaw,
      denominatorRaw,
      context.rounding,
    );
    const progress = value === null ? line : statusOnLine(value, entry, line, context.rounding.places + 1);
    const row: Record<string, unknown> = { region, level };
    if (context.year !== undefined) row.year = context.year;
    if (context.name !== undefined) row.name = context.name;
    row.indicator = definition.id;
    if (definition.property !== undefined) row.property = definition.property;
    row.numerator = numeratorRaw / numeratorFactor;
    row.denominator = denominatorRaw / denominatorFactor;
    row.missing = sums[base + i * 3 + 2];
    row.value = value;
    if (value === null) row.reason = 'zero-denominator';
    row.unit = definition.unit.en;
    if (externalDenominator !== undefined) row.externalDenominator = true;
    if (context.fromTotal?.[i] === 1) row.fromTotal = true;
    if (context.setAside?.[i] === 1) row.setAside = true;
    if (entry.baseline !== undefined) row.baseline = entry.baseline;
    if (entry.target !== undefined) row.target = entry.target;
    row.status = progress.status;
    row.expected = progress.expected;
    row.gap = progress.gap;
    row.asOf = context.asOf;
    rows.push(row as unknown as IndicatorRow);
  }
  return rows;
}

/** Progress of a value on a line computed once (same result as {@link progressAgainstBefore}, without the date math). */
function statusOnLine(value: number, entry: ProfileIndicator, line: Progress, places: number): Progress {
  if (entry.target === undefined) return line;
  return progressAgainstBefore(value, entry.target, entry.baseline, line.asOf, places, line.expected);
}

/**
 * Rows of every requested region level from typed township sums, generated one region at a time (top level first,
 * regions in code order): a national table is never built whole unless the caller collects it.
 */
export function* rowsFromSumsBefore(
  sums: TownshipSums,
  options: IndicatorRowsOptions,
  profile: IndicatorProfile,
  year?: number,
): Generator<IndicatorRow, void, undefined> {
  const rounding = resolveRounding(options.rounding);
  const nameOf = nameFinder(options.divisions);
  const external = normaliseDenominators(options.denominators);
  const prepared = prepareIndicatorsBefore(profile.indicators, options.asOf, rounding.places + 1);
  const wanted = new Set(options.groupBy ?? DEFAULT_GROUPS);
  if (!REGION_LEVELS.some((level) => wanted.has(level))) return;
  const figures = figuresByLevel(sums);
  for (const level of REGION_LEVELS) {
    if (!wanted.has(level)) continue;
    const byKey = figures[level];
    // The keys alone, sorted as numbers (an array of [key, figure] pairs took ≈ 26 MB at 180 000 townships).
    const ordered = Float64Array.from(byKey.keys()).sort();
    for (const key of ordered) {
      const figure = byKey.get(key) as RegionFigure;
      const region = regionCode(key, level);
      const context = {
        rounding,
        asOf: options.asOf,
        year,
        name: nameOf(region),
        external: external.get(region),
        fromTotal: figure.fromTotal,
        setAside: figure.setAside,
        offset: figure.offset,
      };
      yield* regionRowsBefore(region, level, figure.sums, prepared, context);
    }
  }
}

/**
 * Rows of the sums without a year (when `noYear` is given), then of each year in ascending order. With no year at
 * all, exactly the rows of before years existed.
 */
export function* rowsOfYearsBefore(
  noYear: TownshipSums | undefined,
  years: readonly (readonly [number, TownshipSums])[],
  options: IndicatorRowsOptions,
  profile: IndicatorProfile,
  periodOfAsOf: string | undefined,
): Generator<IndicatorRow, void, undefined> {
  if (noYear !== undefined)
    yield* rowsFromSumsBefore(noYear, options, indicatorProfileForPeriod(profile, periodOfAsOf));
  for (const [year, sums] of years) {
    const when = judgementOfYear(year, options.period);
    const seen = indicatorProfileForPeriod(profile, when.period);
    yield* rowsFromSumsBefore(sums, { ...options, asOf: when.asOf }, seen, year);
  }
}

/**
 * Meets `target` by its comparator. Values are compared as published, so 100.0 meets "= 100" and 18.0 does not meet
 * "> 18" (超过18人).
 */
function meets(value: number, target: Target): boolean {
  if (target.comparator === '>=') return value >= target.value;
  if (target.comparator === '>') return value > target.value;
  if (target.comparator === '<=') return value <= target.value;
  return value === target.value;
}

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** Share of the way from the end of the baseline year to the end of the target year, clamped to [0, 1]. */
function elapsedShare(asOf: string, baseline: Baseline, target: Target): number {
  const start = parseISO(`${baseline.year}-12-31`);
  const end = parseISO(`${target.year}-12-31`);
  const total = differenceInCalendarDays(end, start);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, differenceInCalendarDays(parseISO(asOf), start) / total));
}

export function progressAgainstBefore(
  value: number | null,
  target: Target | undefined,
  baseline: Baseline | undefined,
  asOf: string,
  places = 2,
  knownExpected?: number | null,
): Progress {
  if (target === undefined) return { status: 'no-target', asOf, expected: null, gap: null };
  const expected =
    knownExpected !== undefined
      ? knownExpected
      : baseline === undefined
        ? null
        : round(
            baseline.value + (target.value - baseline.value) * elapsedShare(asOf, baseline, target),
            places,
          );
  if (value === null) return { status: 'no-data', asOf, expected, gap: null };
  const gap = round(target.comparator === '<=' ? value - target.value : target.value - value, places);
  if (meets(value, target)) return { status: 'met', asOf, expected, gap };
  // At the deadline (the last day of the target year) and after, short of the target is not met, whatever the line
  // from the baseline said: "behind" would be the milder word for the worse case.
  const deadlineReached = asOf >= `${target.year}-12-31`;
  if (expected === null || baseline === undefined || deadlineReached)
    return { status: 'not-met', asOf, expected, gap };
  const higherIsBetter = target.comparator === '<=' ? false : target.value >= baseline.value;
  const onLine = higherIsBetter ? value >= expected : value <= expected;
  return { status: onLine ? 'on-track' : 'behind', asOf, expected, gap };
}
