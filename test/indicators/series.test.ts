import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicatorSeries,
  computeIndicators,
  computeIndicatorTable,
  createIndicatorAccumulator,
  type IndicatorRow,
  indicatorRowsFromParts,
  indicatorSeriesFromRows,
  mergeIndicatorParts,
  parseIndicatorParts,
  type UnitStatistics,
} from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const AREA = 'facilityAreaPer100Households';
const RURAL = 'ruralFacilityCoverage';

/** Two villages of 正定县 a year; 2020 is the 十四五 baseline year (Hebei: 23.6 m² → ≥ 30 by 2025). */
function village(code: string, year: number, facilityArea: number, hasFacility: boolean): UnitStatistics {
  return { code, kind: 'village', year, households: 250, hasFacility, facilityArea };
}
const TABLE: UnitStatistics[] = [
  village('130123100201', 2020, 45, true),
  village('130123100202', 2020, 45, true),
  village('130123100201', 2021, 120, true),
  village('130123100202', 2021, 0, false),
  village('130123100201', 2022, 100, true),
  village('130123100202', 2022, 40, true),
  village('130123100201', 2023, 100, true),
  village('130123100202', 2023, 37.2, true),
];
const OPTIONS = { profile: 'hebei', groupBy: ['county'], rounding: { places: 2 } } as const;

