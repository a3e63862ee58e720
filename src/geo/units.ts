import { guarded, guardedValue } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, ShequError, success } from '../core/result.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { ResidentialPoint, ServiceCircles } from './circle-types.js';
import { type Crs, convertCoordinates, isCrs } from './crs.js';
import { isWholeCount, MOST_HOUSEHOLDS, notACountIssue, tooManyHouseholdsIssue } from './household-count.js';
import { BEIJING_CONVENIENCE_OUTLETS, LIFE_CIRCLES } from './life-circles.js';

/**
 * The verdict of one unit (community or village): how much of its households live within reach of every required
 * kind.
 *
 * @example
 * ```ts
 * import type { UnitCircleVerdict } from 'shequ/geo';
 * const verdict: UnitCircleVerdict = {
 *   unit: '110101001001', verdict: 'partly', households: 1200, coveredHouseholds: 800, coveredShare: 0.667,
 *   points: 3, coveredPoints: 2, unweightedPoints: 0,
 * };
 * ```
 */
export interface UnitCircleVerdict {
  /** The unit's 12-digit code. */
  readonly unit: string;
  /** `covered`: every household within reach; `not`: none; `partly`: some. */
  readonly verdict: 'covered' | 'partly' | 'not';
  /** Households of its residential points, summed exactly (a point without a whole count weighs 1). */
  readonly households: number;
  /** Households within reach of every required kind. */
  readonly coveredHouseholds: number;
  /** coveredHouseholds ÷ households (0 when households is 0). */
  readonly coveredShare: number;
  /** Residential points of the unit. */
  readonly points: number;
  /** Of which covered. */
  readonly coveredPoints: number;
  /** Points without a household count, or with one that is no whole number from 0 to 2^53 − 1 (each weighed 1). */
  readonly unweightedPoints: number;
}

function sameLength(circles: ServiceCircles, residential: readonly ResidentialPoint[]): void {
  if (!Array.isArray(residential) || residential.length !== circles?.count)
    throw new ShequError([
      createIssue(
        'invalid_value',
        {
          zh: '居住点应与计算服务圈时的居住点相同（数量不符）',
          en: 'The residential points must be those the circles were computed for (the counts differ)',
        },
        { path: ['residential'] },
      ),
    ]);
}

/**
 * Per unit, a covered / partly / not verdict weighted by households: the points of each 12-digit unit code are
 * summed; points without a unit code are left out (count them with {@link uncoveredResidential}). Households are
 * whole numbers and their sums exact: a point whose count is no whole number from 0 to 2^53 − 1 (`0.5`, `-1`,
 * `'12'`) weighs 1, as one without a count does, with an `invalid_value` warning at its path; a unit whose households
 * would add up past 2^53 − 1 is refused with an `invalid_value` issue at the point that crosses it, never rounded.
 *
 * @param circles - a result of `computeServiceCircles`
 * @param residential - the residential points it was computed for (same order)
 * @returns the verdicts in order of first appearance (with the warnings), or the issue when the points do not match
 *   the result or a unit's households are too many to sum exactly
 *
 * @example
 * ```ts
 * import { computeServiceCircles, unitCircleVerdicts } from 'shequ/geo';
 * const homes = [
 *   { lng: 116.4, lat: 39.9, crs: 'wgs84', unit: '110101001001', households: 300 },
 *   { lng: 116.5, lat: 39.9, crs: 'wgs84', unit: '110101001001', households: 100 },
 * ] as const;
 * const circles = computeServiceCircles(homes, [{ lng: 116.401, lat: 39.9, crs: 'wgs84', kind: '早餐' }], { requiredKinds: ['早餐'] });
 * if (circles.success) unitCircleVerdicts(circles.data, homes);
 * //=> { success: true, data: [{ unit: '110101001001', verdict: 'partly', households: 400, coveredHouseholds: 300,
 * //     coveredShare: 0.75, points: 2, coveredPoints: 1, unweightedPoints: 0 }] }
 * ```
 */
