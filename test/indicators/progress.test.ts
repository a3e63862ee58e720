import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { assessProgress, type Baseline, progressAgainst, type Target } from '../../src/index.js';

const target = (comparator: Target['comparator'], value: number): Target => ({
  comparator,
  value,
  year: 2025,
  confidence: 'seed',
  source: 's',
});
const baseline = (value: number): Baseline => ({ year: 2020, value, confidence: 'seed', source: 's' });

describe('progressAgainst', () => {
  it('draws the straight line from the end of 2020 to the end of 2025', () => {
    // 2023-06-30 is 911 of 1 826 days past 2020-12-31: 23.6 + 6.4 × 911 / 1826 = 26.793… → 26.79
    expect(progressAgainst(26.1, target('>=', 30), baseline(23.6), '2023-06-30')).toEqual({
      status: 'behind',
      asOf: '2023-06-30',
      expected: 26.79,
      gap: 3.9,
    });
    expect(progressAgainst(27, target('>=', 30), baseline(23.6), '2023-06-30').status).toBe('on-track');
    expect(progressAgainst(23.6, target('>=', 30), baseline(23.6), '2020-12-31')).toMatchObject({
      status: 'on-track',
      expected: 23.6,
    });
    // After the target date, short of the target is not met (issue 14: it said 'behind' before).
    expect(progressAgainst(29, target('>=', 30), baseline(23.6), '2026-06-30')).toMatchObject({
      status: 'not-met',
      expected: 30,
    });
  });

  it('says met, not-met, no-target and no-data', () => {
    expect(progressAgainst(30, target('>=', 30), undefined, '2024-01-01')).toMatchObject({
      status: 'met',
      gap: 0,
    });
    expect(progressAgainst(29.9, target('>=', 30), undefined, '2024-01-01')).toMatchObject({
      status: 'not-met',
      expected: null,
    });
    expect(progressAgainst(12, undefined, baseline(10), '2024-01-01')).toEqual({
      status: 'no-target',
      asOf: '2024-01-01',
      expected: null,
      gap: null,
    });
    expect(progressAgainst(null, target('=', 100), baseline(100), '2024-01-01')).toMatchObject({
      status: 'no-data',
      expected: 100,
    });
    expect(progressAgainst(100, target('=', 100), undefined, '2024-01-01').status).toBe('met');
    expect(progressAgainst(99.9, target('=', 100), baseline(100), '2024-01-01').status).toBe('behind');
  });

  it('handles targets to stay below', () => {
    expect(progressAgainst(8, target('<=', 10), baseline(20), '2023-01-01')).toMatchObject({
      status: 'met',
      gap: -2,
    });
    // 2023-01-01: 731 of 1 826 days → 20 − 10 × 0.4003… = 16.00 → 15 is on track, 17 behind
    expect(progressAgainst(15, target('<=', 10), baseline(20), '2023-01-01').status).toBe('on-track');
    expect(progressAgainst(17, target('<=', 10), baseline(20), '2023-01-01')).toMatchObject({
      status: 'behind',
      gap: 7,
    });
  });

  test.prop([
    fc.double({ min: 0, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 100, noNaN: true }),
    fc.date({
      min: new Date('2020-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  ])(
    'the expected value lies between baseline and target, and met means the comparator holds',
    (start, goal, date) => {
      const asOf = date.toISOString().slice(0, 10);
      const progress = progressAgainst(start, target('>=', goal), baseline(start), asOf);
      const low = Math.min(start, goal) - 0.01;
      const high = Math.max(start, goal) + 0.01;
      expect(progress.expected).toBeGreaterThanOrEqual(low);
      expect(progress.expected).toBeLessThanOrEqual(high);
      expect(progress.status === 'met').toBe(start >= goal);
    },
  );
});

describe('assessProgress', () => {
  it('looks up the profile’s baseline and target', () => {
    expect(
      assessProgress({
        indicator: 'facilityAreaPer100Households',
        value: 26.1,
        profile: 'hebei',
        asOf: '2023-06-30',
      }),
    ).toEqual({
      success: true,
      data: { status: 'behind', asOf: '2023-06-30', expected: 26.79, gap: 3.9 },
    });
    expect(
      assessProgress({ indicator: 'facilityAreaPer100Households', value: 26.1, asOf: '2023-06-30' }),
    ).toMatchObject({
      data: { status: 'not-met', expected: null },
    });
    expect(assessProgress({ indicator: 'unknown', value: 1, asOf: '2023-06-30' })).toMatchObject({
      data: { status: 'no-target' },
    });
    expect(
      assessProgress({ indicator: 'communityHomes', value: 700, profile: 'beijing', asOf: '2023-06-30' }),
    ).toMatchObject({
      data: { status: 'no-target' },
    });
  });

  it('reports a bad date and defaults to today in China', () => {
    expect(assessProgress({ indicator: 'x', value: 1, asOf: '2023-02-30' }).success).toBe(false);
    const today = assessProgress({ indicator: 'x', value: 1 });
    expect(today.success && today.data.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('status words at the deadline (issue 14, 8)', () => {
  const RANK = { met: 0, 'on-track': 1, behind: 2, 'not-met': 3 } as Record<string, number>;

  it('on 2025-12-31 a value short of its target is not met, with or without a baseline', () => {
    // The two regions: 90.9 % with a baseline used to be 'behind', 97 % without one 'not-met'.
    expect(progressAgainst(90.9, target('=', 100), baseline(100), '2025-12-31').status).toBe('not-met');
    expect(progressAgainst(97, target('=', 100), undefined, '2025-12-31').status).toBe('not-met');
    expect(progressAgainst(100, target('=', 100), baseline(100), '2025-12-31').status).toBe('met');
    // The day before, the trajectory still speaks.
    expect(progressAgainst(29.99, target('>=', 30), baseline(23.6), '2025-12-30').status).toBe('behind');
  });

  it("'>' (超过) is not met at the figure itself, met just above it", () => {
    expect(progressAgainst(18, target('>', 18), undefined, '2025-12-31')).toMatchObject({
      status: 'not-met',
      gap: 0,
    });
    expect(progressAgainst(18.1, target('>', 18), undefined, '2025-12-31').status).toBe('met');
    expect(progressAgainst(18, target('>=', 18), undefined, '2025-12-31').status).toBe('met');
    expect(progressAgainst(18, target('>', 18), baseline(14), '2023-06-30').status).toBe('on-track');
  });

  test.prop([
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1000 }),
    fc.integer({ min: 0, max: 1000 }),
    fc.constantFrom('>=', '>', '=') as fc.Arbitrary<Target['comparator']>,
    fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    fc.date({
      min: new Date('2021-01-01T00:00:00Z'),
      max: new Date('2030-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
  ])('a lower value never gets a milder word (higher is better)', (a, b, goal, comparator, base, date) => {
    const asOf = date.toISOString().slice(0, 10);
    const [low, high] = a <= b ? [a / 10, b / 10] : [b / 10, a / 10];
    const line = base === undefined ? undefined : baseline(Math.min(base, goal) / 10);
    const t = target(comparator, goal / 10);
    const lowStatus = progressAgainst(low, t, line, asOf).status;
    const highStatus = progressAgainst(high, t, line, asOf).status;
    if (comparator !== '=') expect(RANK[lowStatus]).toBeGreaterThanOrEqual(RANK[highStatus] as number);
    if (asOf >= '2025-12-31') expect(['met', 'not-met']).toContain(lowStatus);
  });
});
