import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicatorTable,
  parseUnitStatistics,
  ROW_KINDS,
  readUnitStatistics,
  statisticsFieldAppliesTo,
  type UnitStatistics,
} from '../../src/index.js';
import { statisticsRowArbitrary } from '../../src/testing/index.js';

// The 统计年度 of a row is not a measure of a unit: a township's row, a district's, a region's 社区合计 of 2024 is as
// much of its year as a village's. A sheet over years holds them with a 年度 column — the indicators count a total
// once per year (docs/series.md) — so no reader may reject a total, township or district row for its year.
const NON_UNIT = ROW_KINDS.filter((kind) => kind !== 'community' && kind !== 'village');

/** A CSV of rows, with the field keys as headers (the reader takes them as it takes the Chinese labels). */
function csvOf(rows: readonly Record<string, unknown>[]): string {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) =>
    value === undefined
      ? ''
      : typeof value === 'boolean'
        ? value
          ? '是'
          : '否'
        : `"${String(value).replace(/"/g, '""')}"`;
  return [keys.join(','), ...rows.map((row) => keys.map((key) => cell(row[key])).join(','))].join('\n');
}

describe('the year of a row of any kind', () => {
  it('is a field of every kind', () => {
    expect(statisticsFieldAppliesTo('year')).toEqual(ROW_KINDS);
  });

  test.prop([
    fc.array(statisticsRowArbitrary(NON_UNIT), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 2021, max: 2025 }),
  ])(
    'is accepted by the parser and the reader on township, district and total rows, and counted in its year',
    (rows, year) => {
      const dated = rows.map((row) => ({ ...row, year }) as UnitStatistics);
      for (const row of dated) expect(parseUnitStatistics(row).success, JSON.stringify(row)).toBe(true);
      const read = readUnitStatistics(csvOf(dated));
      expect(read.rejected.flatMap((row) => row.issues.map((issue) => issue.message.en))).toEqual([]);
      expect(read.rows).toHaveLength(dated.length);
      // The rows read are counted in their year exactly as the rows given are.
      const options = { profile: 'hebei', groupBy: ['province', 'county'], asOf: '2025-12-31' } as const;
      const fromFile = computeIndicatorTable(read.rows, options);
      const given = computeIndicatorTable(dated, options);
      expect(fromFile.success && fromFile.data.years).toEqual([year]);
      expect(fromFile).toEqual(given);
    },
  );
});
