import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INDICATOR_PROFILES } from '../../src/indicators/profiles.js';
import { gapOnLine, progressAgainst, statusOnLine, targetLine } from '../../src/indicators/progress.js';
import { keyOrder, orderedLevels } from '../../src/indicators/roll-up.js';
import {
  type GroupLevel,
  type IndicatorRow,
  type IndicatorRowsOptions,
  prepareIndicators,
  regionRows,
  rowsFromSums,
} from '../../src/indicators/rows.js';
import type { TownshipSums } from '../../src/indicators/sums.js';
import type { Baseline, IndicatorProfile, Target } from '../../src/indicators/types.js';
import { rowsOfYears } from '../../src/indicators/year-rows.js';
import {
  asOf,
  baseline,
  figure,
  job,
  number,
  profile,
  rounding,
  sumsOf,
  target,
} from '../helpers/row-arbitraries.js';
import {
  prepareIndicatorsBefore,
  progressAgainstBefore,
  regionRowsBefore,
  rowsFromSumsBefore,
  rowsOfYearsBefore,
} from '../helpers/rows-before.js';

// Row generation (rows.ts, row-builder.ts, table-rows.ts, roll-up.ts, progress.ts) held equal to the generation of
// before session 7 (test/helpers/rows-before.ts): the same rows, the same values, the same keys in the same order.

/** Rows as text: values and key order both (JSON keeps the order of keys). */
const texts = (rows: Iterable<IndicatorRow>) => [...rows].map((row) => JSON.stringify(row));

describe('row generation equals the generation before session 7', () => {
  test.prop([job])(
    'rowsFromSums: the same rows, values and key order',
    ({ profile, sums, options, year }) => {
      const now = texts(rowsFromSums(sums, options, profile, year));
      expect(now).toEqual(texts(rowsFromSumsBefore(sums, options, profile, year)));
      for (const row of rowsFromSums(sums, options, profile, year))
        expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    },
  );

  test.prop([
    profile.chain((chosen) =>
      fc.record({
        profile: fc.constant(chosen),
        noYear: fc.option(sumsOf(chosen.indicators.length), { nil: undefined }),
        years: fc.uniqueArray(
          fc.tuple(fc.integer({ min: 2019, max: 2031 }), sumsOf(chosen.indicators.length)),
          {
            selector: ([year]) => year,
            maxLength: 3,
          },
        ),
        asOf,
        period: fc.constantFrom(undefined, '14th', '15th'),
      }),
    ),
  ])('rowsOfYears: tables without a year and of each year, in turn', (input) => {
    const years = [...input.years].sort((a, b) => a[0] - b[0]);
    const options = { asOf: input.asOf, ...(input.period === undefined ? {} : { period: input.period }) };
    expect(texts(rowsOfYears(input.noYear, years, options, input.profile, input.period))).toEqual(
      texts(rowsOfYearsBefore(input.noYear, years, options, input.profile, input.period)),
    );
  });

  test.prop([
    profile.chain((chosen) =>
      fc.record({
        profile: fc.constant(chosen),
        cells: fc.array(number, {
          minLength: chosen.indicators.length * 3,
          maxLength: chosen.indicators.length * 3,
        }),
        flags: fc.array(fc.constantFrom(0, 1), {
          minLength: chosen.indicators.length,
          maxLength: chosen.indicators.length,
        }),
        asOf,
        rounding,
        name: fc.option(fc.constantFrom('正定县', '多福巷社区居委会'), { nil: undefined }),
        external: fc.option(
          fc.dictionary(
            fc.constantFrom(...chosen.indicators.map((entry) => entry.indicator.id)),
            fc.integer({ min: 0, max: 1000 }),
          ),
          { nil: undefined },
        ),
        year: fc.option(fc.integer({ min: 2019, max: 2031 }), { nil: undefined }),
      }),
    ),
  ])('regionRows (unit rows): the same rows, with totals flags and external denominators', (input) => {
    const sums = Float64Array.from(input.cells);
    const flags = Uint8Array.from(input.flags);
    const places = input.rounding.places + 1;
    const context = {
      rounding: input.rounding,
      asOf: input.asOf,
      name: input.name,
      external: input.external,
      year: input.year,
      fromTotal: flags,
      setAside: flags.map((flag) => 1 - flag),
    };
    const now = regionRows(
      '130123001001',
      'unit',
      sums,
      prepareIndicators(input.profile.indicators, input.asOf, places),
      context,
    );
    const before = regionRowsBefore(
      '130123001001',
      'unit',
      sums,
      prepareIndicatorsBefore(input.profile.indicators, input.asOf, places),
      context,
    );
    expect(texts(now)).toEqual(texts(before));
  });

  test.prop([
    fc.option(fc.oneof(figure, fc.double({ min: -1000, max: 1000, noNaN: true })), { nil: null }),
    fc.option(target, { nil: undefined }),
    fc.option(baseline, { nil: undefined }),
    asOf,
    fc.integer({ min: 0, max: 6 }),
    fc.option(fc.option(figure, { nil: null }), { nil: undefined }),
  ])('progressAgainst: the same status, expected value and gap', (value, t, b, date, places, known) => {
    expect(progressAgainst(value, t, b, date, places, known)).toStrictEqual(
      progressAgainstBefore(value, t, b, date, places, known),
    );
  });
});

