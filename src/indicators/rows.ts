import Decimal from 'decimal.js';
import type { DivisionLevel } from '../codes/division-code.js';
import type { DivisionDataset } from '../codes/division-dataset.js';
import type { IndicatorProfileName } from './profiles.js';
import { type Progress, type ProgressStatus, progressAgainst } from './progress.js';
import type { IndicatorProperty } from './property.js';
import { figuresByLevel, REGION_LEVELS, type RegionFigure, regionCode } from './roll-up.js';
import type { TownshipSums } from './sums.js';
import type { Baseline, IndicatorProfile, ProfileIndicator, Target } from './types.js';

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
  /** External denominators: region code (any form) → indicator id → denominator, replacing the sum of units. */
  readonly denominators?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Date of the progress assessment, `'YYYY-MM-DD'` (already resolved). */
  readonly asOf: string;
  /**
   * The plan period whose baselines and targets apply (`'14th'`, `'15th'`), whatever `asOf` says: `'14th'` for the
   * 十四五 final evaluation. Default: the period whose years contain `asOf` (none after 2030: no targets).
   */
  readonly period?: string;
}

const DEFAULT_GROUPS: readonly GroupLevel[] = REGION_LEVELS;
const ExactDecimal = Decimal.clone({ precision: 60 });
/** The decimal.js rounding mode of each {@link Rounding} mode (the series round their averages the same way). */
export const ROUNDING_MODES = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
} as const;
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Rounds the non-negative rational (n · nFactor) / (d · dFactor) to `places` decimals by `mode`. The four inputs are
 * integers below 2^53 (sums of counts and of hundredths of m² are). Exact: integer arithmetic in doubles while every
 * product stays below 2^53 (the common case), decimal.js on the exact integers beyond that.
 */
export function roundRatio(
  n: number,
  nFactor: number,
  d: number,
  dFactor: number,
  places: number,
  mode: Required<Rounding>['mode'],
): number {
  const factor = 10 ** places;
  const scaled = n * nFactor * factor;
  const divisor = d * dFactor;
  if (
    scaled <= SAFE &&
    divisor <= SAFE &&
    Number.isInteger(scaled) &&
    Number.isInteger(divisor) &&
    divisor > 0 &&
    scaled >= 0
  ) {
    let q = Math.floor(scaled / divisor);
    let r = scaled - q * divisor; // exact: q·divisor ≤ scaled < 2^53
    if (r < 0) {
      q -= 1;
      r += divisor;
    } else if (r >= divisor) {
      q += 1;
      r -= divisor;
    }
    const twice = 2 * r;
    const up =
      mode === 'half-up'
        ? twice >= divisor
        : mode === 'half-even'
          ? twice > divisor || (twice === divisor && q % 2 === 1)
          : mode === 'half-down'
            ? twice > divisor
            : mode === 'up'
              ? r > 0
              : false;
    return (up ? q + 1 : q) / factor;
  }
  const exact = (value: number) =>
    new ExactDecimal(Number.isInteger(value) ? BigInt(value).toString() : value);
  return exact(n)
    .times(exact(nFactor))
    .div(exact(d).times(exact(dFactor)))
    .toDecimalPlaces(places, ROUNDING_MODES[mode])
    .toNumber();
}

/**
 * Computes Σ numerator / Σ denominator × scale, rounded once, exactly: the raw sums are integers (areas in
 * hundredths, whose factors the prepared indicator carries), so the only rounding is the final one.
 */
function ratioValue(
  prepared: PreparedIndicator,
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
export interface PreparedIndicator {
  readonly entry: ProfileIndicator;
  readonly numeratorFactor: number;
  readonly denominatorFactor: number;
  /** Progress of a null value: its `expected` is the line's value at `asOf`. */
  readonly line: Progress;
}

/** Prepares a profile's indicators for row building at one as-of date. */
export function prepareIndicators(
  entries: readonly ProfileIndicator[],
  asOf: string,
  places: number,
): PreparedIndicator[] {
  return entries.map((entry) => ({
    entry,
    numeratorFactor: entry.indicator.numerator.unit === 'm2' ? 100 : 1,
    denominatorFactor: entry.indicator.denominator?.unit === 'm2' ? 100 : 1,
    line: progressAgainst(null, entry.target, entry.baseline, asOf, places),
  }));
}

/** Builds the rows of one region from its sums: one per indicator of the profile. */
export function regionRows(
  region: string,
  level: GroupLevel,
  sums: ArrayLike<number>,
  prepared: readonly PreparedIndicator[],
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
    const { entry, numeratorFactor, denominatorFactor, line } = prepared[i] as PreparedIndicator;
    const definition = entry.indicator;
    const numeratorRaw = sums[base + i * 3] as number;
    const externalDenominator = context.external?.[definition.id];
    const denominatorRaw =
      externalDenominator === undefined
        ? (sums[base + i * 3 + 1] as number)
        : externalDenominator * denominatorFactor;
    const value = ratioValue(
      prepared[i] as PreparedIndicator,
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

/** Progress of a value on a line computed once (same result as {@link progressAgainst}, without the date math). */
function statusOnLine(value: number, entry: ProfileIndicator, line: Progress, places: number): Progress {
  if (entry.target === undefined) return line;
  return progressAgainst(value, entry.target, entry.baseline, line.asOf, places, line.expected);
}

/** Resolved rounding with defaults. */
export function resolveRounding(rounding: Rounding | undefined): Required<Rounding> {
  return { places: rounding?.places ?? 1, mode: rounding?.mode ?? 'half-up' };
}

/**
 * Rows of every requested region level from typed township sums, generated one region at a time (top level first,
 * regions in code order): a national table is never built whole unless the caller collects it.
 */
export function* rowsFromSums(
  sums: TownshipSums,
  options: IndicatorRowsOptions,
  profile: IndicatorProfile,
  year?: number,
): Generator<IndicatorRow, void, undefined> {
  const rounding = resolveRounding(options.rounding);
  const nameOf = nameFinder(options.divisions);
  const external = normaliseDenominators(options.denominators);
  const prepared = prepareIndicators(profile.indicators, options.asOf, rounding.places + 1);
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
      yield* regionRows(region, level, figure.sums, prepared, context);
    }
  }
}