export function unitCircleVerdicts(
  circles: ServiceCircles,
  residential: readonly ResidentialPoint[],
): Result<UnitCircleVerdict[]> {
  return guarded(() => {
    sameLength(circles, residential);
    const sums = new Map<string, UnitSum>();
    const warnings: Issue[] = [];
    for (let i = 0; i < residential.length; i++) {
      const point = residential[i];
      const unit = point?.unit;
      if (typeof unit !== 'string' || unit === '') continue;
      let sum = sums.get(unit);
      if (sum === undefined) {
        sum = { households: 0, covered: 0, points: 0, coveredPoints: 0, unweighted: 0 };
        sums.set(unit, sum);
      }
      const households = point?.households;
      const counted = isWholeCount(households);
      if (!counted) {
        sum.unweighted++;
        if (households !== undefined) warnings.push(notACountIssue(i, households));
      }
      const weight = counted ? households : 1;
      // Both are whole and at most 2^53 − 1, so the comparison is exact and so is every sum kept.
      if (sum.households + weight > MOST_HOUSEHOLDS) return failure([tooManyHouseholdsIssue(i, unit)]);
      sum.households += weight;
      sum.points++;
      if (circles.covered[i] === 1) {
        sum.covered += weight;
        sum.coveredPoints++;
      }
    }
    return success(
      [...sums].map(([unit, sum]) => verdictOfSum(unit, sum)),
      warnings,
    );
  });
}

/** The sums of one unit's points. */
interface UnitSum {
  households: number;
  covered: number;
  points: number;
  coveredPoints: number;
  unweighted: number;
}

function verdictOfSum(unit: string, sum: UnitSum): UnitCircleVerdict {
  return {
    unit,
    verdict: verdictOf(sum.covered, sum.households, sum.coveredPoints, sum.points),
    households: sum.households,
    coveredHouseholds: sum.covered,
    coveredShare: sum.households > 0 ? sum.covered / sum.households : 0,
    points: sum.points,
    coveredPoints: sum.coveredPoints,
    unweightedPoints: sum.unweighted,
  };
}

function verdictOf(
  covered: number,
  total: number,
  coveredPoints: number,
  points: number,
): UnitCircleVerdict['verdict'] {
  // With zero households in all, the points decide (an estate with 0 households is still a place).
  if (total === 0) return coveredPoints === points ? 'covered' : coveredPoints === 0 ? 'not' : 'partly';
  return covered >= total ? 'covered' : covered === 0 ? 'not' : 'partly';
}

/**
 * A field of the statistics row that a circle verdict can fill: `inQuarterHourCircle` (纳入一刻钟社区服务圈, for
 * `quarterHourCircleCoverage`) and `basicCommerce` (基本便民商业网点全覆盖, for `basicCommerceCoverage`, Beijing 三(九)).
 *
 * @example
 * ```ts
 * import type { CircleField } from 'shequ/geo';
 * const field: CircleField = 'basicCommerce';
 * ```
 */
export type CircleField = 'inQuarterHourCircle' | 'basicCommerce';

const CIRCLE_FIELDS: readonly CircleField[] = ['inQuarterHourCircle', 'basicCommerce'];

/**
 * Options of {@link circleStatisticsPatches}.
 *
 * @example
 * ```ts
 * import type { CircleStatisticsPatchesOptions } from 'shequ/geo';
 * const options: CircleStatisticsPatchesOptions = { minCoveredShare: 0.9, fields: ['inQuarterHourCircle', 'basicCommerce'] };
 * ```
 */
export interface CircleStatisticsPatchesOptions {
  /** Share of households that must be within reach for the unit to count as inside the circle (default 1: all). */
  readonly minCoveredShare?: number;
  /**
   * The fields each patch fills (default `['inQuarterHourCircle']`); {@link circleFields} says which ones a result of
   * `computeServiceCircles` stands for. Unknown names are left out.
   */
  readonly fields?: readonly CircleField[];
}

/**
 * The statistics fields a result of `computeServiceCircles` stands for, to pass as
 * {@link CircleStatisticsPatchesOptions.fields}: `inQuarterHourCircle` for the 15-minute circle at a walking
 * distance within the standard's (≤ 1 000 m: 一刻钟 means 15 minutes), and `basicCommerce` when, besides, the required
 * kinds include all six of Beijing's basic convenience outlets — the plan's "蔬菜零售、便利店（社区超市）、早餐、美容美发、
 * 便民维修、家政等基本便民商业网点全覆盖" (三(九)). A 5- or 10-minute circle fills neither: a unit out of its reach may
 * still be reached within 15 minutes.
 *
 * @param circles - a result of `computeServiceCircles`
 * @returns the fields, in the order of {@link CircleField} (`[]` when none fits)
 *
 * @example
 * ```ts
 * import { circleFields, computeServiceCircles } from 'shequ/geo';
 * const circles = computeServiceCircles([{ lng: 116.4, lat: 39.9, crs: 'wgs84' }], []);
 * if (circles.success) circleFields(circles.data);
 * //=> ['inQuarterHourCircle', 'basicCommerce']
 * ```
 */
