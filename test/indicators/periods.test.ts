import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  assessProgress,
  computeIndicatorTable,
  createIndicatorAccumulator,
  INDICATOR_PROFILES,
  indicatorProfileForPeriod,
  indicatorRowsFromParts,
  PLAN_PERIOD,
  PLAN_PERIODS,
  planPeriodAt,
  planPeriodById,
  planPeriodEndedBy,
} from '../../src/index.js';

const UNITS = [
  { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 },
  { code: '130123100202', kind: 'village', households: 200, hasFacility: false },
  { code: '130123001001', kind: 'community', households: 1000, hasFacility: true, facilityArea: 320 },
] as const;

const rowsAt = (options: Parameters<typeof computeIndicatorTable>[1]) => {
  const table = computeIndicatorTable(UNITS, { profile: 'hebei', groupBy: ['county'], ...options });
  if (!table.success) throw new Error('expected a table');
  return table.data;
};

describe('plan periods as data', () => {
  it('are the 十四五 and the 十五五, five years each, back to back, baseline the year before', () => {
    expect(PLAN_PERIODS.map((p) => [p.id, p.firstYear, p.lastYear, p.baselineYear, p.targetYear])).toEqual([
      ['14th', 2021, 2025, 2020, 2025],
      ['15th', 2026, 2030, 2025, 2030],
    ]);
    expect(PLAN_PERIODS[0].end).toBe('2025-12-31');
    expect(PLAN_PERIODS[1].start).toBe('2026-01-01');
    // The deprecated constant is the 十四五 entry.
    expect(PLAN_PERIOD).toMatchObject({ start: PLAN_PERIODS[0].start, end: PLAN_PERIODS[0].end });
    expect(PLAN_PERIODS[0].documents.map((d) => d.seed).filter(Boolean)).toEqual(['seed 002', 'seed 000']);
    // No 十五五 plan text is held: no document is claimed.
    expect(PLAN_PERIODS[1].documents).toEqual([]);
    expect(planPeriodById('16th')).toBeUndefined();
    expect(planPeriodById('__proto__')).toBeUndefined();
  });

  it('a date chooses its period at the boundaries', () => {
    expect(planPeriodAt('2021-01-01')?.id).toBe('14th');
    expect(planPeriodAt('2025-12-31')?.id).toBe('14th');
    expect(planPeriodAt('2026-01-01')?.id).toBe('15th');
    expect(planPeriodAt('2030-12-31')?.id).toBe('15th');
    expect(planPeriodAt('2031-01-01')).toBeUndefined();
    expect(planPeriodAt('2020-12-31')).toBeUndefined();
    expect(planPeriodAt(20260101)).toBeUndefined();
  });

  test.prop([
    fc.date({
      min: new Date('2021-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  ])('every date of 2021–2030 lies in exactly one period, the one whose years hold its year', (date) => {
    const iso = date.toISOString().slice(0, 10);
    const year = Number(iso.slice(0, 4));
    const holding = PLAN_PERIODS.filter((p) => iso >= p.start && iso <= p.end);
    expect(holding).toHaveLength(1);
    expect(planPeriodAt(iso)).toBe(holding[0]);
    expect(year).toBeGreaterThanOrEqual(holding[0]?.firstYear ?? 0);
    expect(year).toBeLessThanOrEqual(holding[0]?.lastYear ?? 0);
  });
});

describe('the as-of date chooses the period', () => {
  it('2025-12-31 is judged against the 十四五 targets', () => {
    const table = rowsAt({ asOf: '2025-12-31' });
    expect(table.period).toBe('14th');
    const area = table.rows.find((row) => row.indicator === 'facilityAreaPer100Households');
    // (100 + 320) m² / 1 500 households × 100 = 28 m², short of ≥ 30 at the deadline.
    expect(area).toMatchObject({ value: 28, target: { value: 30, year: 2025 }, status: 'not-met', gap: 2 });
  });

  it('2026-01-01 is in the 十五五: no built-in target, so every status is no-target', () => {
    const table = rowsAt({ asOf: '2026-01-01' });
    expect(table.period).toBe('15th');
    expect(table.rows.length).toBe(18);
    for (const row of table.rows) {
      expect(row.status).toBe('no-target');
      expect(row.target).toBeUndefined();
      expect(row.baseline).toBeUndefined();
      expect(row.expected).toBeNull();
    }
    // The values themselves do not depend on the period.
    expect(table.rows.map((row) => row.value)).toEqual(
      rowsAt({ asOf: '2025-12-31' }).rows.map((r) => r.value),
    );
  });

  it('2031-01-01 lies after every known period: no period, no targets', () => {
    const table = rowsAt({ asOf: '2031-01-01' });
    expect(table.period).toBeUndefined();
    expect(new Set(table.rows.map((row) => row.status))).toEqual(new Set(['no-target']));
  });

  it('a date before the 十四五 is judged against its targets, as before periods were data', () => {
    const table = rowsAt({ asOf: '2020-06-30' });
    expect(table.period).toBe('14th');
    expect(table.rows.find((row) => row.indicator === 'facilityAreaPer100Households')?.target?.value).toBe(
      30,
    );
  });
});

describe('an explicit period: the 十四五 final evaluation', () => {
  it('period 14th without a date is judged at the end of 2025', () => {
    const evaluation = rowsAt({ period: '14th' });
    expect(evaluation.asOf).toBe('2025-12-31');
    expect(evaluation.period).toBe('14th');
    expect(evaluation.rows).toEqual(rowsAt({ asOf: '2025-12-31' }).rows);
  });

  it('period 14th with a 十五五 date keeps the 十四五 targets', () => {
    const late = rowsAt({ period: '14th', asOf: '2026-11-15' });
    expect(late.period).toBe('14th');
    const area = late.rows.find((row) => row.indicator === 'facilityAreaPer100Households');
    expect(area).toMatchObject({ target: { value: 30 }, status: 'not-met', asOf: '2026-11-15' });
  });

  it('period 15th gives no-target; an unknown period is an invalid_option issue', () => {
    expect(new Set(rowsAt({ period: '15th' }).rows.map((row) => row.status))).toEqual(new Set(['no-target']));
    expect(rowsAt({ period: '15th' }).asOf).toBe('2030-12-31');
    const bad = computeIndicatorTable(UNITS, { period: '13th' });
    expect(bad.success).toBe(false);
    expect(!bad.success && bad.error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_option', ['period']],
    ]);
  });

  it('the accumulator, parts and assessProgress take the same option', () => {
    const accumulator = createIndicatorAccumulator({ profile: 'hebei' });
    for (const unit of UNITS) accumulator.add(unit);
    const fromAccumulator = [...accumulator.rows({ groupBy: ['county'], period: '14th' })];
    expect(fromAccumulator).toEqual(rowsAt({ period: '14th' }).rows);
    const fromParts = indicatorRowsFromParts(accumulator.parts(), {
      profile: 'hebei',
      groupBy: ['county'],
      asOf: '2026-03-01',
    });
    expect(new Set(fromParts.map((row) => row.status))).toEqual(new Set(['no-target']));
    const progress = (options: { asOf?: string; period?: string }) =>
      assessProgress({
        indicator: 'facilityAreaPer100Households',
        value: 26.1,
        profile: 'hebei',
        ...options,
      });
    expect(progress({ asOf: '2026-06-30' })).toEqual({
      success: true,
      data: { status: 'no-target', asOf: '2026-06-30', expected: null, gap: null },
    });
    expect(progress({ period: '14th' })).toEqual({
      success: true,
      data: { status: 'not-met', asOf: '2025-12-31', expected: 30, gap: 3.9 },
    });
    expect(progress({ period: 'x' }).success).toBe(false);
  });
});

describe('the default date is today in China', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('in November 2026 today selects the 十五五, so without targets every status is no-target', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-15T04:00:00Z'));
    const table = rowsAt({});
    expect(table.asOf).toBe('2026-11-15');
    expect(table.period).toBe('15th');
    expect(new Set(table.rows.map((row) => row.status))).toEqual(new Set(['no-target']));
  });
});

