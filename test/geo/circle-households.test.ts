// Households are whole numbers, and their sums are exact: a count that is not a whole number from 0 to 2^53 − 1 is
// never summed as it stands (0.1 + 0.2 households made 0.30000000000000004), and a unit whose sum would pass 2^53 − 1
// (where a double no longer holds every integer) is refused with an issue, never rounded.

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import {
  type ResidentialPoint,
  readResidentialPoints,
  type ServiceCircles,
  type UnitCircleVerdict,
  unitCircleVerdicts,
} from '../../src/geo/index.js';

/** A result of computeServiceCircles for `covered` points: unitCircleVerdicts reads its count and coverage. */
const circlesOf = (covered: readonly boolean[]): ServiceCircles =>
  ({
    count: covered.length,
    covered: Uint8Array.from(covered, (c) => (c ? 1 : 0)),
  }) as unknown as ServiceCircles;

const home = (unit: string, households?: unknown): ResidentialPoint =>
  ({
    lng: 116.4,
    lat: 39.9,
    crs: 'wgs84',
    unit,
    ...(households === undefined ? {} : { households }),
  }) as ResidentialPoint;

const MAX = Number.MAX_SAFE_INTEGER;

describe('unitCircleVerdicts: households', () => {
  it('worked by hand: 0.1 and 0.2 households are no counts — each point weighs 1, with a warning at its path', () => {
    const result = unitCircleVerdicts(circlesOf([true, false]), [
      home('110101001001', 0.1),
      home('110101001001', 0.2),
    ]);
    expect(result.success && result.data).toEqual([
      {
        unit: '110101001001',
        verdict: 'partly',
        households: 2,
        coveredHouseholds: 1,
        coveredShare: 0.5,
        points: 2,
        coveredPoints: 1,
        unweightedPoints: 2,
      },
    ]);
    const warnings = result.success ? (result.warnings ?? []) : [];
    expect(warnings.map((issue) => [issue.code, issue.severity, issue.path, issue.value])).toEqual([
      ['invalid_value', 'warning', ['residential', 0, 'households'], '0.1'],
      ['invalid_value', 'warning', ['residential', 1, 'households'], '0.2'],
    ]);
    for (const issue of warnings) {
      expect(issue.message.zh).toContain('户数应为不小于 0 的整数');
      expect(issue.message.en).toContain('whole number');
    }
  });

  it('worked by hand: a sum past 2^53 − 1 is refused with an issue at the point that crosses it, never rounded', () => {
    const homes = [home('110101001001', MAX), home('110101001002', MAX), home('110101001001', 1)];
    const result = unitCircleVerdicts(circlesOf([true, true, true]), homes);
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_value', ['residential', 2, 'households']],
    ]);
    expect(issues[0]?.message.zh).toContain('110101001001');
    // Up to 2^53 − 1 exactly: kept.
    const most = unitCircleVerdicts(circlesOf([true, false]), [
      home('110101001001', MAX - 1),
      home('110101001001', 1),
    ]);
    expect(most.success && most.data[0]).toMatchObject({ households: MAX, coveredHouseholds: MAX - 1 });
  });

  // Households of any kind: whole counts (small and near 2^53), fractions, negatives, non-numbers, none.
  const households = fc.oneof(
    fc.nat({ max: 1000 }),
    fc.integer({ min: MAX - 2000, max: MAX }),
    fc.maxSafeNat(),
    fc.double({ noNaN: false }),
    fc.constantFrom(undefined, null, '12', -1, 0.5, Infinity),
  );
  const points = fc.array(
    fc.record({
      unit: fc.constantFrom('110101001001', '110101001002', '110101001003'),
      households,
      covered: fc.boolean(),
    }),
    { maxLength: 12 },
  );
  const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

  /** The verdicts worked out again in BigInt (exact whatever the size), or the point where a sum passes 2^53 − 1. */
  function expected(list: readonly { unit: string; households: unknown; covered: boolean }[]) {
    const sums = new Map<
      string,
      { households: bigint; covered: bigint; points: number; unweighted: number }
    >();
    for (const [i, point] of list.entries()) {
      const sum = sums.get(point.unit) ?? { households: 0n, covered: 0n, points: 0, unweighted: 0 };
      sums.set(point.unit, sum);
      const weight = isCount(point.households) ? BigInt(point.households) : 1n;
      sum.households += weight;
      if (point.covered) sum.covered += weight;
      sum.points++;
      if (!isCount(point.households)) sum.unweighted++;
      if (sum.households > BigInt(MAX)) return { crossedAt: i };
    }
    return { sums };
  }

  test.prop([points])(
    'sums are exact: each verdict is the BigInt sum of its points, or a sum too large is an issue',
    (list) => {
      const result = unitCircleVerdicts(
        circlesOf(list.map((p) => p.covered)),
        list.map((p) => home(p.unit, p.households)),
      );
      const want = expected(list);
      if ('crossedAt' in want) {
        expect(result.success).toBe(false);
        expect(result.success ? [] : result.error.issues.map((issue: Issue) => issue.path)).toEqual([
          ['residential', want.crossedAt, 'households'],
        ]);
        return;
      }
      expect(result.success).toBe(true);
      if (!result.success) return;
      expect(result.data.map((v) => v.unit)).toEqual([...want.sums.keys()]);
      for (const verdict of result.data) {
        const sum = want.sums.get(verdict.unit);
        expect([
          verdict.households,
          verdict.coveredHouseholds,
          verdict.points,
          verdict.unweightedPoints,
        ]).toEqual([Number(sum?.households), Number(sum?.covered), sum?.points, sum?.unweighted]);
        expect(Number.isSafeInteger(verdict.households)).toBe(true);
      }
      // One warning for each count given that is no count; a point without one weighs 1 without a word, as documented.
      const given = list.filter((p) => p.households !== undefined && !isCount(p.households)).length;
      expect(result.warnings ?? []).toHaveLength(given);
    },
  );

  test.prop([points, fc.infiniteStream(fc.nat())])(
    'order does not matter: the points shuffled give the same verdict for each unit',
    (list, randoms) => {
      const order = list.map((_, i) => i);
      const draws = randoms.take(order.length);
      for (const [i, r] of [...draws].entries()) {
        const j = i + (r % (order.length - i));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      const shuffled = order.map((i) => list[i] as (typeof list)[number]);
      const verdictsOf = (l: typeof list) => {
        const result = unitCircleVerdicts(
          circlesOf(l.map((p) => p.covered)),
          l.map((p) => home(p.unit, p.households)),
        );
        return result.success ? new Map(result.data.map((v) => [v.unit, v])) : 'refused';
      };
      const before = verdictsOf(list);
      const after = verdictsOf(shuffled);
      // A sum past 2^53 − 1 is refused in any order (the issue names the point where it was crossed).
      if (before === 'refused' || after === 'refused') expect(after).toBe(before);
      else expect(after).toEqual(before);
    },
  );

  test.prop([points, fc.nat()])(
    'the parts add up to the whole: verdicts of a split list sum to those of the list',
    (list, at) => {
      const cut = list.length === 0 ? 0 : at % (list.length + 1);
      const run = (l: typeof list) =>
        unitCircleVerdicts(
          circlesOf(l.map((p) => p.covered)),
          l.map((p) => home(p.unit, p.households)),
        );
      const whole = run(list);
      const parts = [run(list.slice(0, cut)), run(list.slice(cut))];
      if (!whole.success || parts.some((part) => !part.success)) return; // sums too large: the property above
      const added = new Map<string, number[]>();
      for (const part of parts)
        for (const v of part.success ? part.data : []) {
          const sum = added.get(v.unit) ?? [0, 0, 0, 0, 0];
          const values = [v.households, v.coveredHouseholds, v.points, v.coveredPoints, v.unweightedPoints];
          added.set(
            v.unit,
            sum.map((n, k) => n + (values[k] as number)),
          );
        }
      const of = (v: UnitCircleVerdict) => [
        v.households,
        v.coveredHouseholds,
        v.points,
        v.coveredPoints,
        v.unweightedPoints,
      ];
      expect(new Map(whole.data.map((v) => [v.unit, of(v)]))).toEqual(added);
    },
  );
});

