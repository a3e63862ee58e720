import { fc } from '@fast-check/vitest';
import { INDICATOR_PROFILES } from '../../src/indicators/profiles.js';
import type { GroupLevel, IndicatorRowsOptions } from '../../src/indicators/rows.js';
import type { TownshipSums } from '../../src/indicators/sums.js';
import type { Baseline, Comparator, IndicatorProfile, Target } from '../../src/indicators/types.js';

// Arbitraries of row generation: profiles with generated targets and baselines, township sums that fit them (region
// totals now and then) and row options — shared by the row generation's tests and the writers'.

export const comparator = fc.constantFrom<Comparator>('>=', '>', '=', '<=');
export const figure = fc.oneof(
  fc.integer({ min: 0, max: 200 }).map((n) => n / 2),
  fc.double({ min: 0, max: 1000, noNaN: true }),
);
export const target: fc.Arbitrary<Target> = fc.record({
  comparator,
  value: figure,
  year: fc.integer({ min: 2019, max: 2032 }),
  confidence: fc.constant('seed' as const),
  source: fc.constant('测试'),
});
export const baseline: fc.Arbitrary<Baseline> = fc.record({
  year: fc.integer({ min: 2018, max: 2031 }),
  value: figure,
  confidence: fc.constant('seed' as const),
  source: fc.constant('测试'),
});
export const asOf = fc
  .date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2033-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** A built-in profile, its targets and baselines replaced by generated ones (or none), a property here and there. */
export const profile: fc.Arbitrary<IndicatorProfile> = fc
  .tuple(
    fc.constantFrom(...Object.values(INDICATOR_PROFILES)),
    fc.array(
      fc.tuple(fc.option(target, { nil: undefined }), fc.option(baseline, { nil: undefined }), fc.boolean()),
      {
        minLength: 16,
        maxLength: 16,
      },
    ),
    fc.boolean(),
  )
  .map(([built, figures, keep]) =>
    keep
      ? built
      : {
          ...built,
          indicators: built.indicators.map((entry, i) => {
            const [t, b, binding] = figures[i % figures.length] as [
              Target | undefined,
              Baseline | undefined,
              boolean,
            ];
            const indicator = binding
              ? { ...entry.indicator, property: 'binding' as const }
              : entry.indicator;
            return {
              indicator,
              ...(t === undefined ? {} : { target: t }),
              ...(b === undefined ? {} : { baseline: b }),
            };
          }),
        },
  );

/** Township keys under a few counties (so that counties, prefectures and provinces gather several), some districts' own. */
export const townshipKey = fc
  .tuple(fc.constantFrom(110105, 110108, 130123, 130124, 130502, 320102), fc.integer({ min: 0, max: 12 }))
  .map(([county, township]) => county * 1000 + township);
export const number = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 52 }) },
);

/** Township sums for `indicators` indicators, with region totals now and then (a total may name a township absent). */
export function sumsOf(indicators: number): fc.Arbitrary<TownshipSums> {
  const stride = indicators * 3;
  const totalCode = fc.oneof(
    townshipKey.map((key) => `${key}000`),
    townshipKey.map((key) => `${Math.floor(key / 1000)}000000`),
    townshipKey.map((key) => `${Math.floor(key / 100_000)}00000000`),
    townshipKey.map((key) => `${Math.floor(key / 10_000_000)}0000000000`),
  );
  const total = fc
    .array(fc.tuple(number, number, fc.boolean()), { minLength: indicators, maxLength: indicators })
    .map((cells) => Float64Array.from(cells.flatMap(([n, d, given]) => (given ? [n, d, 1] : [0, 0, 0]))));
  return fc
    .record({
      keys: fc.uniqueArray(townshipKey, { maxLength: 30 }),
      cells: fc.array(number, { minLength: 30 * stride, maxLength: 30 * stride }),
      totals: fc.option(fc.dictionary(totalCode, total, { maxKeys: 5 }), { nil: undefined }),
    })
    .map(({ keys, cells, totals }) => ({
      keys,
      data: Float64Array.from(cells.slice(0, keys.length * stride)),
      stride,
      ...(totals === undefined ? {} : { totals: new Map(Object.entries(totals)) }),
    }));
}

export const groupBy = fc.subarray<GroupLevel>(['province', 'prefecture', 'county', 'township', 'unit']);
export const rounding = fc.record({
  places: fc.integer({ min: 0, max: 4 }),
  mode: fc.constantFrom('half-up', 'half-even', 'half-down', 'up', 'down') as fc.Arbitrary<
    'half-up' | 'half-even' | 'half-down' | 'up' | 'down'
  >,
});

/** A profile, sums that fit it, and row options. */
export const job = profile.chain((chosen) =>
  fc.record({
    profile: fc.constant(chosen),
    sums: sumsOf(chosen.indicators.length),
    options: fc.record(
      {
        asOf,
        groupBy,
        rounding,
        denominators: fc.dictionary(
          fc.constantFrom('110105', '130123000000', '1301', '13'),
          fc.dictionary(
            fc.constantFrom(...chosen.indicators.map((entry) => entry.indicator.id)),
            fc.integer({ min: 0, max: 100_000 }),
          ),
        ),
      },
      { requiredKeys: ['asOf'] },
    ) as fc.Arbitrary<IndicatorRowsOptions>,
    year: fc.option(fc.integer({ min: 2019, max: 2031 }), { nil: undefined }),
  }),
);