describe('indicatorProfileForPeriod', () => {
  it('shows one period and can be shown again in another without loss', () => {
    const hebei = INDICATOR_PROFILES.hebei;
    const fifteenth = indicatorProfileForPeriod(hebei, '15th');
    expect(fifteenth.indicators.every((entry) => entry.target === undefined)).toBe(true);
    const back = indicatorProfileForPeriod(fifteenth, '14th');
    expect(back.indicators).toEqual(hebei.indicators);
    expect(indicatorProfileForPeriod(hebei, undefined).indicators.every((e) => e.target === undefined)).toBe(
      true,
    );
    // A caller's profile without `periods`: its own figures are the 十四五's, and no other period has any.
    const own = { id: 'own', name: hebei.name, indicators: hebei.indicators };
    expect(indicatorProfileForPeriod(own, '14th').indicators).toEqual(hebei.indicators);
    expect(indicatorProfileForPeriod(own, '15th').indicators.some((e) => e.target !== undefined)).toBe(false);
  });

  it('the built-in profiles hold no 十五五 figure', () => {
    for (const profile of Object.values(INDICATOR_PROFILES)) {
      expect(profile.periods?.['15th']).toEqual({ baselines: {}, targets: {} });
      const fourteenth = profile.periods?.['14th'];
      for (const entry of profile.indicators) {
        expect(fourteenth?.targets?.[entry.indicator.id]).toBe(entry.target);
        expect(fourteenth?.baselines?.[entry.indicator.id]).toBe(entry.baseline);
      }
    }
  });
});

