import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  computeIndicatorTable,
  type EvaluationRow,
  evaluatePlanPeriod,
  INDICATOR_PROFILES,
  type PlanEvaluation,
  progressAgainst,
  type Target,
  type UnitStatistics,
} from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';
import { ZHENGDING_2025 } from '../helpers/zhengding-2025.js';

// The 正定县 rows of 2025 (test/helpers/zhengding-2025.ts); one Beijing row of 2024 only.
const ROWS_2025 = ZHENGDING_2025;
const ROW_2024: UnitStatistics = {
  code: '110101001001',
  kind: 'community',
  year: 2024,
  households: 800,
  hasFacility: true,
  facilityArea: 400,
};

function evaluated(rows: readonly UnitStatistics[], options: Parameters<typeof evaluatePlanPeriod>[1] = {}) {
  const result = evaluatePlanPeriod(rows, {
    period: '14th',
    profile: 'hebei',
    asOf: '2026-06-30',
    ...options,
  });
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

const line = (evaluation: PlanEvaluation, region: string, indicator: string) =>
  evaluation.rows.find((row) => row.region === region && row.indicator === indicator) as EvaluationRow;

describe('evaluatePlanPeriod: values worked by hand', () => {
  it('gives baseline, target, actual and status per indicator for the province and its cities', () => {
    const evaluation = evaluated([...ROWS_2025, ROW_2024]);
    expect(evaluation.period.id).toBe('14th');
    expect([evaluation.provisional, evaluation.year, evaluation.units, evaluation.otherYears]).toEqual([
      false,
      2025,
      3,
      1,
    ]);
    // The province and its city, then Beijing's (seen only in 2024): top level first, codes in order.
    const regions = [...new Set(evaluation.rows.map((row) => `${row.level} ${row.region}`))];
    expect(regions).toEqual([
      'province 110000000000',
      'province 130000000000',
      'prefecture 110100000000',
      'prefecture 130100000000',
    ]);
    // | indicator | baseline | target | actual | status |
    // | ruralFacilityCoverage | 65 | ≥ 80 | 1/2 = 50 | not met (gap 30) |
    // | urbanFacilityCoverage | 100 | = 100 | 1/1 = 100 | met (gap 0) |
    // | facilityAreaPer100Households | 23.6 | ≥ 30 | 420 / 1500 × 100 = 28 | not met (gap 2) |
    // | secretaryDirectorConcurrency | 75.93 | — | — | no target |
    const table = ['ruralFacilityCoverage', 'urbanFacilityCoverage', 'facilityAreaPer100Households'].map(
      (id) => {
        const row = line(evaluation, '130000000000', id);
        return [
          row.serial,
          row.baseline?.value,
          row.target?.comparator,
          row.target?.value,
          row.actual,
          row.status,
          row.gap,
        ];
      },
    );
    expect(table).toEqual([
      [1, 65, '>=', 80, 50, 'not-met', 30],
      [2, 100, '=', 100, 100, 'met', 0],
      [4, 23.6, '>=', 30, 28, 'not-met', 2],
    ]);
    const area = line(evaluation, '130100000000', 'facilityAreaPer100Households');
    expect([area.numerator, area.denominator, area.missing, area.year]).toEqual([420, 1500, 0, 2025]);
    expect(area.formula.zh).toContain('Σ综合服务设施建筑面积');
    expect(area.indicatorName.zh).toBe('每百户居民拥有社区综合服务设施面积');
    expect(area.unit.zh).toBe('平方米');
    expect(area.baseline?.source).toContain('主要指标表');
    expect(area.baseline?.confidence).toBe('seed');
    expect(area.target?.confidence).toBe('seed');
    const secretary = line(evaluation, '130000000000', 'secretaryDirectorConcurrency');
    expect([secretary.baseline?.value, secretary.target, secretary.status]).toEqual([
      75.93,
      undefined,
      'no-target',
    ]);
    // Beijing described 2024 only: no data for 2025 where a target is set, said in the reason.
    const beijing = line(evaluation, '110000000000', 'facilityAreaPer100Households');
    expect([beijing.actual, beijing.status, beijing.reason, beijing.numerator]).toEqual([
      null,
      'no-data',
      'no-rows-of-year',
      0,
    ]);
    expect(evaluation.warnings).toBeUndefined();
  });

  it('keeps the comparator of a baseline (≥ 98) and of a target (> 18) as the profile holds them', () => {
    const beijing = evaluatePlanPeriod(
      [
        {
          code: '110101001001',
          kind: 'community',
          inQuarterHourCircle: true,
          residents: 10_000,
          communityWorkers: 18,
        },
      ],
      { period: '14th', profile: 'beijing', asOf: '2026-01-01', year: 2025 },
    );
    expect(beijing.success).toBe(true);
    if (!beijing.success) return;
    const circle = line(beijing.data, '110000000000', 'quarterHourCircleCoverage');
    expect([circle.baseline?.comparator, circle.baseline?.value, circle.actual, circle.status]).toEqual([
      '>=',
      98,
      100,
      'met',
    ]);
    // 18 workers per 10 000 urban residents does not exceed 18: 超过18人 is not met.
    const workers = line(beijing.data, '110000000000', 'workersPer10kUrbanResidents');
    expect([workers.target?.comparator, workers.actual, workers.status]).toEqual(['>', 18, 'not-met']);
  });

  it('takes rows without a year as describing the year option (default the target year)', () => {
    const undated = ROWS_2025.map(({ year: _, ...row }) => row);
    expect(line(evaluated(undated), '130000000000', 'ruralFacilityCoverage').actual).toBe(50);
    // Told they describe 2024, they are not the 2025 actuals: every status with a target is no data, and an issue says so.
    const of2024 = evaluated(undated, { year: 2024 });
    expect(of2024.otherYears).toBe(3);
    expect(of2024.rows.every((row) => row.status === 'no-data' || row.status === 'no-target')).toBe(true);
    expect(of2024.rows.some((row) => row.status === 'no-data')).toBe(true);
    expect(of2024.warnings?.map((issue) => issue.code)).toEqual(['no_rows_for_year']);
  });

  it('warns that a period not ended by the as-of date is provisional', () => {
    const early = evaluated(ROWS_2025, { asOf: '2025-06-30' });
    expect(early.provisional).toBe(true);
    expect(early.warnings?.map((issue) => [issue.code, issue.severity])).toEqual([
      ['provisional_evaluation', 'warning'],
    ]);
    expect(early.warnings?.[0]?.message.zh).toContain('初步');
    // The statuses are the final ones all the same: never on-track or behind.
    expect(early.rows.map((row) => row.status)).not.toContain('behind');
  });

  it('evaluates by default the latest period ended by the as-of date', () => {
    const result = evaluatePlanPeriod(ROWS_2025, { profile: 'hebei', asOf: '2027-03-01' });
    expect(result.success && [result.data.period.id, result.data.provisional]).toEqual(['14th', false]);
    const fifteenth = evaluatePlanPeriod(ROWS_2025, { profile: 'hebei', period: '15th', asOf: '2031-01-01' });
    // No 十五五 target is held: every status is no-target (and there is no 2030 row).
    expect(fifteenth.success && new Set(fifteenth.data.rows.map((row) => row.status))).toEqual(
      new Set(['no-target']),
    );
  });

  it('reports bad options as issues, never throwing', () => {
    const codes = (options: unknown) => {
      const result = evaluatePlanPeriod(ROWS_2025, options as never);
      return result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path.join('.')]);
    };
    expect(codes({ period: '13th' })).toEqual([['invalid_option', 'period']]);
    expect(codes({ profile: 'shanghai' })).toEqual([['invalid_value', 'profile']]);
    expect(codes({ asOf: '2025-02-30' })[0]?.[0]).toBe('invalid_date');
    expect(codes({ year: 25 })).toEqual([['invalid_option', 'year']]);
    expect(codes({ regions: ['x'] })).toEqual([['invalid_option', 'regions']]);
    expect(codes({ groupBy: ['city'] })).toEqual([['invalid_option', 'groupBy']]);
    expect(codes('hebei')).toEqual([['invalid_option', 'options']]);
    const notIterable = evaluatePlanPeriod(42 as never, {});
    expect(notIterable.success).toBe(false);
  });

  it('lists a row with a bad year or that cannot be placed at its index in the input', () => {
    const rows = [ROW_2024, { code: 'x', kind: 'village', year: 2025 }, { ...ROWS_2025[0], year: 20250 }];
    const evaluation = evaluated(rows as never);
    expect(evaluation.skipped.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_value', [1]],
      ['invalid_value', [2, 'year']],
    ]);
  });

  it('keeps to the regions asked for and the levels asked for', () => {
    const evaluation = evaluated([...ROWS_2025, ROW_2024], {
      regions: ['13'],
      groupBy: ['province', 'county'],
    });
    expect([...new Set(evaluation.rows.map((row) => row.region))]).toEqual(['130000000000', '130123000000']);
  });
});

