import { describe, expect, it } from 'vitest';
import { hebeiDivisions } from '../../src/divisions/hebei.js';
import {
  computeIndicators,
  computeIndicatorTable,
  evaluatePlanPeriod,
  INDICATOR_PROFILES,
  type IndicatorProfile,
  type IndicatorRow,
  indicatorSeriesFromRows,
  type ProfileIndicator,
  ShequError,
} from '../../src/index.js';
import { zhengdingCounty } from '../fixtures/zhengding-county.js';

const COUNTY = '130123000000';
const pick = (rows: readonly IndicatorRow[], region: string, indicator: string) => {
  const row = rows.find((r) => r.region === region && r.indicator === indicator);
  if (row === undefined) throw new Error(`no row for ${region} ${indicator}`);
  return [row.numerator, row.denominator, row.missing, row.value];
};

describe('computeIndicators on a hand-worked Hebei county', () => {
  const rows = computeIndicators(zhengdingCounty, {
    profile: 'hebei',
    asOf: '2025-12-31',
    divisions: hebeiDivisions,
  });

  it('rural facility coverage: villages 4–11; 5 of the 7 with the flag have a facility, 1 unknown', () => {
    // 5 / 7 × 100 = 71.428… → 71.4
    expect(pick(rows, COUNTY, 'ruralFacilityCoverage')).toEqual([5, 7, 1, 71.4]);
  });

  it('urban facility coverage and self-service coverage: 3 of 4 communities', () => {
    expect(pick(rows, COUNTY, 'urbanFacilityCoverage')).toEqual([3, 4, 0, 75]);
    expect(pick(rows, COUNTY, 'urbanSelfServiceCoverage')).toEqual([3, 4, 0, 75]);
  });

  it('new commercial share: the one new community, 9 000 / 80 000 = 11.25 → 11.3 half-up', () => {
    expect(pick(rows, COUNTY, 'newCommercialServiceAreaShare')).toEqual([9000, 80000, 0, 11.3]);
  });

  it('facility area per 100 households: units without a facility add households and zero area', () => {
    // Σ area = 400.5 + 200 + 0 + 100 + 0 + 80.3 + 150 + 120.5 + 0 + 160 = 1 211.3 m²;
    // Σ households = 1000 + 800 + 600 + 300 + 250 + 200 + 400 + 350 + 150 + 500 = 4 550;
    // 1 211.3 / 4 550 × 100 = 26.62… → 26.6. Missing: unit 10 (no households), unit 11 (no facility flag).
    expect(pick(rows, COUNTY, 'facilityAreaPer100Households')).toEqual([1211.3, 4550, 2, 26.6]);
  });

  it('activity area share: ratio of sums, never the mean of ratios', () => {
    // Σ activity = 250.25 + 150 + 60 + 100 + 70.5 + 50 + 100 = 780.75; Σ floor = 400.5 + 200 + 100 + 150 + 120.5
    // + 90 + 160 = 1 221; 780.75 / 1 221 × 100 = 63.943… → 63.9. Missing: unit 6 (no activity area), unit 11.
    expect(pick(rows, COUNTY, 'activityAreaShare')).toEqual([780.75, 1221, 2, 63.9]);
  });

  it('workers per 10 000 urban residents: communities only', () => {
    // (6 + 4 + 3 + 2) / (2500 + 2000 + 1500 + 1300) × 10 000 = 15 / 7 300 × 10 000 = 20.547… → 20.5
    expect(pick(rows, COUNTY, 'workersPer10kUrbanResidents')).toEqual([15, 7300, 0, 20.5]);
  });

  it("Hebei's own indicators", () => {
    expect(pick(rows, COUNTY, 'disasterOfficerCoverage')).toEqual([10, 12, 0, 83.3]); // 10 / 12
    expect(pick(rows, COUNTY, 'secretaryDirectorConcurrency')).toEqual([5, 7, 1, 71.4]); // 5 / 7, unit 11 unknown
    expect(pick(rows, COUNTY, 'resettlementFacilityCoverage')).toEqual([1, 2, 1, 50]); // units 7 and 9; unit 12 unknown
    expect(pick(rows, COUNTY, 'village5gCoverage')).toEqual([6, 8, 0, 75]);
  });

  it('rolls up by township: 正定镇 has 2 of 3 villages with a facility', () => {
    expect(pick(rows, '130123100000', 'ruralFacilityCoverage')).toEqual([2, 3, 0, 66.7]);
    expect(pick(rows, '130123201000', 'ruralFacilityCoverage')).toEqual([3, 4, 1, 75]);
  });

  it('gives every level from province to township, named from the division list, top level first', () => {
    const regions = [...new Set(rows.map((r) => `${r.level} ${r.region} ${r.name ?? ''}`))];
    expect(regions).toEqual([
      'province 130000000000 河北省',
      'prefecture 130100000000 石家庄市',
      'county 130123000000 正定县',
      'township 130123100000 正定镇',
      'township 130123201000 南楼乡',
    ]);
    expect(rows).toHaveLength(5 * 18); // the Hebei profile's 18 indicators (11 before issue 14)
    expect(pick(rows, '130000000000', 'facilityAreaPer100Households')).toEqual(
      pick(rows, COUNTY, 'facilityAreaPer100Households'),
    );
  });

  it('compares with the 2025 targets', () => {
    const area = rows.find((r) => r.region === COUNTY && r.indicator === 'facilityAreaPer100Households');
    // On the target date, short of the target is not met (issue 14: it said 'behind').
    expect(area).toMatchObject({
      status: 'not-met',
      expected: 30,
      gap: 3.4,
      target: { comparator: '>=', value: 30 },
    });
    const share = rows.find((r) => r.region === COUNTY && r.indicator === 'newCommercialServiceAreaShare');
    expect(share).toMatchObject({ status: 'met', gap: -1.3 });
    const urban = rows.find((r) => r.region === COUNTY && r.indicator === 'urbanFacilityCoverage');
    expect(urban).toMatchObject({ status: 'not-met', expected: 100 });
  });

  it('reports a null value with its reason where nothing was counted', () => {
    const none = computeIndicators(
      zhengdingCounty.filter((u) => u.kind === 'village'),
      { asOf: '2025-12-31', groupBy: ['county'] },
    );
    expect(none.find((r) => r.indicator === 'urbanFacilityCoverage')).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
      reason: 'zero-denominator',
      status: 'no-data',
    });
  });

  it('takes an external denominator for a region (城镇常住人口 from the census)', () => {
    const withCensus = computeIndicators(zhengdingCounty, {
      asOf: '2025-12-31',
      groupBy: ['county', 'prefecture'],
      denominators: { '130123': { workersPer10kUrbanResidents: 10_000 } },
    });
    expect(pick(withCensus, COUNTY, 'workersPer10kUrbanResidents')).toEqual([15, 10000, 0, 15]);
    expect(
      withCensus.find((r) => r.region === COUNTY && r.indicator === 'workersPer10kUrbanResidents')
        ?.externalDenominator,
    ).toBe(true);
    expect(pick(withCensus, '130100000000', 'workersPer10kUrbanResidents')).toEqual([15, 7300, 0, 20.5]);
  });

  it('picks levels, adds unit rows on request, and rounds as asked', () => {
    const unitRows = computeIndicators(zhengdingCounty, {
      asOf: '2025-12-31',
      groupBy: ['unit'],
      rounding: { places: 3 },
    });
    expect(unitRows).toHaveLength(12 * 7);
    expect(pick(unitRows, '130123100001', 'activityAreaShare')).toEqual([250.25, 400.5, 0, 62.484]);
    const halfEven = computeIndicators(zhengdingCounty, {
      asOf: '2025-12-31',
      groupBy: ['county'],
      rounding: { mode: 'half-even' },
    });
    expect(pick(halfEven, COUNTY, 'newCommercialServiceAreaShare')).toEqual([9000, 80000, 0, 11.2]);
  });

  it('gives unit rows for many units (a spread of them would overflow the call stack)', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => ({
      code: `13${String(Math.floor(i / 3000) + 1).padStart(2, '0')}${String((Math.floor(i / 300) % 10) + 1).padStart(2, '0')}${String((Math.floor(i / 30) % 10) + 1).padStart(3, '0')}${String((i % 30) + 201).padStart(3, '0')}`,
      kind: 'village' as const,
      hasFacility: i % 2 === 0,
    }));
    const unitRows = computeIndicators(many, { asOf: '2025-12-31', groupBy: ['unit'] });
    expect(unitRows).toHaveLength(30_000 * 7);
    expect(unitRows.filter((r) => r.indicator === 'ruralFacilityCoverage' && r.value === 100)).toHaveLength(
      15_000,
    );
  });

  it('accepts rich unit records, deriving their statistics rows', () => {
    const rich = computeIndicators(
      [
        {
          code: '130123100201',
          kind: 'village',
          households: 100,
          facilities: [{ kind: 'comprehensiveService', floorArea: 45 }],
        },
      ],
      { asOf: '2025-12-31', groupBy: ['county'] },
    );
    expect(pick(rich, COUNTY, 'facilityAreaPer100Households')).toEqual([45, 100, 0, 45]);
  });
});

