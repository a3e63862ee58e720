import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeIndicatorTable,
  evaluatePlanPeriod,
  readUnitStatistics,
  type UnitStatistics,
} from '../../src/index.js';

const data = join(import.meta.dirname, '..', '..', 'examples', 'data');
const read = (file: string): UnitStatistics[] => {
  const result = readUnitStatistics(readFileSync(join(data, file)));
  expect(result.rejected).toEqual([]);
  return [...result.rows];
};
const YEARS = [2023, 2024, 2025] as const;
const byYear = Object.fromEntries(YEARS.map((year) => [year, read(`sample-units-${year}.csv`)]));

describe('the bundled sample over three years', () => {
  it('carries its year in each file, and 2025 is sample-units.csv', () => {
    for (const year of YEARS) expect(new Set(byYear[year]?.map((row) => row.year))).toEqual(new Set([year]));
    expect(byYear[2025]?.map(({ year: _, ...row }) => row)).toEqual(read('sample-units.csv'));
  });

  it('rises year on year towards 2025', () => {
    const value = (year: number, indicator: string) => {
      const table = computeIndicatorTable(byYear[year] ?? [], {
        profile: 'hebei',
        groupBy: ['province'],
        period: '14th',
      });
      if (!table.success) throw new Error('expected a table');
      return table.data.rows.find((row) => row.region === '130000000000' && row.indicator === indicator)
        ?.value;
    };
    for (const indicator of ['ruralFacilityCoverage', 'facilityAreaPer100Households', 'village5gCoverage']) {
      const series = YEARS.map((year) => value(year, indicator) as number);
      expect(series[0]).toBeLessThan(series[1] as number);
      expect(series[1]).toBeLessThan(series[2] as number);
    }
    // Above the 2020 baseline of 23.6 m² from the first year on: a plausible path.
    expect(value(2023, 'facilityAreaPer100Households')).toBeGreaterThan(23.6);
  });

  it('meets some 十四五 targets in 2025 and misses others, for the Hebei and the Beijing profiles', () => {
    const all = YEARS.flatMap((year) => byYear[year] ?? []);
    for (const [profile, province] of [
      ['hebei', '130000000000'],
      ['beijing', '110000000000'],
      ['national', '130000000000'],
    ] as const) {
      const result = evaluatePlanPeriod(all, { profile, period: '14th', asOf: '2026-06-30' });
      if (!result.success) throw new Error('expected an evaluation');
      expect(result.data.units).toBe(243);
      expect(result.data.otherYears).toBe(486);
      const statuses = result.data.rows.filter((row) => row.region === province).map((row) => row.status);
      expect(statuses).toContain('met');
      expect(statuses).toContain('not-met');
    }
  });
});