const YEARS = fc.constantFrom<number>(2023, 2024, 2025);
/** Rows of units in three counties of two provinces (so that regions gather several), each of one of three years. */
const rowsOverYears = fc.array(
  fc
    .tuple(unitStatisticsArbitrary(), fc.constantFrom('130123', '130104', '110101'), YEARS)
    .map(([row, county, year]): UnitStatistics => ({ ...row, code: county + row.code.slice(6), year })),
  { maxLength: 30 },
);

/** Whether a value meets a target, as the plan words it (written here apart from progress.ts). */
function satisfies(value: number, target: Target): boolean {
  switch (target.comparator) {
    case '>=':
      return value >= target.value;
    case '>':
      return value > target.value;
    case '<=':
      return value <= target.value;
    default:
      return value === target.value;
  }
}

describe('evaluatePlanPeriod: laws', () => {
  test.prop([rowsOverYears])('a status is met iff the actual satisfies the target', (rows) => {
    for (const row of evaluated(rows).rows) {
      if (row.target === undefined) expect(row.status).toBe('no-target');
      else if (row.actual === null) expect(row.status).toBe('no-data');
      else expect(row.status).toBe(satisfies(row.actual, row.target) ? 'met' : 'not-met');
    }
  });

  test.prop([rowsOverYears, fc.infiniteStream(fc.nat())])(
    'permuting the rows changes nothing',
    (rows, draws) => {
      const shuffled = [...rows];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = (draws.next().value as number) % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as UnitStatistics, shuffled[i] as UnitStatistics];
      }
      expect(evaluated(shuffled).rows).toEqual(evaluated(rows).rows);
    },
  );

  test.prop([rowsOverYears])('the actuals are the indicator table of the target year’s rows', (rows) => {
    const evaluation = evaluated(rows);
    const table = computeIndicatorTable(
      rows.filter((row) => row.year === 2025),
      { profile: 'hebei', period: '14th', groupBy: ['province', 'prefecture'] },
    );
    if (!table.success) throw new Error('expected a table');
    for (const row of table.data.rows) {
      const line_ = line(evaluation, row.region, row.indicator);
      expect([line_.actual, line_.numerator, line_.denominator, line_.missing]).toEqual([
        row.value,
        row.numerator,
        row.denominator,
        row.missing,
      ]);
      // The status is progress.ts's own, at the period's end.
      expect(line_.status).toBe(progressAgainst(row.value, row.target, row.baseline, '2025-12-31').status);
    }
    // Every profile indicator for every region, in table order.
    const perRegion = INDICATOR_PROFILES.hebei.indicators.length;
    expect(evaluation.rows.length % perRegion).toBe(0);
    // Every region of any year is there (two provinces and two cities at most).
    expect(evaluation.rows.length / perRegion).toBe(
      new Set(rows.map((row) => row.code.slice(0, 2))).size * 2,
    );
    if (rows.length > 0)
      expect(evaluation.rows.slice(0, perRegion).map((row) => row.serial)).toEqual(
        INDICATOR_PROFILES.hebei.indicators.map((_, i) => i + 1),
      );
  });
});

describe('evaluatePlanPeriod: a target set beyond the period', () => {
  it('is judged final all the same: not met, never behind', () => {
    const { periods: _, ...hebei } = INDICATOR_PROFILES.hebei;
    const profile = {
      ...hebei,
      id: 'late-target',
      indicators: hebei.indicators.map((entry) =>
        entry.target === undefined ? entry : { ...entry, target: { ...entry.target, year: 2027 } },
      ),
    };
    const result = evaluatePlanPeriod(ROWS_2025, { profile, period: '14th', asOf: '2026-06-30' });
    if (!result.success) throw new Error('expected an evaluation');
    const rural = line(result.data, '130000000000', 'ruralFacilityCoverage');
    expect([rural.actual, rural.status]).toEqual([50, 'not-met']);
    expect(new Set(result.data.rows.map((row) => row.status))).not.toContain('behind');
  });
});
