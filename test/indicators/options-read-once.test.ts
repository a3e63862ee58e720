/**
 * computeIndicatorTable reads its options once. It read `denominators` twice — once to check them, once more to build
 * the rows (the options spread, then checked again by the accumulator's `rows()`): the rows stayed consistent, as the
 * second reading gave the same values, but a getter was called twice and an object that gives its values once (a
 * getter that reads a stream, a proxy) gave the rows what the check had not seen. Each option, each region's record
 * of `denominators` and each of its figures is now read once, and the table is the one plain options give.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { computeIndicatorTable, type IndicatorRowsOptions } from '../../src/indicators/index.js';

const UNITS = [
  { code: '130123100201', kind: 'village' as const, hasFacility: true, households: 300, facilityArea: 90 },
  { code: '130123100202', kind: 'village' as const, hasFacility: true, households: 200, facilityArea: 50 },
  { code: '130123100001', kind: 'community' as const, residents: 5000, communityWorkers: 9 },
];
const REGION_KEYS = ['13', '1301', '130123', '130123000000', '130123100', '130123100000'];
const INDICATORS = ['facilityAreaPer100Households', 'workersPer10kUrbanResidents', 'ruralFacilityCoverage'];

type Denominators = NonNullable<IndicatorRowsOptions['denominators']>;

/** `record` as an object whose every key is a getter counting its reads under `at`. */
function counting<Value>(record: Readonly<Record<string, Value>>, reads: Map<string, number>, at: string) {
  const object = {};
  for (const [key, value] of Object.entries(record))
    Object.defineProperty(object, key, {
      enumerable: true,
      get: () => {
        reads.set(`${at}${key}`, (reads.get(`${at}${key}`) ?? 0) + 1);
        return value;
      },
    });
  return object as Record<string, Value>;
}

/** Options whose every key, every key of `denominators` and every figure counts its reads. */
function countingOptions(denominators: Denominators, reads: Map<string, number>) {
  const regions: Record<string, Record<string, number>> = {};
  for (const [region, figures] of Object.entries(denominators))
    regions[region] = counting(figures, reads, `denominators.${region}.`);
  return counting(
    {
      asOf: '2025-12-31',
      groupBy: ['county', 'township'],
      rounding: { places: 2 },
      denominators: counting(regions, reads, 'denominators.'),
    },
    reads,
    '',
  );
}

const denominators = fc.dictionary(
  fc.constantFrom(...REGION_KEYS),
  fc.dictionary(fc.constantFrom(...INDICATORS), fc.integer({ min: 0, max: 100_000 }), { maxKeys: 3 }),
  { maxKeys: 3 },
);

describe('computeIndicatorTable', () => {
  test.prop([denominators])(
    'reads each option, each region of denominators and each figure once, and gives the table plain options give',
    (given) => {
      const reads = new Map<string, number>();
      const table = computeIndicatorTable(UNITS, countingOptions(given, reads));
      expect([...reads].filter(([, count]) => count !== 1)).toEqual([]);
      const keys = Object.entries(given).flatMap(([region, figures]) =>
        Object.keys(figures).map((id) => `denominators.${region}.${id}`),
      );
      expect([...reads.keys()].filter((key) => key.split('.').length === 3).sort()).toEqual(keys.sort());
      const plain = {
        asOf: '2025-12-31',
        groupBy: ['county', 'township'],
        rounding: { places: 2 },
        denominators: given,
      };
      expect(table).toEqual(computeIndicatorTable(UNITS, plain as never));
    },
  );

  it('worked example: a county denominator read once, and used', () => {
    const reads = new Map<string, number>();
    const table = computeIndicatorTable(
      UNITS,
      countingOptions({ '130123': { workersPer10kUrbanResidents: 10_000 } }, reads),
    );
    expect(Object.fromEntries(reads)).toEqual({
      asOf: 1,
      groupBy: 1,
      rounding: 1,
      denominators: 1,
      'denominators.130123': 1,
      'denominators.130123.workersPer10kUrbanResidents': 1,
    });
    const row =
      table.success &&
      table.data.rows.find(
        (each) => each.level === 'county' && each.indicator === 'workersPer10kUrbanResidents',
      );
    expect(row && [row.numerator, row.denominator, row.value]).toEqual([9, 10_000, 9]);
  });
});