export function circleFields(circles: ServiceCircles): CircleField[] {
  if (circles?.minutes !== 15 || !(circles.walkingMetres <= LIFE_CIRCLES[15].walkingMetres.max)) return [];
  const required = new Set(circles.requiredKinds);
  const allOutlets = BEIJING_CONVENIENCE_OUTLETS.kinds.every(({ kind }) => required.has(kind));
  return allOutlets ? ['inQuarterHourCircle', 'basicCommerce'] : ['inQuarterHourCircle'];
}

/** A patch of a statistics row: the unit's code and the circle fields asked for. */
type CirclePatch = Pick<UnitStatistics, 'code' | 'inQuarterHourCircle' | 'basicCommerce'>;

/**
 * Turns unit verdicts into patches of statistics rows: `{ code, inQuarterHourCircle }` by default, and
 * `basicCommerce` too when asked (`fields`, see {@link circleFields}). Spread each patch over the unit's row
 * (`{ ...row, ...patch }`) and the existing indicators — `quarterHourCircleCoverage` (一刻钟社区服务圈城市社区覆盖率)
 * and `basicCommerceCoverage` (基本便民商业网点社区（村）覆盖率) — roll up through the usual accumulator, region by
 * region. By default only a `covered` unit counts as inside; `minCoveredShare` loosens that. Use it with the
 * 15-minute circle (一刻钟): the fields mean 15 minutes.
 *
 * @param verdicts - from {@link unitCircleVerdicts}
 * @param options - the share of households needed (a bad value: the default) and the fields to fill
 * @returns one patch per unit (`[]` for anything that is not a list of verdicts)
 *
 * @example
 * ```ts
 * import { circleStatisticsPatches } from 'shequ/geo';
 * const verdicts = [
 *   { unit: '110101001001', verdict: 'partly', households: 400, coveredHouseholds: 300, coveredShare: 0.75, points: 2, coveredPoints: 1, unweightedPoints: 0 },
 * ] as const;
 * circleStatisticsPatches(verdicts, { minCoveredShare: 0.7 });
 * //=> [{ code: '110101001001', inQuarterHourCircle: true }]
 * circleStatisticsPatches(verdicts, { fields: ['inQuarterHourCircle', 'basicCommerce'] });
 * //=> [{ code: '110101001001', inQuarterHourCircle: false, basicCommerce: false }]
 * ```
 */
export function circleStatisticsPatches(
  verdicts: readonly UnitCircleVerdict[],
  options: CircleStatisticsPatchesOptions = {},
): Pick<UnitStatistics, 'code' | 'inQuarterHourCircle' | 'basicCommerce'>[] {
  // Never throws: a getter of the caller that throws gives no patches (neutral value), like bad input.
  return guardedValue(
    () => {
      const share = options?.minCoveredShare;
      const minimum = typeof share === 'number' && share >= 0 && share <= 1 ? share : 1;
      const asked = options?.fields;
      const fields = Array.isArray(asked)
        ? CIRCLE_FIELDS.filter((field) => asked.includes(field))
        : (['inQuarterHourCircle'] as const);
      if (!Array.isArray(verdicts)) return [];
      const patches: CirclePatch[] = [];
      for (const v of verdicts) {
        const unit = v?.unit;
        if (typeof unit !== 'string') continue;
        const inside = v.verdict === 'covered' || (v.households > 0 && v.coveredShare >= minimum);
        const patch: { code: string; inQuarterHourCircle?: boolean; basicCommerce?: boolean } = {
          code: unit,
        };
        for (const field of fields) patch[field] = inside;
        patches.push(patch);
      }
      return patches;
    },
    () => [],
  );
}

