import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  createIndicatorAccumulator,
  type IndicatorParts,
  indicatorRowsFromParts,
  mergeIndicatorParts,
  ShequError,
  type UnitStatistics,
} from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const OPTIONS = { asOf: '2025-12-31' } as const;
const rowsArbitrary = fc.array(unitStatisticsArbitrary(), { maxLength: 40 });

function partsOf(
  rows: readonly UnitStatistics[],
  profile: 'national' | 'hebei' | 'beijing' = 'national',
): IndicatorParts {
  const accumulator = createIndicatorAccumulator({ profile });
  for (const row of rows) accumulator.add(row);
  return accumulator.parts();
}

function merged(a: IndicatorParts, b: IndicatorParts): IndicatorParts {
  const result = mergeIndicatorParts(a, b);
  if (!result.success) throw new Error('parts of one profile must merge');
  return result.data;
}

/** Parts compared as data: township order does not matter. */
function canonical(parts: IndicatorParts) {
  return {
    ...parts,
    townships: Object.fromEntries(Object.entries(parts.townships).sort(([x], [y]) => (x < y ? -1 : 1))),
  };
}

describe('aggregation laws', () => {
  const empty = partsOf([]);

  test.prop([rowsArbitrary, rowsArbitrary])('merge is commutative', (a, b) => {
    expect(canonical(merged(partsOf(a), partsOf(b)))).toEqual(canonical(merged(partsOf(b), partsOf(a))));
  });

  test.prop([rowsArbitrary, rowsArbitrary, rowsArbitrary])('merge is associative', (a, b, c) => {
    const left = merged(merged(partsOf(a), partsOf(b)), partsOf(c));
    const right = merged(partsOf(a), merged(partsOf(b), partsOf(c)));
    expect(canonical(left)).toEqual(canonical(right));
  });

  test.prop([rowsArbitrary])('the parts of no rows are the identity', (a) => {
    expect(canonical(merged(partsOf(a), empty))).toEqual(canonical(partsOf(a)));
    expect(canonical(merged(empty, partsOf(a)))).toEqual(canonical(partsOf(a)));
  });

  test.prop([rowsArbitrary, rowsArbitrary])('computing on a union equals merging the parts', (a, b) => {
    expect(canonical(partsOf([...a, ...b]))).toEqual(canonical(merged(partsOf(a), partsOf(b))));
  });

  test.prop([rowsArbitrary, rowsArbitrary])(
    'an accumulator merging parts equals one fed every row',
    (a, b) => {
      const accumulator = createIndicatorAccumulator();
      for (const row of a) accumulator.add(row);
      expect(accumulator.merge(partsOf(b)).success).toBe(true);
      expect(canonical(accumulator.parts())).toEqual(canonical(partsOf([...a, ...b])));
    },
  );

  test.prop([rowsArbitrary, fc.integer()])('the result does not depend on row order', (rows, seed) => {
    const shuffled = [...rows].sort(
      (x, y) => ((x.code.charCodeAt(11) * 31 + seed) % 7) - ((y.code.charCodeAt(11) * 31 + seed) % 7),
    );
    expect(computeIndicators(shuffled, OPTIONS)).toEqual(computeIndicators(rows, OPTIONS));
  });

  test.prop([rowsArbitrary])('parts survive a JSON round trip', (rows) => {
    const parts = partsOf(rows, 'hebei');
    const again = JSON.parse(JSON.stringify(parts)) as IndicatorParts;
    expect(indicatorRowsFromParts(again, { ...OPTIONS, profile: 'hebei' })).toEqual(
      indicatorRowsFromParts(parts, { ...OPTIONS, profile: 'hebei' }),
    );
  });

  test.prop([rowsArbitrary])(
    'coverage rates lie within [0, 100]; counts add up to the units in scope',
    (rows) => {
      for (const row of computeIndicators(rows, { ...OPTIONS, profile: 'beijing' })) {
        // Registered volunteers per resident is a percentage but no share: volunteers registered in a community
        // need not live there, so it may pass 100 (issue 14). Every other % indicator is a part of its whole.
        if (row.unit === '%' && row.value !== null && row.indicator !== 'registeredVolunteerRate') {
          expect(row.value).toBeGreaterThanOrEqual(0);
          expect(row.value).toBeLessThanOrEqual(100);
        }
        if (row.level === 'province' && row.indicator === 'urbanFacilityCoverage') {
          const communities = rows.filter(
            // Each year is rolled up on its own (rows without a year together).
            (r) => r.kind === 'community' && r.year === row.year && r.code.startsWith(row.region.slice(0, 2)),
          );
          expect(row.denominator + row.missing).toBe(communities.length);
        }
      }
    },
  );

  it('keeps every row when the township table grows (hundreds of townships)', () => {
    // Regression: the row that triggered a growth of the typed array was written into the old one.
    const rows: UnitStatistics[] = Array.from({ length: 3000 }, (_, i) => ({
      code: `1301${String(Math.floor(i / 300) + 1).padStart(2, '0')}${String((i % 300) + 1).padStart(3, '0')}201`,
      kind: 'village',
      hasFacility: true,
    }));
    const accumulator = createIndicatorAccumulator();
    for (const row of rows) accumulator.add(row);
    const townships = Object.values(accumulator.parts().townships);
    expect(townships).toHaveLength(3000);
    expect(townships.reduce((sum, numbers) => sum + (numbers[0] as number), 0)).toBe(3000);
  });

  it('refuses to merge parts of other indicators', () => {
    expect(mergeIndicatorParts(partsOf([]), partsOf([], 'hebei')).success).toBe(false);
    expect(createIndicatorAccumulator().merge(partsOf([], 'hebei')).success).toBe(false);
    const broken = { ...partsOf([]), townships: { nonsense: [] } };
    expect(createIndicatorAccumulator().merge(broken).success).toBe(false);
  });
});

