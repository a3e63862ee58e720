import type { Crs, GeoPoint } from './crs.js';
import type { PointColumns } from './spatial-index.js';

/**
 * A residential point: an estate (小区), a community office or a unit's centroid, with its weights and its unit.
 *
 * @example
 * ```ts
 * import type { ResidentialPoint } from 'shequ/geo';
 * const estate: ResidentialPoint = { lng: 116.4363, lat: 39.9215, crs: 'gcj02', name: '东四六条小区', unit: '110101001001', households: 820 };
 * ```
 */
export interface ResidentialPoint extends GeoPoint {
  /** Name (小区名称). */
  readonly name?: string;
  /** The 12-digit code of the community or village it belongs to. */
  readonly unit?: string;
  /** 户数: the weight of the unit verdicts. */
  readonly households?: number;
  /** 常住人口. */
  readonly residents?: number;
}

/**
 * A service point: a facility or a shop, of a kind (蔬菜零售, 早餐 …).
 *
 * @example
 * ```ts
 * import type { ServicePoint } from 'shequ/geo';
 * const shop: ServicePoint = { lng: 116.4351, lat: 39.9221, crs: 'gcj02', kind: '早餐', name: '庆丰包子铺' };
 * ```
 */
export interface ServicePoint extends GeoPoint {
  /** What it is: the words of the data; matched to canonical kinds through the profile's aliases. */
  readonly kind: string;
  /** Name. */
  readonly name?: string;
  /** Capacity (places, seats), when known; kept, not used for reach. */
  readonly capacity?: number;
}

/**
 * Service points as columns, for millions of points.
 *
 * @example
 * ```ts
 * import type { ServiceColumns } from 'shequ/geo';
 * const services: ServiceColumns = { crs: 'wgs84', lng: [116.4], lat: [39.9], kind: ['早餐'] };
 * ```
 */
export interface ServiceColumns extends PointColumns {
  /** Kind of each point. */
  readonly kind: readonly string[];
}

/**
 * Options of {@link computeServiceCircles}.
 *
 * @example
 * ```ts
 * import type { ComputeServiceCirclesOptions } from 'shequ/geo';
 * const options: ComputeServiceCirclesOptions = { minutes: 15, detourFactor: 1.3, requiredKinds: ['早餐', '家政'] };
 * ```
 */
export interface ComputeServiceCirclesOptions {
  /** Life circle of GB 50180-2018: 5, 10 or 15 minutes (default 15). */
  readonly minutes?: 5 | 10 | 15;
  /** Walking distance in metres (default: the circle's upper distance, 1 000 m for 15 minutes). */
  readonly walkingMetres?: number;
  /** Walking distance ÷ straight-line distance, ≥ 1 (default {@link DEFAULT_DETOUR_FACTOR}). */
  readonly detourFactor?: number;
  /** The kinds every residential point must reach (default: Beijing's six basic convenience outlets). */
  readonly requiredKinds?: readonly string[];
  /** More kinds to report the nearest of, without requiring them. */
  readonly kinds?: readonly string[];
  /** More words for kinds: alias → canonical kind (added to the Beijing profile's). */
  readonly kindAliases?: Readonly<Record<string, string>>;
}

/**
 * What {@link computeServiceCircles} returns, in columns (it may hold 620 000 points × several kinds): for point i
 * and kind k (`kinds[k]`), `nearestService[i * kinds.length + k]` is the position of the nearest service of that kind
 * in the services given (−1: none at all) and `nearestDistance[…]` its haversine distance in metres (`Infinity`: none).
 * Use {@link residentialCircle} for one point as an object.
 *
 * @example
 * ```ts
 * import { computeServiceCircles } from 'shequ/geo';
 * const result = computeServiceCircles(
 *   [{ lng: 116.4, lat: 39.9, crs: 'wgs84' }],
 *   [{ lng: 116.401, lat: 39.9, crs: 'wgs84', kind: '早餐' }],
 *   { requiredKinds: ['早餐'] },
 * );
 * if (result.success) console.log(result.data.reachMetres, result.data.covered[0]);
 * //=> 800 1
 * ```
 */
export interface ServiceCircles {
  /** The life circle used. */
  readonly minutes: 5 | 10 | 15;
  /** Walking distance in metres. */
  readonly walkingMetres: number;
  /** Detour factor. */
  readonly detourFactor: number;
  /** Straight-line reach: walking distance ÷ detour factor. */
  readonly reachMetres: number;
  /** The coordinate system of the input points. */
  readonly crs: Crs;
  /** The kinds reported: the required ones first, then the others asked for. */
  readonly kinds: readonly string[];
  /** The required kinds (a prefix of `kinds`). */
  readonly requiredKinds: readonly string[];
  /** Number of residential points. */
  readonly count: number;
  /** Nearest service of each kind, by position in the input (−1: none). */
  readonly nearestService: Int32Array;
  /** Distance to it in metres (`Infinity`: none). */
  readonly nearestDistance: Float64Array;
  /** 1 when every required kind is within reach of the point, else 0. */
  readonly covered: Uint8Array;
}