/** One township (130123100) whose every indicator is 1 of 2. */
function rowsSumsOfOneTownship(indicators: number): TownshipSums {
  return {
    keys: [130123100],
    data: Float64Array.from({ length: indicators * 3 }, (_, i) => [1, 2, 0][i % 3] as number),
    stride: indicators * 3,
  };
}

describe('the rows iterator behaves as the generator it replaced', () => {
  const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

  test.prop([job, fc.nat({ max: 40 })])(
    'inherits %IteratorPrototype% (iterator helpers), and ends for good when a loop leaves it early',
    ({ profile, sums, options, year }, stopAt) => {
      const now = rowsFromSums(sums, options, profile, year);
      const before = rowsFromSumsBefore(sums, options, profile, year);
      expect(Object.getPrototypeOf(Object.getPrototypeOf(now))).toBe(iteratorPrototype);
      const taken = (rows: Iterable<IndicatorRow>) => {
        const seen: string[] = [];
        for (const row of rows) {
          if (seen.length === stopAt) break;
          seen.push(JSON.stringify(row));
        }
        return seen;
      };
      expect(taken(now)).toEqual(taken(before));
      // After `break` (which calls return()), both are done.
      expect(now.next()).toEqual(before.next());
      expect(now.next().done).toBe(true);
    },
  );

  it('is done after a table throws, as a generator is — no rows of the tables after it', () => {
    const profile = INDICATOR_PROFILES.national;
    const sums = rowsSumsOfOneTownship(profile.indicators.length);
    /** Options whose `groupBy` cannot be read the first time (the table without a year), then can (2024's copy). */
    const options = () => {
      let reads = 0;
      return {
        asOf: '2025-12-31',
        get groupBy(): readonly GroupLevel[] {
          reads++;
          if (reads === 1) throw new Error('groupBy unreadable');
          return ['township'];
        },
      };
    };
    for (const rows of [
      rowsOfYears(sums, [[2024, sums]], options(), profile, undefined),
      rowsOfYearsBefore(sums, [[2024, sums]], options(), profile, undefined),
    ]) {
      expect(() => rows.next()).toThrow('groupBy unreadable');
      expect(rows.next()).toEqual({ value: undefined, done: true });
    }
  });
});

describe('row generation when a consumer edits a custom profile’s target through a row', () => {
  // A custom profile is not frozen, and every row of an indicator carries its profile's very target object: a
  // consumer that edits it (row.target.value = …) between rows saw later rows judged against the edited target — the
  // deadline and which way is better too, not only the comparison and the gap.
  const custom = (): IndicatorProfile => {
    const national = INDICATOR_PROFILES.national;
    const entry = national.indicators[0] as IndicatorProfile['indicators'][number];
    return {
      ...national,
      indicators: [
        {
          indicator: entry.indicator,
          baseline: { year: 2020, value: 20, confidence: 'seed', source: '测试' },
          target: { comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '测试' },
        },
      ],
    };
  };
  // Two townships, each with a value of 5 (1 of 20 where the indicator is a share, × its scale).
  const sums: TownshipSums = {
    keys: [130123001, 130124001],
    data: Float64Array.from([1, 20, 0, 1, 20, 0]),
    stride: 3,
  };
  const options: IndicatorRowsOptions = { asOf: '2023-06-30', groupBy: ['township'] };
  const edits: readonly [string, (target: Target) => void][] = [
    ['a target value below the baseline: lower is better now', (t) => Object.assign(t, { value: 10 })],
    ['an earlier target year: the deadline passed', (t) => Object.assign(t, { year: 2021 })],
  ];
  for (const [what, edit] of edits) {
    it(what, () => {
      const walk = (rows: Iterable<IndicatorRow>) => {
        const seen: string[] = [];
        for (const row of rows) {
          seen.push(JSON.stringify(row));
          if (seen.length === 1) edit(row.target as Target); // before the next row is built
        }
        return seen;
      };
      const now = walk(rowsFromSums(sums, options, custom()));
      expect(now).toEqual(walk(rowsFromSumsBefore(sums, options, custom())));
    });
  }
});

