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
  /** Format tag, for readers of stored parts. */
  readonly format: 'shequ-indicator-parts/1';
  /** Indicator ids, in the order of the numbers. */
  readonly indicators: readonly string[];
  /** 12-digit township code → [numerator, denominator, missing] × indicators. */
  readonly townships: Readonly<Record<string, readonly number[]>>;
  /** Rows that could not be placed (no valid village-level code or kind). */
  readonly skipped: number;
}

/** Township sums in typed form: 9-digit township keys and their numbers, `stride` per township. */
export interface TownshipSums {
  readonly keys: readonly number[];
  readonly data: Float64Array;
  readonly stride: number;
}

/** Typed township sums from JSON parts. */
export function sumsFromParts(parts: IndicatorParts): TownshipSums {
  const stride = parts.indicators.length * 3;
  const entries = Object.entries(parts.townships);
  const data = new Float64Array(entries.length * stride);
  const keys = entries.map(([code, numbers], slot) => {
    data.set(numbers.slice(0, stride), slot * stride);
    return Number(code.slice(0, 9));
  });
  return { keys, data, stride };
}
