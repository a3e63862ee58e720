import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicators,
  computeIndicatorTable,
  createIndicatorAccumulator,
  type IndicatorRow,
  mergeIndicatorParts,
  type UnitStatistics,
} from '../../src/index.js';

const OPTIONS = { asOf: '2025-12-31', profile: 'national' } as const;
/** The national indicators a total row can supply (no scope, both measures readable from a total). */
const SUPPLIED = [
  'ruralFacilityCoverage',
  'urbanFacilityCoverage',
  'facilityAreaPer100Households',
  'activityAreaShare',
  'workersPer10kUrbanResidents',
];

const pick = (rows: readonly IndicatorRow[], region: string, indicator: string) =>
  rows.find((row) => row.region === region && row.indicator === indicator);

describe('region totals (worked by hand)', () => {
  it('a district total of communities gives the urban coverage and the area per 100 households', () => {
    const rows = computeIndicators(
      [
        {
          code: '110105000000',
          kind: 'communityTotal',
          unitCount: 40,
          unitsWithFacility: 36,
          households: 50_000,
          facilityArea: 15_000,
        },
      ],
      { ...OPTIONS, groupBy: ['county'] },
    );
    // 36 / 40 × 100 = 90; 15 000 / 50 000 × 100 = 30.
    expect(pick(rows, '110105000000', 'urbanFacilityCoverage')).toMatchObject({
      numerator: 36,
      denominator: 40,
      missing: 0,
      value: 90,
      fromTotal: true,
    });
    expect(pick(rows, '110105000000', 'facilityAreaPer100Households')).toMatchObject({
      value: 30,
      fromTotal: true,
    });
    // Not supplied: villages (a community total), or a scoped indicator.
    expect(pick(rows, '110105000000', 'ruralFacilityCoverage')).toMatchObject({
      denominator: 0,
      value: null,
    });
    expect(pick(rows, '110105000000', 'newCommercialServiceAreaShare')?.fromTotal).toBeUndefined();
  });

  it('a total replaces the units beneath it, which are set aside with a warning; siblings still add', () => {
    const units: UnitStatistics[] = [
      // township 001: two communities, also given as a total below (which wins)
      { code: '110105001001', kind: 'community', hasFacility: true },
      { code: '110105001002', kind: 'community', hasFacility: false },
      // township 002: one community, no total
      { code: '110105002001', kind: 'community', hasFacility: true },
      { code: '110105001000', kind: 'communityTotal', unitCount: 10, unitsWithFacility: 7 },
    ];
    const table = computeIndicatorTable(units, { ...OPTIONS, groupBy: ['county', 'township'] });
    if (!table.success) throw new Error('must compute');
    const rows = table.data.rows;
    expect(pick(rows, '110105001000', 'urbanFacilityCoverage')).toMatchObject({
      numerator: 7,
      denominator: 10,
      fromTotal: true,
      setAside: true,
    });
    // County: 7 + 1 of 10 + 1, never 7 + 1 + 1 of 10 + 2 + 1.
    expect(pick(rows, '110105000000', 'urbanFacilityCoverage')).toMatchObject({
      numerator: 8,
      denominator: 11,
    });
    expect(table.data.warnings).toContainEqual(
      expect.objectContaining({
        code: 'total_replaces_units',
        path: ['110105001000', 'urbanFacilityCoverage'],
      }),
    );
  });

  it('a second total of the same kind for a region is refused (duplicate_total); parts that both hold one do not merge', () => {
    const total: UnitStatistics = {
      code: '110105000000',
      kind: 'communityTotal',
      unitCount: 3,
      unitsWithFacility: 1,
    };
    const table = computeIndicatorTable([total, { ...total, unitsWithFacility: 2 }], OPTIONS);
    expect(table.success && table.data.skipped).toEqual([
      expect.objectContaining({ code: 'duplicate_total', path: [1] }),
    ]);
    expect(table.success && pick(table.data.rows, '110105000000', 'urbanFacilityCoverage')?.numerator).toBe(
      1,
    );
    const a = createIndicatorAccumulator();
    a.add(total);
    const b = createIndicatorAccumulator();
    b.add(total);
    expect(mergeIndicatorParts(a.parts(), b.parts())).toMatchObject({
      success: false,
      error: { issues: [{ code: 'duplicate_total', path: [1, 'totals', 'communityTotal', '110105000000'] }] },
    });
    expect(a.merge(b.parts()).success).toBe(false);
    // A village total of the same region is another kind: both count.
    expect(a.merge(JSON.parse(JSON.stringify(villageOnly()))).success).toBe(true);
  });
});

function villageOnly() {
  const accumulator = createIndicatorAccumulator();
  accumulator.add({ code: '110105000000', kind: 'villageTotal', unitCount: 2, unitsWithFacility: 2 });
  return accumulator.parts();
}

// ---- properties -------------------------------------------------------------------------------------------------

/** A complete unit (every input of the supplied indicators given) in one of a few townships of two counties. */
const completeUnit = fc
  .record({
    township: fc.constantFrom('130123100', '130123101', '130124100'),
    kind: fc.constantFrom('community' as const, 'village' as const),
    serial: fc.integer({ min: 1, max: 199 }),
    households: fc.integer({ min: 0, max: 3000 }),
    residents: fc.integer({ min: 0, max: 9000 }),
    hasFacility: fc.boolean(),
    facilityHundredths: fc.integer({ min: 0, max: 100_000 }),
    activityShare: fc.integer({ min: 0, max: 100 }),
    communityWorkers: fc.integer({ min: 0, max: 40 }),
  })
  .map((u): UnitStatistics => {
    const facility = u.hasFacility ? u.facilityHundredths : 0;
    const serial = u.kind === 'community' ? u.serial : u.serial + 200;
    return {
      code: `${u.township}${String(serial).padStart(3, '0')}`,
      kind: u.kind,
      households: u.households,
      residents: u.residents,
      hasFacility: u.hasFacility,
      facilityArea: facility / 100,
      activityArea: Math.floor((facility * u.activityShare) / 100) / 100,
      communityWorkers: u.communityWorkers,
    };
  });

