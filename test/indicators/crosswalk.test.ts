import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicatorSeries,
  computeIndicators,
  computeIndicatorTable,
  divisionChanges,
  parseCrosswalk,
  type UnitStatistics,
} from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const village = (code: string, year: number, hasFacility = true): UnitStatistics => ({
  code,
  kind: 'village',
  year,
  hasFacility,
});

/** 正定县: township 100 merged into township 105 from 2023; its villages renumbered. */
const MERGED = [
  { oldCode: '130123100201', newCode: '130123105203', fromYear: 2023 },
  { oldCode: '130123100202', newCode: '130123105204', fromYear: 2023 },
];
const ROWS: UnitStatistics[] = [
  ...[2021, 2022].flatMap((year) => [
    village('130123100201', year, year === 2022),
    village('130123100202', year, false),
    village('130123105201', year),
  ]),
  village('130123105201', 2023),
  village('130123105203', 2023),
  village('130123105204', 2023, false),
];
const OPTIONS = { groupBy: ['township'], profile: 'national' } as const;

describe('a division crosswalk', () => {
  it('counts the rows of the years before a change under the new codes', () => {
    const without = computeIndicators(ROWS, OPTIONS).filter((r) => r.indicator === 'ruralFacilityCoverage');
    expect(without.map((r) => [r.region, r.year, r.value])).toEqual([
      ['130123100000', 2021, 0],
      ['130123105000', 2021, 100],
      ['130123100000', 2022, 50],
      ['130123105000', 2022, 100],
      ['130123105000', 2023, 66.7],
    ]);
    const withCrosswalk = computeIndicators(ROWS, { ...OPTIONS, crosswalk: MERGED });
    // Like with like: township 105 with the two merged villages in every year (1/3, 2/3, 2/3).
    expect(
      withCrosswalk
        .filter((r) => r.indicator === 'ruralFacilityCoverage')
        .map((r) => [r.region, r.year, r.value]),
    ).toEqual([
      ['130123105000', 2021, 33.3],
      ['130123105000', 2022, 66.7],
      ['130123105000', 2023, 66.7],
    ]);
    const series = computeIndicatorSeries(ROWS, { ...OPTIONS, crosswalk: MERGED });
    expect(
      series.success && series.data.entries.find((e) => e.indicator === 'ruralFacilityCoverage')?.change,
    ).toBe(33.4);
  });

  it('follows a chain of changes in their order, and a change back', () => {
    const chain = [
      { oldCode: '130123100201', newCode: '130123100301', fromYear: 2022 },
      { oldCode: '130123100301', newCode: '130123100401', fromYear: 2024 },
    ];
    const rows = [
      village('130123100201', 2021),
      village('130123100301', 2023),
      village('130123100401', 2024),
    ];
    const codes = (crosswalk: typeof chain) =>
      computeIndicators(rows, { groupBy: ['township'], crosswalk })
        .filter((r) => r.indicator === 'ruralFacilityCoverage')
        .map((r) => [r.region, r.year]);
    expect(codes(chain)).toEqual([
      ['130123100000', 2021],
      ['130123100000', 2023],
      ['130123100000', 2024],
    ]);
    const back = [
      { oldCode: '130123100201', newCode: '130123200201', fromYear: 2022 },
      { oldCode: '130123200201', newCode: '130123100201', fromYear: 2024 },
    ];
    // 2021 → 200 (2022) → back to 100 (2024); a 2022 row of 200 → 100 too.
    const moved = computeIndicators([village('130123100201', 2021), village('130123200201', 2022)], {
      groupBy: ['township'],
      crosswalk: back,
    });
    expect(new Set(moved.map((r) => r.region))).toEqual(new Set(['130123100000']));
  });

  it('gives issues, not a crash, for bad codes, two codes in one year, other levels and cycles', () => {
    const result = parseCrosswalk([
      { oldCode: 'x', newCode: '130123100201', fromYear: 2023 },
      { oldCode: '130123100201', newCode: '130123100202', fromYear: 20.5 },
      { oldCode: '130123100201', newCode: '130123100000', fromYear: 2023 },
      { oldCode: '130123100211', newCode: '130123100212', fromYear: 2023 },
      { oldCode: '130123100211', newCode: '130123100213', fromYear: 2023 },
      { oldCode: '130123100221', newCode: '130123100222', fromYear: 2024 },
      { oldCode: '130123100222', newCode: '130123100221', fromYear: 2024 },
      null,
    ]);
    expect(result.success || result.error.issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_crosswalk', [0, 'oldCode']],
      ['invalid_crosswalk', [1, 'fromYear']],
      ['invalid_crosswalk', [2, 'newCode']],
      ['invalid_crosswalk', [7, 'oldCode']],
      ['invalid_crosswalk', [7, 'newCode']],
      ['invalid_crosswalk', [7, 'fromYear']],
      ['invalid_crosswalk', [4, 'newCode']],
      ['invalid_crosswalk', [5, 'oldCode']],
      ['invalid_crosswalk', [6, 'oldCode']],
    ]);
    expect(parseCrosswalk('not a list').success).toBe(false);
    const table = computeIndicatorTable(ROWS, { crosswalk: [{ oldCode: '1', newCode: '2', fromYear: 1 }] });
    expect(table.success || table.error.issues[0]?.path).toEqual(['crosswalk', 0, 'oldCode']);
  });

  test.prop([fc.array(unitStatisticsArbitrary(), { maxLength: 30 }), fc.integer({ min: 2019, max: 2027 })], {
    numRuns: 40,
  })('a crosswalk mapping codes to themselves changes nothing', (rows, fromYear) => {
    const identity = rows.map((row) => ({ oldCode: row.code, newCode: row.code, fromYear }));
    const options = { groupBy: ['province', 'township'], profile: 'hebei' } as const;
    expect(computeIndicators(rows, { ...options, crosswalk: identity })).toEqual(
      computeIndicators(rows, options),
    );
  });
});

describe('divisionChanges', () => {
  it('lists units that appear, disappear or change kind', () => {
    const rows: UnitStatistics[] = [
      ...ROWS,
      { code: '130123105201', kind: 'community', year: 2024, name: '西上泽社区' },
      { code: '130123105203', kind: 'village', year: 2024 },
      { code: '130123105204', kind: 'village', year: 2024 },
    ];
    const changes = divisionChanges(rows);
    expect(
      changes.success &&
        changes.data.map((c) => [c.code, c.firstYear, c.lastYear, c.appeared, c.disappeared, c.kindChanges]),
    ).toEqual([
      ['130123100201', 2021, 2022, false, true, []],
      ['130123100202', 2021, 2022, false, true, []],
      ['130123105201', 2021, 2024, false, false, [{ year: 2024, from: 'village', to: 'community' }]],
      ['130123105203', 2023, 2024, true, false, []],
      ['130123105204', 2023, 2024, true, false, []],
    ]);
    // With the crosswalk the merged villages are the same units throughout: only the kind change is left.
    const mapped = divisionChanges(rows, { crosswalk: MERGED });
    expect(mapped.success && mapped.data.map((c) => [c.code, c.name])).toEqual([
      ['130123105201', '西上泽社区'],
    ]);
    expect(divisionChanges(42 as never).success).toBe(false);
    expect(divisionChanges(rows, { crosswalk: [{ bad: true }] as never }).success).toBe(false);
  });
});
