import Decimal from 'decimal.js';
import type { Rounding } from './rows.js';

// Exact rounding of a ratio of sums: the one rounding an indicator's value goes through.

const ExactDecimal = Decimal.clone({ precision: 60 });
/** The decimal.js rounding mode of each `Rounding` mode (the series round their averages the same way). */
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
  mode: keyof typeof ROUNDING_MODES,
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

/** Resolved rounding with defaults. */
export function resolveRounding(rounding: Rounding | undefined): Required<Rounding> {
  return { places: rounding?.places ?? 1, mode: rounding?.mode ?? 'half-up' };
}