/**
 * The residential points not covered: their position, name, unit and the required kinds out of reach.
 *
 * @param circles - a result of `computeServiceCircles`
 * @param residential - the residential points it was computed for (same order)
 * @returns the uncovered points, in input order
 *
 * @example
 * ```ts
 * import { computeServiceCircles, uncoveredResidential } from 'shequ/geo';
 * const homes = [{ lng: 116.4, lat: 39.9, crs: 'wgs84', name: '甲小区' }] as const;
 * const circles = computeServiceCircles(homes, [], { requiredKinds: ['早餐'] });
 * if (circles.success) uncoveredResidential(circles.data, homes);
 * //=> [{ index: 0, name: '甲小区', missing: ['早餐'] }]
 * ```
 */
export function uncoveredResidential(
  circles: ServiceCircles,
  residential: readonly ResidentialPoint[],
): {
  /** Position in the residential input. */
  readonly index: number;
  /** Its name, when it has one. */
  readonly name?: string;
  /** Its unit code, when it has one. */
  readonly unit?: string;
  /** The required kinds out of reach. */
  readonly missing: readonly string[];
}[] {
  if (!Array.isArray(residential) || residential.length !== circles?.count) return [];
  const out: { index: number; name?: string; unit?: string; missing: string[] }[] = [];
  const width = circles.kinds.length;
  for (let i = 0; i < circles.count; i++) {
    if (circles.covered[i] === 1) continue;
    const missing = circles.requiredKinds.filter(
      (_, k) => !((circles.nearestDistance[i * width + k] as number) <= circles.reachMetres),
    );
    const point = residential[i];
    const entry: { index: number; name?: string; unit?: string; missing: string[] } = { index: i, missing };
    if (typeof point?.name === 'string') entry.name = point.name;
    if (typeof point?.unit === 'string') entry.unit = point.unit;
    out.push(entry);
  }
  return out;
}

/**
 * The uncovered residential points as a GeoJSON FeatureCollection of Points (RFC 7946: WGS-84 by default; pass
 * `crs: 'gcj02'` to lay it over an Amap or Tencent map, `bd09` for Baidu — the `crs` member then says so).
 *
 * @param circles - a result of `computeServiceCircles`
 * @param residential - the residential points it was computed for (same order)
 * @param options - the output coordinate system (default `wgs84`)
 * @returns the FeatureCollection, each feature's properties holding name, unit, households and missing kinds
 *
 * @example
 * ```ts
 * import { computeServiceCircles, uncoveredGeoJson } from 'shequ/geo';
 * const homes = [{ lng: 116.4, lat: 39.9, crs: 'wgs84', name: '甲小区' }] as const;
 * const circles = computeServiceCircles(homes, [], { requiredKinds: ['早餐'] });
 * if (circles.success) uncoveredGeoJson(circles.data, homes).features[0];
 * //=> { type: 'Feature', geometry: { type: 'Point', coordinates: [116.4, 39.9] },
 * //     properties: { index: 0, name: '甲小区', missing: ['早餐'] } }
 * ```
 */
export function uncoveredGeoJson(
  circles: ServiceCircles,
  residential: readonly ResidentialPoint[],
  options: { readonly crs?: Crs } = {},
): {
  /** Always `FeatureCollection`. */
  type: 'FeatureCollection';
  /** The system of the coordinates when it is not WGS-84 (RFC 7946's default). */
  crs?: string;
  /** One Point feature per uncovered residential point. */
  features: {
    /** Always `Feature`. */
    type: 'Feature';
    /** The point. */
    geometry: {
      /** Always `Point`. */
      type: 'Point';
      /** Longitude, latitude. */
      coordinates: [number, number];
    };
    /** index, name, unit, households, missing kinds. */
    properties: Record<string, unknown>;
  }[];
} {
  const to = isCrs(options?.crs) ? options.crs : 'wgs84';
  const out = [0, 0];
  const features = uncoveredResidential(circles, residential).map((entry) => {
    const point = residential[entry.index] as ResidentialPoint;
    convertCoordinates(point.lng, point.lat, point.crs, to, out);
    const properties: Record<string, unknown> = { ...entry };
    if (typeof point.households === 'number') properties.households = point.households;
    return {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [out[0], out[1]] as [number, number] },
      properties,
    };
  });
  return to === 'wgs84'
    ? { type: 'FeatureCollection', features }
    : { type: 'FeatureCollection', crs: to, features };
}