/** The total rows (one per unit kind present) that stand for `units` in region `code`, sums made exactly. */
function totalsOf(units: readonly UnitStatistics[], code: string): UnitStatistics[] {
  return (['community', 'village'] as const).flatMap((kind) => {
    const of = units.filter((unit) => unit.kind === kind);
    if (of.length === 0) return [];
    const sum = (read: (unit: UnitStatistics) => number) => of.reduce((total, unit) => total + read(unit), 0);
    const hundredths = (read: (unit: UnitStatistics) => number | undefined) =>
      sum((unit) => Math.round((read(unit) ?? 0) * 100)) / 100;
    return [
      {
        code,
        kind: kind === 'community' ? 'communityTotal' : 'villageTotal',
        unitCount: of.length,
        unitsWithFacility: sum((unit) => (unit.hasFacility === true ? 1 : 0)),
        households: sum((unit) => unit.households ?? 0),
        residents: sum((unit) => unit.residents ?? 0),
        facilityArea: hundredths((unit) => unit.facilityArea),
        activityArea: hundredths((unit) => unit.activityArea),
        communityWorkers: sum((unit) => unit.communityWorkers ?? 0),
      } as UnitStatistics,
    ];
  });
}

/** The rows of the supplied indicators at the region and above, without the total's own markers. */
function figures(rows: readonly IndicatorRow[], regions: readonly string[]) {
  return rows
    .filter((row) => SUPPLIED.includes(row.indicator) && regions.includes(row.region))
    .map(({ region, indicator, numerator, denominator, missing, value }) => ({
      region,
      indicator,
      numerator,
      denominator,
      missing,
      value,
    }));
}

/** The key digits of the regions the laws look at. */
const DIGITS: Readonly<Record<string, number>> = {
  '130000000000': 2,
  '130100000000': 4,
  '130123000000': 6,
  '130123100000': 9,
};

const unitsArbitrary = fc.uniqueArray(completeUnit, { selector: (unit) => unit.code, maxLength: 30 });

describe('region totals: laws', () => {
  test.prop([unitsArbitrary, fc.constantFrom('130123100000', '130123000000', '130100000000')])(
    'replacing the units of a region by its totals keeps every figure of the region and above (aggregation law)',
    (units, region) => {
      const prefix = region.slice(0, DIGITS[region] as number);
      const inside = units.filter((unit) => unit.code.startsWith(prefix));
      const outside = units.filter((unit) => !unit.code.startsWith(prefix));
      const upward = Object.keys(DIGITS).filter((code) => (DIGITS[code] as number) <= prefix.length);
      const withUnits = computeIndicators(units, OPTIONS);
      const withTotals = computeIndicators([...outside, ...totalsOf(inside, region)], OPTIONS);
      expect(figures(withTotals, upward)).toEqual(figures(withUnits, upward));
    },
  );

  test.prop([unitsArbitrary, fc.integer({ min: 0, max: 1000 })])(
    'the order of units and totals never changes a figure',
    (units, seed) => {
      const inside = units.filter((unit) => unit.code.startsWith('130123100'));
      const rows = [...units, ...totalsOf(inside, '130123100000'), ...totalsOf(units, '130000000000')];
      const shuffled = [...rows].sort(
        (a, b) => ((hash(a.code + a.kind) ^ seed) % 97) - ((hash(b.code + b.kind) ^ seed) % 97),
      );
      expect(computeIndicators(shuffled, OPTIONS)).toEqual(computeIndicators(rows, OPTIONS));
    },
  );

  test.prop([unitsArbitrary])('no double counting: units under a total add nothing above it', (units) => {
    const inside = units.filter((unit) => unit.code.startsWith('130123100'));
    const totals = totalsOf(inside, '130123100000');
    // The totals alone, and the totals with the very units they stand for: the same figures everywhere above.
    const alone = computeIndicators([...units.filter((unit) => !inside.includes(unit)), ...totals], OPTIONS);
    const both = computeIndicators([...units, ...totals], OPTIONS);
    const above = ['130000000000', '130100000000', '130123000000', '130123100000'];
    expect(figures(both, above)).toEqual(figures(alone, above));
  });

  test.prop([unitsArbitrary])('parts with totals survive JSON and merge to the same rows', (units) => {
    const inside = units.filter((unit) => unit.code.startsWith('130124'));
    const whole = createIndicatorAccumulator();
    const first = createIndicatorAccumulator();
    const second = createIndicatorAccumulator();
    const rows = [...units, ...totalsOf(inside, '130124000000')];
    rows.forEach((row, i) => {
      whole.add(row);
      (i % 2 === 0 ? first : second).add(row);
    });
    const merged = mergeIndicatorParts(JSON.parse(JSON.stringify(first.parts())), second.parts());
    if (!merged.success) throw new Error('must merge');
    const again = createIndicatorAccumulator();
    expect(again.merge(merged.data).success).toBe(true);
    expect([...again.rows({ asOf: OPTIONS.asOf })]).toEqual([...whole.rows({ asOf: OPTIONS.asOf })]);
  });
});

function hash(text: string): number {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 1_000_003;
  return h;
}