describe('a three-year table worked by hand', () => {
  it('gives one row per region, indicator and year, judged at the end of that year', () => {
    const rows = computeIndicators(TABLE, OPTIONS).filter((row) => row.indicator === AREA);
    // Σ area / Σ households × 100: 90/500, 120/500, 140/500, 137.2/500.
    expect(rows.map((row) => [row.year, row.value, row.asOf])).toEqual([
      [2020, 18, '2020-12-31'],
      [2021, 24, '2021-12-31'],
      [2022, 28, '2022-12-31'],
      [2023, 27.44, '2023-12-31'],
    ]);
    // The row's progress counts days (365 of the 1 826 from 2020-12-31 to 2025-12-31): 24.879; 24 is behind it.
    // The series counts whole years (below): 24.88.
    expect(rows[1]).toMatchObject({ status: 'behind', expected: 24.879, gap: 6 });
  });

  it('gives the series: changes, the line and the standing, the average annual change', () => {
    const result = computeIndicatorSeries(TABLE, OPTIONS);
    if (!result.success) throw new Error('series failed');
    expect(result.data.years).toEqual([2020, 2021, 2022, 2023]);
    const area = result.data.entries.find((entry) => entry.indicator === AREA);
    expect(
      area?.points.map((p) => [p.year, p.period, p.changeFromBaseline, p.changeFromBaselineYear]),
    ).toEqual([
      [2020, '14th', -5.6, 0],
      [2021, '14th', 0.4, 6],
      [2022, '14th', 4.4, 10],
      [2023, '14th', 3.84, 9.44],
    ]);
    // The line: 23.6 + 6.4 × (year − 2020) / 5 → 23.6, 24.88, 26.16, 27.44 (2023 exactly on it).
    expect(area?.points.map((p) => [p.line, p.standing])).toEqual([
      [23.6, 'behind'],
      [24.88, 'behind'],
      [26.16, 'ahead'],
      [27.44, 'on-line'],
    ]);
    // 2020 → 2023: 27.44 − 18 = 9.44 over 3 years = 3.14666… → 3.1467 (two more places than the values).
    expect([area?.firstYear, area?.lastYear, area?.change, area?.averageAnnualChange]).toEqual([
      2020, 2023, 9.44, 3.1467,
    ]);
    const rural = result.data.entries.find((entry) => entry.indicator === RURAL);
    // 100, 50, 100, 100 % against 65 → 80 (line 65, 68, 71, 74).
    expect(rural?.points.map((p) => [p.value, p.line, p.standing])).toEqual([
      [100, 65, 'ahead'],
      [50, 68, 'behind'],
      [100, 71, 'ahead'],
      [100, 74, 'ahead'],
    ]);
    expect([rural?.change, rural?.averageAnnualChange]).toEqual([0, 0]);
  });

  it('says no-target for a year of no period, and no-line for a target without a baseline', () => {
    const later = TABLE.map((row) => ({ ...row, year: (row.year as number) + 11 })); // 2031–2034
    const series = computeIndicatorSeries(later, OPTIONS);
    if (!series.success) throw new Error('series failed');
    const area = series.data.entries.find((entry) => entry.indicator === AREA);
    expect(area?.points.every((p) => p.standing === 'no-target' && p.period === undefined)).toBe(true);
    // 2031 belongs to no period; 2026–2030 are 十五五's, whose Hebei figures are not published: no target.
    const activity = computeIndicatorSeries(TABLE, OPTIONS);
    const share = activity.success
      ? activity.data.entries.find((e) => e.indicator === 'activityAreaShare')
      : undefined;
    expect(share?.points.every((p) => p.standing === 'no-data' || p.standing === 'no-line')).toBe(true);
  });

  it('takes the year of rows without one from the year option, and warns when they mix', () => {
    const without = TABLE.slice(2, 4).map(({ year: _, ...row }) => row);
    const given = computeIndicators(without, { ...OPTIONS, year: 2021 });
    expect(given).toEqual(computeIndicators(TABLE.slice(2, 4), OPTIONS));
    const mixed = computeIndicatorTable([...without, ...TABLE.slice(4)], OPTIONS);
    if (!mixed.success) throw new Error('table failed');
    expect(mixed.data.warnings?.map((issue) => issue.code)).toEqual(['year_missing']);
    // The rows without a year are reported apart, first, without a year.
    expect(mixed.data.rows[0]?.year).toBeUndefined();
    expect(mixed.data.years).toEqual([2022, 2023]);
  });

  it('counts a region total once per year: the same total in two years is no duplicate', () => {
    const total = (year: number) => ({
      code: '130123100000',
      kind: 'villageTotal' as const,
      year,
      households: 500,
      facilityArea: 150,
    });
    const table = computeIndicatorTable([total(2021), total(2022), total(2022)], OPTIONS);
    if (!table.success) throw new Error('table failed');
    expect(table.data.units).toBe(2);
    expect(table.data.skipped.map((issue) => [issue.code, issue.path])).toEqual([['duplicate_total', [2]]]);
  });

  it('skips a row whose year is not a year, with an issue that says so', () => {
    const table = computeIndicatorTable([{ ...TABLE[0], year: 20.5 } as UnitStatistics], OPTIONS);
    expect(table.success && table.data.skipped[0]?.message.en).toMatch(/Invalid year/);
    expect(computeIndicatorTable(TABLE, { ...OPTIONS, year: 1900 }).success).toBe(false);
  });

  it('keeps parts by year through JSON and merges them year by year', () => {
    const accumulator = createIndicatorAccumulator({ profile: 'hebei' });
    for (const row of TABLE) accumulator.add(row);
    const parts = JSON.parse(JSON.stringify(accumulator.parts()));
    expect(parts.format).toBe('shequ-indicator-parts/1+years');
    expect(Object.keys(parts.years)).toEqual(['2020', '2021', '2022', '2023']);
    expect(parseIndicatorParts({ ...parts, format: 'shequ-indicator-parts/1' }).success).toBe(false);
    const bad = parseIndicatorParts({ ...parts, years: { '25': parts.years['2020'] } });
    expect(bad.success || bad.error.issues.map((issue) => issue.path)).toEqual([['years', '25']]);
    const merged = mergeIndicatorParts(parts, parts);
    if (!merged.success) throw new Error('merge failed');
    const doubled = indicatorRowsFromParts(merged.data, { ...OPTIONS, asOf: '2025-12-31' });
    const once = indicatorRowsFromParts(parts, { ...OPTIONS, asOf: '2025-12-31' });
    expect(doubled.map((row) => [row.year, row.numerator * 1])).toEqual(
      once.map((row) => [row.year, row.numerator * 2]),
    );
    expect(once).toEqual(computeIndicators(TABLE, OPTIONS));
  });
});

/** Rows of a few townships over years 2019–2026 (and some without a year). */
const rowsArbitrary = fc.array(unitStatisticsArbitrary(), { maxLength: 30 });
const FAST = { groupBy: ['province', 'county'], profile: 'hebei' } as const;

describe('laws of series', () => {
  test.prop([rowsArbitrary], { numRuns: 40 })('a series at once equals each year computed apart', (rows) => {
    const all = computeIndicators(rows, FAST);
    const years = [...new Set(rows.flatMap((row) => (row.year === undefined ? [] : [row.year])))];
    for (const year of years) {
      const apart = computeIndicators(
        rows.filter((row) => row.year === year).map(({ year: _, ...row }) => row),
        { ...FAST, asOf: `${year}-12-31` },
      );
      expect(all.filter((row) => row.year === year)).toEqual(apart.map((row) => ({ ...row, year })));
    }
  });

  test.prop([rowsArbitrary, fc.integer()], { numRuns: 40 })(
    'permuting rows changes nothing',
    (rows, seed) => {
      const shuffled = rows
        .map((row, i) => ({ row, key: (i * 7919 + seed) % 101 }))
        .sort((a, b) => a.key - b.key)
        .map(({ row }) => row);
      expect(computeIndicatorSeries(shuffled, FAST)).toEqual(computeIndicatorSeries(rows, FAST));
    },
  );

  test.prop([rowsArbitrary], { numRuns: 30 })(
    'rows straight from the accumulator equal those of its parts',
    (rows) => {
      const accumulator = createIndicatorAccumulator({ profile: 'hebei' });
      for (const row of rows) accumulator.add(row);
      const options = { groupBy: ['county'], asOf: '2024-06-30' } as const;
      const again = JSON.parse(JSON.stringify(accumulator.parts()));
      expect([...accumulator.rows(options)]).toEqual(
        indicatorRowsFromParts(again, { ...options, profile: 'hebei' }),
      );
    },
  );
});

