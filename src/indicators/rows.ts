import Decimal from 'decimal.js';
import type { DivisionLevel } from '../codes/division-code.js';
import type { DivisionDataset } from '../codes/division-dataset.js';
import type { IndicatorParts } from './parts.js';
import { type IndicatorProfileName, resolveIndicatorProfile } from './profiles.js';
import { type Progress, type ProgressStatus, progressAgainst } from './progress.js';
import type { IndicatorDefinition, IndicatorProfile, ProfileIndicator, Target } from './types.js';

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
 *   status: 'behind', expected: 30, gap: 4.2, asOf: '2025-12-31',
 * };
 * ```
 */
export interface IndicatorRow {
  /** 12-digit code of the region (or of the unit, at level `unit`). */
  readonly region: string;
  /** The level of the region. */
  readonly level: GroupLevel;
  /** The region's name, when a division list was given and has it. */
  readonly name?: string;
  /** The indicator id. */
  readonly indicator: string;
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
}

const REGION_LEVELS = ['province', 'prefecture', 'county', 'township'] as const;
const SEGMENT_END: Record<(typeof REGION_LEVELS)[number], number> = {
  province: 2,
  prefecture: 4,
  county: 6,
  township: 9,
};
const DEFAULT_GROUPS: readonly GroupLevel[] = REGION_LEVELS;
const ExactDecimal = Decimal.clone({ precision: 60 });
const MODES = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
} as const;

/**
 * Computes Σ numerator / Σ denominator × scale, rounded once, exactly: the raw sums are integers (areas in
 * hundredths), so the only rounding is the final one, done with decimal.js.
 */
export function ratioValue(
  definition: IndicatorDefinition,
  numeratorRaw: number,
  denominatorRaw: number,
  rounding: Required<Rounding>,
): number | null {
  const numeratorFactor = definition.numerator.unit === 'm2' ? 100 : 1;
  if (definition.denominator === undefined) {
    return denominatorRaw === 0
      ? null
      : new ExactDecimal(numeratorRaw)
          .div(numeratorFactor)
          .toDecimalPlaces(rounding.places, MODES[rounding.mode])
          .toNumber();
  }
  if (denominatorRaw === 0) return null;
  const denominatorFactor = definition.denominator.unit === 'm2' ? 100 : 1;
  return new ExactDecimal(numeratorRaw)
    .times(denominatorFactor * definition.scale)
    .div(new ExactDecimal(denominatorRaw).times(numeratorFactor))
    .toDecimalPlaces(rounding.places, MODES[rounding.mode])
    .toNumber();
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

/** Sums township parts up to the regions of one level. */
function rollUp(parts: IndicatorParts, level: (typeof REGION_LEVELS)[number]): Map<string, Float64Array> {
  const end = SEGMENT_END[level];
  const regions = new Map<string, Float64Array>();
  for (const [code, numbers] of Object.entries(parts.townships)) {
    const region = code.slice(0, end).padEnd(12, '0');
    let sums = regions.get(region);
    if (sums === undefined) {
      sums = new Float64Array(numbers.length);
      regions.set(region, sums);
    }
    for (let i = 0; i < numbers.length; i++) sums[i] = (sums[i] as number) + (numbers[i] as number);
  }
  return regions;
}

/** Builds the rows of one region from its sums: one per indicator of the profile. */
export function regionRows(
  region: string,
  level: GroupLevel,
  sums: ArrayLike<number>,
  entries: readonly ProfileIndicator[],
  context: {
    rounding: Required<Rounding>;
    asOf: string;
    name: string | undefined;
    external: Readonly<Record<string, number>> | undefined;
  },
): IndicatorRow[] {
  return entries.map((entry, i) => {
    const definition = entry.indicator;
    const numeratorRaw = sums[i * 3] as number;
    const externalDenominator = context.external?.[definition.id];
    const denominatorFactor = definition.denominator?.unit === 'm2' ? 100 : 1;
    const denominatorRaw =
      externalDenominator === undefined
        ? (sums[i * 3 + 1] as number)
        : externalDenominator * denominatorFactor;
    const value = ratioValue(definition, numeratorRaw, denominatorRaw, context.rounding);
    const progress: Progress = progressAgainst(
      value,
      entry.target,
      entry.baseline,
      context.asOf,
      context.rounding.places + 1,
    );
    return {
      region,
      level,
      ...(context.name === undefined ? {} : { name: context.name }),
      indicator: definition.id,
      numerator: definition.numerator.unit === 'm2' ? numeratorRaw / 100 : numeratorRaw,
      denominator: denominatorRaw / denominatorFactor,
      missing: sums[i * 3 + 2] as number,
      value,
      ...(value === null ? { reason: 'zero-denominator' as const } : {}),
      unit: definition.unit.en,
      ...(externalDenominator === undefined ? {} : { externalDenominator: true }),
      ...(entry.target === undefined ? {} : { target: entry.target }),
      status: progress.status,
      expected: progress.expected,
      gap: progress.gap,
      asOf: context.asOf,
    };
  });
}

/** Resolved rounding with defaults. */
export function resolveRounding(rounding: Rounding | undefined): Required<Rounding> {
  return { places: rounding?.places ?? 1, mode: rounding?.mode ?? 'half-up' };
}

/**
 * Turns parts into tidy rows: one per (region, indicator) at each requested level, top level first, regions in code
 * order, indicators in profile order — rows whose value is null included. Unit-level rows need the units themselves
 * (see `computeIndicators`); here `unit` in `groupBy` is ignored.
 *
 * @param parts - accumulated parts
 * @param options - profile, levels, rounding, names, external denominators, as-of date
 * @returns the rows
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
  const profile =
    resolveIndicatorProfile(options.profile) ?? (resolveIndicatorProfile('national') as IndicatorProfile);
  const rounding = resolveRounding(options.rounding);
  const nameOf = nameFinder(options.divisions);
  const external = normaliseDenominators(options.denominators);
  const wanted = new Set(options.groupBy ?? DEFAULT_GROUPS);
  const rows: IndicatorRow[] = [];
  for (const level of REGION_LEVELS) {
    if (!wanted.has(level)) continue;
    const regions = [...rollUp(parts, level)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [region, sums] of regions) {
      rows.push(
        ...regionRows(region, level, sums, profile.indicators, {
          rounding,
          asOf: options.asOf,
          name: nameOf(region),
          external: external.get(region),
        }),
      );
    }
  }
  return rows;
}
