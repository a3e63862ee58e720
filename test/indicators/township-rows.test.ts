import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  computeIndicatorTable,
  createIndicatorAccumulator,
  deriveIndicatorProfile,
  INDICATOR_PROFILES,
  INDICATORS,
  type IndicatorRow,
  type UnitStatistics,
} from '../../src/index.js';
import { statisticsRowArbitrary, unitStatisticsArbitrary } from '../../src/testing/index.js';

const OPTIONS = { asOf: '2025-12-31' } as const;

/** The national profile with the three indicators of township and district rows appended. */
const WITH_REGIONS = deriveIndicatorProfile(INDICATOR_PROFILES.national, {
  id: 'national+regions',
  add: [
    { indicator: INDICATORS.townshipSocialWorkStationCoverage },
    { indicator: INDICATORS.townshipCivicCenterCoverage },
    { indicator: INDICATORS.districtServiceCenterCoverage },
  ],
});
const REGION_IDS = new Set([
  'townshipSocialWorkStationCoverage',
  'townshipCivicCenterCoverage',
  'districtServiceCenterCoverage',
]);

const pick = (rows: readonly IndicatorRow[], region: string, indicator: string) =>
  rows.find((row) => row.region === region && row.indicator === indicator);

describe('township and district rows', () => {
  it('count once each for the indicators that count them (worked by hand)', () => {
    const rows: UnitStatistics[] = [
      { code: '110105001000', kind: 'township', hasSocialWorkStation: true, hasCivicCenter: true },
      { code: '110105002000', kind: 'township', hasSocialWorkStation: true },
      { code: '110105003000', kind: 'township', hasSocialWorkStation: false, hasCivicCenter: false },
      { code: '110105000000', kind: 'district', hasDistrictServiceCenter: true },
      { code: '110105001001', kind: 'community', households: 1000, hasFacility: true, facilityArea: 300 },
    ];
    const table = computeIndicators(rows, {
      ...OPTIONS,
      profile: WITH_REGIONS,
      groupBy: ['county', 'township'],
    });
    // 2 of 3 townships have a station: 66.666… → 66.7.
    expect(pick(table, '110105000000', 'townshipSocialWorkStationCoverage')).toMatchObject({
      numerator: 2,
      denominator: 3,
      missing: 0,
      value: 66.7,
    });
    // One township has no 市民活动中心 figure: missing, not zero. 1 of 2 known.
    expect(pick(table, '110105000000', 'townshipCivicCenterCoverage')).toMatchObject({
      numerator: 1,
      denominator: 2,
      missing: 1,
      value: 50,
    });
    expect(pick(table, '110105000000', 'districtServiceCenterCoverage')).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    // The district row is the county's own: no township row of code 110105000000 appears.
    expect(table.filter((row) => row.level === 'township').map((row) => row.region)).not.toContain(
      '110105000000',
    );
    // The township row of 001 adds nothing to its community's figures.
    expect(pick(table, '110105001000', 'urbanFacilityCoverage')).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(pick(table, '110105001000', 'facilityAreaPer100Households')).toMatchObject({
      numerator: 300,
      denominator: 1000,
      value: 30,
    });
  });

  it('are placed by their own code: a township row needs a township code, a district row a county code', () => {
    const accumulator = createIndicatorAccumulator({ profile: WITH_REGIONS });
    expect(accumulator.add({ code: '110105001001', kind: 'township' } as UnitStatistics)).toBe(false);
    expect(accumulator.add({ code: '110105001000', kind: 'district' } as UnitStatistics)).toBe(false);
    expect(accumulator.add({ code: '110105000000', kind: 'community' } as UnitStatistics)).toBe(false);
    expect(accumulator.add({ code: '110105001000', kind: 'township' })).toBe(true);
    expect(accumulator.add({ code: '110105000000', kind: 'district' })).toBe(true);
    expect([accumulator.count, accumulator.skipped]).toEqual([2, 3]);
    // Parts hold the district's own slot under its county code, and read back.
    const parts = JSON.parse(JSON.stringify(accumulator.parts()));
    expect(Object.keys(parts.townships).sort()).toEqual(['110105000000', '110105001000']);
    const again = createIndicatorAccumulator({ profile: WITH_REGIONS });
    expect(again.merge(parts).success).toBe(true);
    expect([...again.rows(OPTIONS)]).toEqual([...accumulator.rows(OPTIONS)]);
  });

  test.prop([
    fc.array(unitStatisticsArbitrary(), { maxLength: 30 }),
    fc.array(statisticsRowArbitrary(['township', 'district']), { maxLength: 15 }),
    fc.nat(),
  ])('never change a unit-based indicator, wherever they are added', (units, regions, at) => {
    const before = computeIndicatorTable(units, { ...OPTIONS, profile: WITH_REGIONS });
    const mixed = [...units];
    regions.forEach((row, i) => {
      mixed.splice((at + i) % (mixed.length + 1), 0, row);
    });
    const after = computeIndicatorTable(mixed, { ...OPTIONS, profile: WITH_REGIONS });
    if (!before.success || !after.success) throw new Error('tables must compute');
    const unitBased = (rows: readonly IndicatorRow[]) =>
      rows.filter(
        (row) => !REGION_IDS.has(row.indicator) && row.denominator + row.numerator + row.missing > 0,
      );
    expect(unitBased(after.data.rows)).toEqual(unitBased(before.data.rows));
    expect(after.data.units).toBe(before.data.units + regions.length);
  });

  test.prop([fc.array(statisticsRowArbitrary(['township']), { maxLength: 20 })])(
    'a township coverage counts each township row once: numerator + missing ≤ rows, denominator = rows with the flag',
    (townships) => {
      const rows = computeIndicators(townships, { ...OPTIONS, profile: WITH_REGIONS, groupBy: ['province'] });
      const counted = rows.filter((row) => row.indicator === 'townshipSocialWorkStationCoverage');
      const given = townships.filter((row) => row.hasSocialWorkStation !== undefined);
      expect(counted.reduce((sum, row) => sum + row.denominator, 0)).toBe(given.length);
      expect(counted.reduce((sum, row) => sum + row.numerator, 0)).toBe(
        given.filter((row) => row.hasSocialWorkStation === true).length,
      );
      expect(counted.reduce((sum, row) => sum + row.missing, 0)).toBe(townships.length - given.length);
    },
  );
});