/** Half-up rounding of the rational n / d to `places` decimals, in BigInt: the reference. */
function referenceHalfUp(n: bigint, d: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const q = (2n * n * scale + d) / (2n * d);
  const whole = q / scale;
  const fraction = (q % scale).toString().padStart(places, '0');
  return places === 0 ? whole.toString() : `${whole}.${fraction}`;
}

describe('exactness against rational arithmetic', () => {
  const areaRows = fc.array(
    fc.record({
      hundredths: fc.integer({ min: 0, max: 500_000_000 }),
      households: fc.integer({ min: 1, max: 90_000 }),
    }),
    { minLength: 1, maxLength: 60 },
  );

  test.prop([areaRows, fc.integer({ min: 0, max: 4 })])(
    'facility area per 100 households equals the BigInt rational, half-up, at any number of places',
    (samples, places) => {
      const units: UnitStatistics[] = samples.map((s, i) => ({
        code: `1301231002${String(i).padStart(2, '0')}`,
        kind: 'village',
        hasFacility: true,
        facilityArea: s.hundredths / 100,
        households: s.households,
      }));
      const row = computeIndicators(units, { ...OPTIONS, groupBy: ['county'], rounding: { places } }).find(
        (r) => r.indicator === 'facilityAreaPer100Households',
      );
      const n = samples.reduce((sum, s) => sum + BigInt(s.hundredths), 0n); // hundredths of m²
      const d = samples.reduce((sum, s) => sum + BigInt(s.households), 0n);
      // value = (n / 100) / d × 100 = n / d
      expect(row?.value?.toFixed(places)).toBe(referenceHalfUp(n, d, places));
    },
  );

  test.prop([fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 3 })])(
    'coverage exactly on a rounding boundary rounds half up',
    (denominator, places) => {
      // k / (2·denominator) × 100 with k odd lands on …5 at some digit; check every k against the reference.
      const total = 2 * denominator;
      const covered = Math.floor(total / 2) + 1 - (total % 2);
      const units: UnitStatistics[] = Array.from({ length: total }, (_, i) => ({
        code: `13012310${String(Math.floor(i / 999) + 1)}${String((i % 999) + 1).padStart(3, '0')}`,
        kind: 'village',
        hasFacility: i < covered,
      }));
      const row = computeIndicators(units, { ...OPTIONS, groupBy: ['county'], rounding: { places } }).find(
        (r) => r.indicator === 'ruralFacilityCoverage',
      );
      expect(row?.value?.toFixed(places)).toBe(
        referenceHalfUp(BigInt(covered) * 100n, BigInt(total), places),
      );
    },
  );

  it.each([
    [1, 8, 0, '13'],
    [3, 8, 0, '38'],
    [1, 40, 1, '2.5'],
    [1, 16, 2, '6.25'],
    [1, 80, 2, '1.25'],
    [1, 160, 3, '0.625'],
  ])('%i of %i units at %i places → %s', (covered, total, places, expected) => {
    const units: UnitStatistics[] = Array.from({ length: total }, (_, i) => ({
      code: `130123100${String(i + 201).padStart(3, '0')}`,
      kind: 'village',
      hasFacility: i < covered,
    }));
    const row = computeIndicators(units, { ...OPTIONS, groupBy: ['county'], rounding: { places } }).find(
      (r) => r.indicator === 'ruralFacilityCoverage',
    );
    expect(row?.value?.toFixed(places)).toBe(expected);
  });
});

describe('rows straight from the accumulator', () => {
  test.prop([rowsArbitrary, fc.constantFrom('national', 'hebei', 'beijing' as const)])(
    'equal the rows of its parts, whatever the profile',
    (rows, profile) => {
      const accumulator = createIndicatorAccumulator({ profile });
      for (const row of rows) accumulator.add(row);
      expect([...accumulator.rows(OPTIONS)]).toEqual(
        indicatorRowsFromParts(accumulator.parts(), { ...OPTIONS, profile }),
      );
    },
  );

  it('an unknown profile is an error, never a silent fall-back to national', () => {
    expect(() => createIndicatorAccumulator({ profile: 'tianjin' as 'national' })).toThrow(/tianjin/);
    expect(() => createIndicatorAccumulator({ profile: {} as never })).toThrow(ShequError);
  });

  it('bad row options throw a ShequError at the call, not while iterating', () => {
    const accumulator = createIndicatorAccumulator();
    expect(() => accumulator.rows({ groupBy: ['galaxy' as 'county'] })).toThrow(ShequError);
    expect(() => accumulator.rows({ asOf: 'soon' })).toThrow(ShequError);
  });
});