/** a / b as a reduced fraction of BigInts, b > 0. */
type Fraction = readonly [bigint, bigint];
const decimal = (text: string): Fraction => {
  const [whole, fraction = ''] = text.split('.');
  return [BigInt(`${whole}${fraction}`), 10n ** BigInt(fraction.length)];
};
const minus = ([a, b]: Fraction, [c, d]: Fraction): Fraction => [a * d - c * b, b * d];
/** Half-up rounding of a fraction (of any sign: half away from zero, as decimal.js's ROUND_HALF_UP) to `places`. */
function halfUp([n, d]: Fraction, places: number): number {
  const scale = 10n ** BigInt(places);
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = (2n * an * scale + ad) / (2n * ad);
  return (negative ? -1 : 1) * (Number(q) / Number(scale));
}

/** A synthetic row of the indicator of a county in a year, with a value of `places` decimals. */
function seriesRow(year: number, hundredths: number, baseline: number): IndicatorRow {
  return {
    region: '130123000000',
    level: 'county',
    year,
    indicator: AREA,
    numerator: 0,
    denominator: 0,
    missing: 0,
    value: hundredths / 100,
    unit: 'm²',
    baseline: { year: 2020, value: baseline / 1000, confidence: 'seed', source: '' },
    target: { comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '' },
    status: 'met',
    expected: null,
    gap: null,
    asOf: `${year}-12-31`,
  };
}

describe('series arithmetic against rational arithmetic', () => {
  const values = fc
    .uniqueArray(fc.integer({ min: 2020, max: 2025 }), { minLength: 2, maxLength: 6 })
    .chain((years) =>
      fc.tuple(
        fc.constant(years),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), {
          minLength: years.length,
          maxLength: years.length,
        }),
        fc.integer({ min: 0, max: 100_000 }),
      ),
    );

  test.prop([values])(
    'changes, the average annual change and the standing are exact',
    ([years, hundredths, base]) => {
      const rows = years.map((year, i) => seriesRow(year, hundredths[i] as number, base));
      const [entry] = indicatorSeriesFromRows(rows, { rounding: { places: 2 } });
      const sorted = years
        .map((year, i) => [year, hundredths[i] as number] as const)
        .sort((a, b) => a[0] - b[0]);
      const value = (h: number): Fraction => [BigInt(h), 100n];
      const baseline: Fraction = [BigInt(base), 1000n];
      const first = sorted[0] as readonly [number, number];
      const last = sorted.at(-1) as readonly [number, number];
      const change = minus(value(last[1]), value(first[1]));
      expect(entry?.change).toBe(halfUp(change, 2));
      expect(entry?.averageAnnualChange).toBe(halfUp([change[0], change[1] * BigInt(last[0] - first[0])], 4));
      for (const [i, point] of (entry?.points ?? []).entries()) {
        const [year, h] = sorted[i] as readonly [number, number];
        expect(point.changeFromBaseline).toBe(halfUp(minus(value(h), baseline), 3));
        // The line b + (30 − b)(year − 2020)/5 against the value, compared as fractions.
        const lineTimes5 = minus(
          [BigInt(base) * 5n, 1000n],
          [-(30000n - BigInt(base)) * BigInt(year - 2020), 1000n],
        );
        const valueTimes5: Fraction = [BigInt(h) * 5n, 100n];
        const diff = minus(valueTimes5, lineTimes5)[0];
        const higher = base <= 30_000;
        const expected = diff === 0n ? 'on-line' : diff > 0n === higher ? 'ahead' : 'behind';
        expect(point.standing).toBe(expected);
        expect(point.line).toBe(halfUp([lineTimes5[0], lineTimes5[1] * 5n], 4));
      }
    },
  );

  it('decimal.js reads the published values exactly (no 0.1 + 0.2 drift)', () => {
    const [entry] = indicatorSeriesFromRows([seriesRow(2021, 10, 0), seriesRow(2022, 30, 0)]);
    expect(entry?.change).toBe(0.2);
    expect(decimal('0.3')).toEqual([3n, 10n]);
  });
});