describe('a target line (worked by hand)', () => {
  const thirty: Target = { comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '' };
  const from2020: Baseline = { year: 2020, value: 23.6, confidence: 'seed', source: '' };

  it('draws the line once: 23.6 + 6.4 × 1642/1826 days = 29.36 at 2025-06-30, judged before the deadline', () => {
    const line = targetLine(thirty, from2020, '2025-06-30', 2);
    expect(line).toEqual({
      target: thirty,
      expected: 29.36,
      factor: 100,
      judgedOnLine: true,
      higherIsBetter: true,
    });
    expect([statusOnLine(line, 30), statusOnLine(line, 29.4), statusOnLine(line, 29.3)]).toEqual([
      'met',
      'on-track',
      'behind',
    ]);
    expect([gapOnLine(line, 29.4), gapOnLine(line, 31)]).toEqual([0.6, -1]);
  });

  it('at the deadline, and without a baseline, short of the target is not met', () => {
    expect(statusOnLine(targetLine(thirty, from2020, '2025-12-31', 2), 29.9)).toBe('not-met');
    const alone = targetLine(thirty, undefined, '2023-06-30', 1);
    expect([alone.expected, alone.judgedOnLine, statusOnLine(alone, 29.9), gapOnLine(alone, 29.96)]).toEqual([
      null,
      false,
      'not-met',
      0,
    ]);
  });

  it('a target to stay under: lower is better, the gap is the excess', () => {
    const under: Target = { comparator: '<=', value: 10, year: 2025, confidence: 'seed', source: '' };
    const line = targetLine(under, { ...from2020, value: 14 }, '2023-12-31', 2);
    // 14 − 4 × 1095/1826 = 11.60 expected at the end of 2023.
    expect([line.expected, line.higherIsBetter]).toEqual([11.6, false]);
    expect([statusOnLine(line, 11.5), statusOnLine(line, 11.7), statusOnLine(line, 10)]).toEqual([
      'on-track',
      'behind',
      'met',
    ]);
    expect(gapOnLine(line, 12.345)).toBe(2.35);
  });
});

describe('orderedLevels (worked by hand)', () => {
  // One indicator (stride 3): townships 130123002 and 130123001 (out of order), the county's own slot 130123000, and a
  // total for township 130123003 that has no slot.
  const sums: TownshipSums = {
    keys: [130123002, 130123000, 130123001],
    data: Float64Array.from([5, 10, 1, 2, 4, 0, 3, 6, 0]),
    stride: 3,
    totals: new Map([['130123003000', Float64Array.from([7, 7, 1])]]),
  };
  const levels = orderedLevels(sums);
  const read = (level: keyof typeof levels) => {
    const { keys, sums: arrays, offsets } = levels[level];
    return [...keys].map((key, k) => [
      key,
      ...(arrays[k] as Float64Array).subarray(offsets[k], (offsets[k] as number) + 3),
    ]);
  };

  it('gives the townships in code order, the one only a total gives among them, flagged', () => {
    expect(read('township')).toEqual([
      [130123001, 3, 6, 0],
      [130123002, 5, 10, 1],
      [130123003, 7, 7, 0],
    ]);
    expect(levels.township.fromTotal?.map((flags) => flags?.[0])).toEqual([undefined, undefined, 1]);
  });

  it('sums the county from its own slot and every township: 2+3+5+7 over 4+6+10+7', () => {
    expect(read('county')).toEqual([[130123, 17, 27, 1]]);
    expect(read('province')).toEqual([[13, 17, 27, 1]]);
    expect(levels.county.fromTotal).toBeUndefined();
  });
});

describe('keyOrder', () => {
  it('gives the indices in order of key (worked by hand): 130, 110, 120 → 1, 2, 0', () => {
    const keys = Float64Array.from([130, 110, 120]);
    expect(Array.from(keyOrder(keys, 3))).toEqual([1, 2, 0]);
    expect(Array.from(keyOrder(keys, 3, 2))).toEqual([1, 2, 0]); // 3 indices do not fit under a span of 2: the index sort
  });

  test.prop([
    fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 30 - 1 }), { maxLength: 200 }),
    fc.integer({ min: 1, max: 300 }),
  ])('packed or not, the order of a plain sort of indices by key', (values, span) => {
    const keys = Float64Array.from(values);
    const plain = values.map((_, k) => k).sort((a, b) => (values[a] as number) - (values[b] as number));
    expect(Array.from(keyOrder(keys, values.length))).toEqual(plain);
    expect(Array.from(keyOrder(keys, values.length, span))).toEqual(plain);
  });
});
