import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { unitStatisticsSchema } from '../../src/index.js';
import { validUnitStatistics } from '../../src/model/unit-statistics.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

/** Rows that are valid, and rows with one field changed to something odd. */
const KEYS = [
  'code',
  'name',
  'kind',
  'urbanRural',
  'households',
  'residents',
  'hasFacility',
  'facilityArea',
  'activityArea',
  'newlyBuilt',
  'totalFloorArea',
  'commercialServiceArea',
  'volunteers',
  'has5g',
  'extra',
  '__proto__',
];
const odd = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(-1),
  fc.constant(1.005),
  fc.constant(2 ** 60),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant('是'),
  fc.constant('130123100000'),
  fc.constant('130123100201'),
  fc.constant('999'),
  fc.constant('111'),
  fc.constant('village'),
  fc.boolean(),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.string({ maxLength: 3 }),
);
const mutated = fc
  .tuple(
    unitStatisticsArbitrary(),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), odd, fc.boolean()), { maxLength: 3 }),
  )
  .map(([row, changes]) => {
    const copy: Record<string, unknown> = { ...row };
    for (const [key, value, remove] of changes) {
      if (remove) delete copy[key];
      else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  });

describe('the fast path of parseUnitStatistics', () => {
  test.prop([fc.oneof(unitStatisticsArbitrary(), mutated, fc.anything())], { numRuns: 2000 })(
    'accepts exactly what the schema accepts, with the same output',
    (input) => {
      const fast = validUnitStatistics(input);
      const schema = unitStatisticsSchema.safeParse(input);
      expect(fast !== undefined).toBe(schema.success);
      if (fast !== undefined) expect(JSON.stringify(fast)).toBe(JSON.stringify(schema.data));
    },
  );
});
