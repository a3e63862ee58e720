import type { TotalKind } from '../model/row-kind.js';

// The data the accumulator keeps and the parts it exchanges: the one module that both the accumulator (parts.ts) and
// the row builder (rows.ts) depend on, so that neither imports the other.

/**
 * Mergeable partial aggregates of indicators: per township, for each indicator of the profile, the sum of
 * numerators, the sum of denominators and the count of units missing an input. Area sums are integer hundredths of a
 * m², so every number is an exact integer. Plain JSON: compute provinces separately (workers, machines, a database
 * export), then {@link mergeIndicatorParts} them into the national figure exactly.
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator } from 'shequ';
 * const accumulator = createIndicatorAccumulator({ profile: 'national' });
 * accumulator.add({ code: '130123100201', kind: 'village', hasFacility: true, households: 600, facilityArea: 210.3 });
 * const parts = accumulator.parts();
 * parts.indicators.length;
 * //=> 7
 * JSON.parse(JSON.stringify(parts)).townships['130123100000'].length;
 * //=> 21
 * ```
 */
export interface IndicatorParts {
  /**
   * Format tag, for readers of stored parts: `/1` for parts of rows without a year, `/1+years` when `years` is present (a
   * reader that knows only `/1` refuses them rather than dropping the years unseen).
   */
  readonly format: 'shequ-indicator-parts/1' | 'shequ-indicator-parts/1+years';
  /** Indicator ids, in the order of the numbers. */
  readonly indicators: readonly string[];
  /** 12-digit township code → [numerator, denominator, missing] × indicators. */
  readonly townships: Readonly<Record<string, readonly number[]>>;
  /** Rows that could not be placed (no valid code for their kind, no kind, or a second total of a region). */
  readonly skipped: number;
  /**
   * Region totals given as input (社区合计 / 村合计 rows), present only when there are some: kind → 12-digit region
   * code → [numerator, denominator, given] × indicators, `given` 1 where the total supplies the indicator, else 0
   * (and both sums 0). A region has at most one total of each kind.
   */
  readonly totals?: Readonly<Partial<Record<TotalKind, Readonly<Record<string, readonly number[]>>>>>;
  /**
   * The sums of rows that carry a year (统计年度), present only when there are some: year (`'2025'`) → that year's
   * townships and totals, laid out as the top-level ones (which hold the rows without a year). Years never mix:
   * each is rolled up on its own.
   */
  readonly years?: Readonly<Record<string, IndicatorYearParts>>;
}

/**
 * The sums of one year in {@link IndicatorParts}: townships and region totals, as the top level holds them for the
 * rows without a year.
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator, type IndicatorYearParts } from 'shequ';
 * const accumulator = createIndicatorAccumulator();
 * accumulator.add({ code: '130123100201', kind: 'village', year: 2023, hasFacility: true });
 * const year: IndicatorYearParts | undefined = accumulator.parts().years?.['2023'];
 * Object.keys(year?.townships ?? {});
 * //=> ['130123100000']
 * ```
 */
export interface IndicatorYearParts {
  /** 12-digit township code → [numerator, denominator, missing] × indicators. */
  readonly townships: Readonly<Record<string, readonly number[]>>;
  /** Region totals of the year, as {@link IndicatorParts.totals}. */
  readonly totals?: IndicatorParts['totals'];
}

/**
 * Township sums in typed form: 9-digit township keys and their numbers, `stride` per township (a district's own row
 * sits at its county's 6 digits followed by 000), and the region totals, the kinds of a region added together: 12-digit
 * code → [numerator, denominator, kinds given] × indicators.
 */
export interface TownshipSums {
  readonly keys: readonly number[];
  readonly data: Float64Array;
  readonly stride: number;
  readonly totals?: ReadonlyMap<string, Float64Array>;
}

/** The kinds of total of parts, in a fixed order. */
export const TOTAL_KINDS: readonly TotalKind[] = ['communityTotal', 'villageTotal'];

/** The totals of parts with the kinds of each region added together (none: `undefined`). */
export function combinedTotals(
  totals: IndicatorParts['totals'],
  stride: number,
): Map<string, Float64Array> | undefined {
  if (totals === undefined) return undefined;
  const combined = new Map<string, Float64Array>();
  for (const kind of TOTAL_KINDS) {
    const byRegion = totals[kind] ?? {};
    for (const code of Object.keys(byRegion)) {
      let into = combined.get(code);
      if (into === undefined) {
        into = new Float64Array(stride);
        combined.set(code, into);
      }
      const numbers = byRegion[code] as readonly number[];
      for (let i = 0; i < stride; i++) into[i] = (into[i] as number) + (numbers[i] as number);
    }
  }
  return combined.size === 0 ? undefined : combined;
}

/** Typed township sums from JSON parts (the rows without a year). */
export function sumsFromParts(parts: IndicatorParts): TownshipSums {
  return sumsOf(parts, parts.indicators.length * 3);
}

/** Typed township sums of each year of JSON parts, years in ascending order. */
export function yearSumsFromParts(parts: IndicatorParts): [number, TownshipSums][] {
  const stride = parts.indicators.length * 3;
  return Object.keys(parts.years ?? {})
    .map(Number)
    .sort((a, b) => a - b)
    .map((year) => [year, sumsOf(parts.years?.[String(year)] as IndicatorYearParts, stride)]);
}

function sumsOf(parts: IndicatorYearParts, stride: number): TownshipSums {
  const entries = Object.entries(parts.townships);
  const data = new Float64Array(entries.length * stride);
  const keys = entries.map(([code, numbers], slot) => {
    data.set(numbers.slice(0, stride), slot * stride);
    return Number(code.slice(0, 9));
  });
  const totals = combinedTotals(parts.totals, stride);
  return totals === undefined ? { keys, data, stride } : { keys, data, stride, totals };
}