describe('a caller profile with figures by period', () => {
  it('is refused when a period holds something that is not a baseline or a target', () => {
    const hebei = INDICATOR_PROFILES.hebei;
    const bad = {
      ...hebei,
      periods: { '15th': { targets: { facilityAreaPer100Households: { value: 'x' } } } },
    };
    const table = computeIndicatorTable(UNITS, { profile: bad as never, asOf: '2026-06-30' });
    expect(table.success).toBe(false);
    const good = {
      ...hebei,
      periods: {
        ...hebei.periods,
        '15th': {
          targets: {
            facilityAreaPer100Households: {
              comparator: '>=',
              value: 35,
              year: 2030,
              confidence: 'seed',
              source: 's',
            },
          },
        },
      },
    } as const;
    const rows = rowsAt({ profile: good, asOf: '2026-06-30' }).rows;
    expect(rows.find((row) => row.indicator === 'facilityAreaPer100Households')).toMatchObject({
      target: { value: 35 },
      status: 'not-met', // no 十五五 baseline: no line to be on track against
    });
  });
});

describe('planPeriodEndedBy', () => {
  it('is the latest period ended by the date (worked by hand), none before the first has ended', () => {
    expect(planPeriodEndedBy('2025-12-30')).toBeUndefined();
    expect(planPeriodEndedBy('2025-12-31')?.id).toBe('14th');
    expect(planPeriodEndedBy('2030-12-31')?.id).toBe('15th');
    expect(planPeriodEndedBy('2025-13-01x')).toBeUndefined();
    expect(planPeriodEndedBy(20251231)).toBeUndefined();
  });

  test.prop([fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })])(
    'has ended by the date, and no period ending later has',
    (when) => {
      const date = when.toISOString().slice(0, 10);
      const ended = planPeriodEndedBy(date);
      if (ended !== undefined) expect(ended.end <= date).toBe(true);
      const later = PLAN_PERIODS.filter((p) => p.end <= date && p.end > (ended?.end ?? ''));
      expect(later).toEqual([]);
    },
  );
});