describe('computeIndicatorTable', () => {
  it('lists units it cannot place instead of dropping them silently, and states the date used', () => {
    const table = computeIndicatorTable(
      [...zhengdingCounty, { code: '130123100000', kind: 'village' }, { code: 'x' } as never],
      {
        asOf: new Date('2025-12-31T16:30:00Z'),
        groupBy: ['county'],
      },
    );
    expect(
      table.success && [table.data.asOf, table.data.units, table.data.skipped.map((i) => i.path)],
    ).toEqual(['2026-01-01', 12, [[12], [13]]]);
  });

  it('reports an unknown profile and a bad date; computeIndicators throws for them', () => {
    expect(computeIndicatorTable([], { profile: 'shanghai' as 'hebei' })).toMatchObject({
      success: false,
      error: { issues: [{ path: ['profile'] }] },
    });
    expect(computeIndicatorTable([], { asOf: '2025-02-30' }).success).toBe(false);
    expect(() => computeIndicators([], { asOf: 'soon' })).toThrow(ShequError);
  });

  it('defaults to today in China', () => {
    const table = computeIndicatorTable([]);
    expect(table.success && table.data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('a profile entry read the same way by every path (own keys and a class’s, never Object.prototype)', () => {
  // Two villages of one county: 1 of 2 has a facility (50 %); without a year they are judged at `asOf`.
  const villages = [
    { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 },
    { code: '130123100202', kind: 'village', households: 200, hasFacility: false },
  ] as const;
  const ofYear = villages.map((unit) => ({ ...unit, year: 2025 }));
  // A row's own key only: reading `row.target` would itself find Object.prototype's.
  const own = <K extends 'target' | 'baseline'>(row: IndicatorRow, key: K) =>
    Object.hasOwn(row, key) ? row[key] : undefined;
  const coverage = (rows: readonly IndicatorRow[]) =>
    rows
      .filter((row) => row.indicator === 'ruralFacilityCoverage')
      .map((row) => [row.level, own(row, 'target')?.value, own(row, 'baseline')?.value, row.status]);
  const hebei = INDICATOR_PROFILES.hebei;

  it('a target on Object.prototype is no entry’s: no row and no evaluation line takes it, in any year or path', () => {
    const bare: IndicatorProfile = {
      ...hebei,
      periods: {},
      period: '14th',
      id: 'bare',
      indicators: hebei.indicators.map(({ indicator }) => ({ indicator })),
    };
    Object.defineProperty(Object.prototype, 'target', {
      value: { comparator: '>=', value: 99, year: 2025, source: 'polluted', confidence: 'seed' },
      configurable: true,
      writable: true,
      enumerable: false,
    });
    try {
      const options = { profile: bare, asOf: '2025-12-31', groupBy: ['unit', 'county'] } as const;
      const expected = [
        ['county', undefined, undefined, 'no-target'],
        ['unit', undefined, undefined, 'no-target'],
        ['unit', undefined, undefined, 'no-target'],
      ];
      expect(coverage(computeIndicators([...villages], options))).toEqual(expected);
      expect(coverage(computeIndicators(ofYear, options))).toEqual(expected);
      const evaluation = evaluatePlanPeriod(ofYear, { period: '14th', profile: bare, asOf: '2026-06-30' });
      expect(evaluation.success && coverage(evaluation.data.rows as never).slice(0, 1)).toEqual([
        ['province', undefined, undefined, 'no-target'],
      ]);
      // Nor the series of 2024–2025, whose points are drawn from the rows' own figures.
      const years = [...villages.map((unit) => ({ ...unit, year: 2024 })), ...ofYear];
      const series = indicatorSeriesFromRows(
        computeIndicators(years, { profile: bare, groupBy: ['county'] }),
      );
      expect(series.length).toBeGreaterThan(0);
      expect(JSON.stringify([series, evaluation])).not.toContain('polluted');
    } finally {
      delete (Object.prototype as Record<string, unknown>).target;
    }
  });

  it('an entry whose target and baseline are a class’s getters keeps them in every row (100 % and 0 % per unit)', () => {
    const classy: IndicatorProfile = {
      ...hebei,
      periods: {},
      id: 'classy',
      indicators: hebei.indicators.map(({ indicator, target, baseline }) => {
        class Entry {
          readonly indicator = indicator;
          get target() {
            return target;
          }
          get baseline() {
            return baseline;
          }
        }
        return new Entry() as ProfileIndicator;
      }),
    };
    // Hebei's 14th-plan line: baseline 65 (2020), target ≥ 80 (2025); 50 % at the end of 2025 has not met it.
    const rows = computeIndicators([...villages], {
      profile: classy,
      asOf: '2025-12-31',
      groupBy: ['unit', 'county'],
    });
    expect(coverage(rows)).toEqual([
      ['county', 80, 65, 'not-met'],
      ['unit', 80, 65, 'met'],
      ['unit', 80, 65, 'not-met'],
    ]);
  });
});
