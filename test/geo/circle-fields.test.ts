import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  BEIJING_CONVENIENCE_OUTLETS,
  circleFields,
  circleStatisticsPatches,
  computeServiceCircles,
  type ServiceCircles,
  type UnitCircleVerdict,
  unitCircleVerdicts,
} from '../../src/geo/index.js';
import { computeIndicatorTable } from '../../src/index.js';

const home = { lng: 116.4, lat: 39.9, crs: 'wgs84' } as const;
const circlesOf = (options: Parameters<typeof computeServiceCircles>[2]): ServiceCircles => {
  const result = computeServiceCircles([home], [], options);
  if (!result.success) throw new Error('expected success');
  return result.data;
};
const SIX = BEIJING_CONVENIENCE_OUTLETS.kinds.map(({ kind }) => kind);

describe('circleFields: which statistics fields a computation stands for', () => {
  it('the default (15 minutes, the six basic outlets) fills both fields', () => {
    expect(circleFields(circlesOf({}))).toEqual(['inQuarterHourCircle', 'basicCommerce']);
  });

  it('fewer kinds: only the 15-minute circle field; the six plus others: both', () => {
    expect(circleFields(circlesOf({ requiredKinds: ['早餐', '家政'] }))).toEqual(['inQuarterHourCircle']);
    expect(circleFields(circlesOf({ requiredKinds: [...SIX, '养老服务'] }))).toEqual([
      'inQuarterHourCircle',
      'basicCommerce',
    ]);
    // the words of the data name the same kinds through the profile's aliases
    expect(circleFields(circlesOf({ requiredKinds: [...SIX.slice(0, 5), '家政服务'] }))).toHaveLength(
      circleFields(circlesOf({})).length,
    );
  });

  it('a 5- or 10-minute circle, or a walk beyond 1 000 m, fills neither', () => {
    expect(circleFields(circlesOf({ minutes: 10 }))).toEqual([]);
    expect(circleFields(circlesOf({ minutes: 5 }))).toEqual([]);
    expect(circleFields(circlesOf({ walkingMetres: 1000 }))).toHaveLength(2);
    expect(circleFields(circlesOf({ walkingMetres: 1200 }))).toEqual([]);
  });
});

describe('circleStatisticsPatches with fields', () => {
  const verdict = (unit: string, covered: number, households: number): UnitCircleVerdict => ({
    unit,
    verdict: covered === households ? 'covered' : covered === 0 ? 'not' : 'partly',
    households,
    coveredHouseholds: covered,
    coveredShare: households > 0 ? covered / households : 0,
    points: 1,
    coveredPoints: covered > 0 ? 1 : 0,
    unweightedPoints: 0,
  });

  it('fills basicCommerce beside inQuarterHourCircle, and basicCommerceCoverage rolls up: 1 of 2', () => {
    const verdicts = [verdict('110101006003', 100, 100), verdict('110101006006', 60, 100)];
    const patches = circleStatisticsPatches(verdicts, { fields: ['inQuarterHourCircle', 'basicCommerce'] });
    expect(patches).toEqual([
      { code: '110101006003', inQuarterHourCircle: true, basicCommerce: true },
      { code: '110101006006', inQuarterHourCircle: false, basicCommerce: false },
    ]);
    expect(circleStatisticsPatches(verdicts, { fields: ['basicCommerce'] })[0]).toEqual({
      code: '110101006003',
      basicCommerce: true,
    });
    const table = computeIndicatorTable(
      patches.map((patch) => ({ kind: 'community' as const, ...patch })),
      { profile: 'beijing', asOf: '2025-12-31' },
    );
    if (!table.success) throw new Error('expected success');
    const row = table.data.rows.find(
      (r) => r.indicator === 'basicCommerceCoverage' && r.level === 'province',
    );
    expect(row).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });

  it('no fields, or only unknown names: patches with the code alone', () => {
    const verdicts = [verdict('110101006003', 1, 1)];
    expect(circleStatisticsPatches(verdicts, { fields: [] })).toEqual([{ code: '110101006003' }]);
    expect(
      circleStatisticsPatches(verdicts, { fields: ['inQuarterHourCircles' as 'inQuarterHourCircle'] }),
    ).toEqual([{ code: '110101006003' }]);
  });

  // Both fields say the same thing of a unit, and the default equals asking for inQuarterHourCircle alone.
  test.prop([
    fc.array(
      fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })).map(([a, b]) => ({
        covered: Math.min(a, b),
        households: Math.max(a, b),
      })),
      { maxLength: 20 },
    ),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ])('both fields agree, and the default is inQuarterHourCircle alone', (units, minCoveredShare) => {
    const verdicts = units.map((u, i) =>
      verdict(`1101010060${String(i).padStart(2, '0')}`, u.covered, u.households),
    );
    const both = circleStatisticsPatches(verdicts, {
      minCoveredShare,
      fields: ['basicCommerce', 'inQuarterHourCircle'],
    });
    for (const patch of both) expect(patch.basicCommerce).toBe(patch.inQuarterHourCircle);
    expect(circleStatisticsPatches(verdicts, { minCoveredShare })).toEqual(
      both.map(({ code, inQuarterHourCircle }) => ({ code, inQuarterHourCircle })),
    );
  });

  it('from a computation to patches: the default circles fill both fields with the covered verdict', () => {
    const circles = computeServiceCircles(
      [{ ...home, unit: '110101006003', households: 10 }],
      SIX.map((kind) => ({ ...home, lng: 116.401, kind })),
    );
    if (!circles.success) throw new Error('expected success');
    const verdicts = unitCircleVerdicts(circles.data, [{ ...home, unit: '110101006003', households: 10 }]);
    if (!verdicts.success) throw new Error('expected success');
    expect(circleStatisticsPatches(verdicts.data, { fields: circleFields(circles.data) })).toEqual([
      { code: '110101006003', inQuarterHourCircle: true, basicCommerce: true },
    ]);
  });
});