describe('readResidentialPoints: 户数 and 人口 are whole numbers', () => {
  it('worked by hand: a fraction, a count past 2^53 − 1 and 1e20 are rejected with their column, value and reason', () => {
    const read = readResidentialPoints(
      '经度,纬度,户数,人口\n116.4,39.9,0.1,1\n116.4,39.9,9007199254740993,1\n116.4,39.9,2,1e20\n116.4,39.9,9007199254740991,7\n',
      { crs: 'wgs84' },
    );
    expect(
      read.rejected.map((r) => [r.line, r.issues.map((i) => [i.code, i.path, i.column, i.value])]),
    ).toEqual([
      [2, [['invalid_value', ['households'], '户数', '0.1']]],
      [3, [['invalid_value', ['households'], '户数', '9007199254740993']]],
      [4, [['invalid_value', ['residents'], '人口', '1e20']]],
    ]);
    expect(read.rejected[0]?.issues[0]?.message).toEqual({
      zh: '应为不小于 0 的整数（不超过 9007199254740991）',
      en: 'Must be a whole number from 0 to 9007199254740991',
    });
    expect(read.points.map((p) => [p.households, p.residents])).toEqual([[MAX, 7]]);
    expect(read.counts).toMatchObject({ read: 4, accepted: 1, rejected: 3 });
  });
});
