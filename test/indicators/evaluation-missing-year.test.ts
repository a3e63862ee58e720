/**
 * A row without a year describes the period's target year (or `year`, when given): `evaluatePlanPeriod` counted such
 * a row among the year's `units` but, beside rows that state the year, left it out of every figure (the table of the
 * year's rows set rows without a year aside, with a `year_missing` warning). The figures are now those of the same
 * rows with the year written in, whichever rows leave it out.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluatePlanPeriod, type UnitStatistics } from '../../src/index.js';
import { ZHENGDING_2025 } from '../helpers/zhengding-2025.js';

// 正定县's rows of 2025 and a village of 无极县 (130124), in the same city.
const VILLAGES: readonly UnitStatistics[] = [
  ...ZHENGDING_2025,
  { code: '130124100201', kind: 'village', year: 2025, households: 50, hasFacility: true, facilityArea: 15 },
];
const withoutYear = ({ year: _year, ...row }: UnitStatistics): UnitStatistics => row;

function evaluation(rows: readonly UnitStatistics[]) {
  const result = evaluatePlanPeriod(rows, { period: '14th', profile: 'hebei', asOf: '2026-06-30' });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

describe('evaluatePlanPeriod: rows without a year beside rows with one', () => {
  it('worked by hand: a village without a year counts in the figures as in units', () => {
    const given = evaluation([VILLAGES[0] as UnitStatistics, withoutYear(VILLAGES[1] as UnitStatistics)]);
    expect(given.units).toBe(2);
    const area = given.rows.find(
      (row) => row.region === '130100000000' && row.indicator === 'facilityAreaPer100Households',
    );
    // 100 m² over 300 + 200 households: 20 m² per 100 households (the year-less village's 200 households count).
    expect(area?.actual).toBe(20);
    expect(given.warnings?.map((issue) => issue.code) ?? []).not.toContain('year_missing');
  });

  test.prop([fc.array(fc.boolean(), { minLength: VILLAGES.length, maxLength: VILLAGES.length })])(
    'any rows leaving the year out give the figures of all rows stating it',
    (leftOut) => {
      const all = evaluation(VILLAGES);
      const some = evaluation(VILLAGES.map((row, i) => (leftOut[i] ? withoutYear(row) : row)));
      expect(some.units).toBe(all.units);
      expect(some.rows).toEqual(all.rows);
    },
  );
});
