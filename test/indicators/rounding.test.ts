import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { roundRatio } from '../../src/indicators/rows.js';

type Mode = 'half-up' | 'half-even' | 'half-down' | 'up' | 'down';

/** The reference: rounding of the rational n / d to `places` decimals in BigInt, by mode. */
function reference(n: bigint, d: bigint, places: number, mode: Mode): string {
  const scale = 10n ** BigInt(places);
  const q = (n * scale) / d;
  const r = (n * scale) % d;
  const twice = 2n * r;
  const up =
    mode === 'half-up'
      ? twice >= d
      : mode === 'half-even'
        ? twice > d || (twice === d && q % 2n === 1n)
        : mode === 'half-down'
          ? twice > d
          : mode === 'up'
            ? r > 0n
            : false;
  const rounded = up ? q + 1n : q;
  const whole = rounded / scale;
  return places === 0 ? whole.toString() : `${whole}.${(rounded % scale).toString().padStart(places, '0')}`;
}

const modes = fc.constantFrom<Mode>('half-up', 'half-even', 'half-down', 'up', 'down');

describe('roundRatio (exact integer path with a decimal.js fallback)', () => {
  test.prop([
    fc.integer({ min: 0, max: 2 ** 40 }),
    fc.integer({ min: 1, max: 2 ** 40 }),
    fc.integer({ min: 0, max: 4 }),
    modes,
  ])('equals rational rounding for every mode (integer path)', (n, d, places, mode) => {
    expect(roundRatio(n, 1, d, 1, places, mode).toFixed(places)).toBe(
      reference(BigInt(n), BigInt(d), places, mode),
    );
  });

  test.prop([
    fc.integer({ min: 2 ** 40, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ min: 100, max: 1_000_000 }),
    fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    fc.integer({ min: 1, max: 100 }),
    fc.integer({ min: 0, max: 2 }),
    modes,
  ])(
    'equals rational rounding when products pass 2^53 (decimal.js path)',
    (n, nFactor, d, dFactor, places, mode) => {
      const exact = reference(BigInt(n) * BigInt(nFactor), BigInt(d) * BigInt(dFactor), places, mode);
      // The result is a double: the nearest one to the exactly rounded decimal.
      expect(roundRatio(n, nFactor, d, dFactor, places, mode)).toBe(Number(exact));
    },
  );

  test.prop([fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 3 })])(
    'a value exactly on a boundary rounds as the mode says',
    (k, places) => {
      // (2k + 1) / (2·10^places) lies exactly halfway between two values of `places` decimals
      const n = 2 * k + 1;
      const d = 2 * 10 ** places;
      expect(roundRatio(n, 1, d, 1, places, 'half-up').toFixed(places)).toBe(
        reference(BigInt(n), BigInt(d), places, 'half-up'),
      );
      expect(roundRatio(n, 1, d, 1, places, 'half-even').toFixed(places)).toBe(
        reference(BigInt(n), BigInt(d), places, 'half-even'),
      );
    },
  );
});
