import { throwingGuard } from '../core/guard.js';
import { ShequError } from '../core/result.js';
import {
  type Crs,
  convertCoordinates,
  crsMismatchIssue,
  type GeoPoint,
  invalidPointIssue,
  isCrs,
  isGeoPoint,
} from './crs.js';
import { chordOfMetres, haversineMetres } from './distance.js';
import { buildKdTree, nearestInTree, toXyz, withinInTree } from './kdtree.js';

/**
 * Points as columns, for large inputs: `lng[i]`, `lat[i]` of point i, all in one system. Typed arrays
 * (`Float64Array`) keep millions of points in a few tens of megabytes.
 *
 * @example
 * ```ts
 * import type { PointColumns } from 'shequ/geo';
 * const columns: PointColumns = { crs: 'gcj02', lng: new Float64Array([116.4]), lat: new Float64Array([39.9]) };
 * ```
 */
export interface PointColumns {
  /** The system of every point. */
  readonly crs: Crs;
  /** Longitudes in degrees. */
  readonly lng: ArrayLike<number>;
  /** Latitudes in degrees (same length as `lng`). */
  readonly lat: ArrayLike<number>;
}

/**
 * A static spatial index over points (a 3-D kd-tree on the sphere, built once, queried many times). Queries take
 * points of the system the index was built from (`crs`); anything else is a `crs_mismatch` error.
 *
 * @example
 * ```ts
 * import { buildSpatialIndex } from 'shequ/geo';
 * const index = buildSpatialIndex([{ lng: 116.4, lat: 39.9, crs: 'gcj02' }]);
 * [index.size, index.crs];
 * //=> [1, 'gcj02']
 * ```
 */
export interface SpatialIndex {
  /** Number of points. */
  readonly size: number;
  /** The system of the points it was built from (and of the points it accepts in queries). */
  readonly crs: Crs;
  /** The points in WGS-84, by original position (distances are measured on these). */
  readonly wgs84: {
    /** Longitudes. */
    readonly lng: Float64Array;
    /** Latitudes. */
    readonly lat: Float64Array;
  };
  /** The tree (internal layout: ids and x, y, z in tree order). */
  readonly tree: {
    /** Input position of each stored point. */
    readonly ids: Uint32Array;
    /** x, y, z of each stored point on the mean sphere, metres. */
    readonly xyz: Float64Array;
  };
}

/** A point found by a query: its position in the input and its distance in metres. */
export interface IndexHit {
  /** Position of the point in the array (or columns) the index was built from. */
  readonly index: number;
  /** Haversine distance in metres from the query point. */
  readonly distance: number;
}

/** WGS-84 columns in Float64Arrays over a buffer no other thread can write. */
function sharable(columns: PointColumns): boolean {
  return (
    (columns.crs === 'wgs84' || columns.crs === 'cgcs2000') &&
    columns.lng instanceof Float64Array &&
    columns.lat instanceof Float64Array &&
    columns.lng.buffer instanceof ArrayBuffer &&
    columns.lat.buffer instanceof ArrayBuffer
  );
}

/**
 * The WGS-84 columns of points given as objects or columns (validated: a bad point throws `invalid_value`). With
 * `share`, WGS-84 (or CGCS2000) columns that are already `Float64Array`s over a plain buffer are checked and returned
 * as they are, not copied: for a computation that reads them and returns (5 million points: 80 MB saved), never for
 * an index that keeps them.
 */
export function wgs84Columns(
  points: readonly GeoPoint[] | PointColumns,
  options: { readonly share?: boolean } = {},
): {
  crs: Crs;
  lng: Float64Array;
  lat: Float64Array;
} {
  const out = [0, 0];
  if (Array.isArray(points)) {
    const list = points as readonly GeoPoint[];
    const crs = list[0]?.crs ?? 'wgs84';
    const lng = new Float64Array(list.length);
    const lat = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const given = list[i];
      // Each value read once (a getter may answer differently twice), then checked.
      const point =
        given !== null && typeof given === 'object'
          ? { lng: given.lng, lat: given.lat, crs: given.crs }
          : given;
      if (!isGeoPoint(point)) throw new ShequError([invalidPointIssue([i])]);
      if (point.crs !== crs) throw new ShequError([crsMismatchIssue(String(crs), point.crs, [i])]);
      convertCoordinates(point.lng, point.lat, crs, 'wgs84', out);
      lng[i] = out[0] as number;
      lat[i] = out[1] as number;
    }
    return { crs, lng, lat };
  }
  const columns = points as PointColumns;
  if (columns === null || typeof columns !== 'object' || !isCrs(columns.crs))
    throw new ShequError([invalidPointIssue(['crs'])]);
  const count = columns.lng?.length;
  if (!Number.isSafeInteger(count) || count < 0 || count > 2 ** 30 || count !== columns.lat?.length)
    throw new ShequError([invalidPointIssue(['lng'])]);
  if (options.share === true && sharable(columns)) {
    for (let i = 0; i < count; i++)
      if (!(Math.abs(columns.lng[i] as number) <= 180 && Math.abs(columns.lat[i] as number) <= 90))
        throw new ShequError([invalidPointIssue([i])]);
    return { crs: columns.crs, lng: columns.lng as Float64Array, lat: columns.lat as Float64Array };
  }
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const x = columns.lng[i] as number;
    const y = columns.lat[i] as number;
    if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) throw new ShequError([invalidPointIssue([i])]);
    convertCoordinates(x, y, columns.crs, 'wgs84', out);
    lng[i] = out[0] as number;
    lat[i] = out[1] as number;
  }
  return { crs: columns.crs, lng, lat };
}

/**
 * Builds a spatial index over points, all of one coordinate system (converted to WGS-84 inside, so distances are
 * ground distances). O(n log n); 36 bytes per point plus the WGS-84 copy (16).
 *
 * @param points - points as objects (one system) or as {@link PointColumns}
 * @returns the index
 * @throws `ShequError` `crs_mismatch` when the objects mix systems, `invalid_value` for a bad point
 *
 * @example
 * ```ts
 * import { buildSpatialIndex } from 'shequ/geo';
 * buildSpatialIndex({ crs: 'wgs84', lng: [116.39, 116.40], lat: [39.9, 39.9] }).size;
 * //=> 2
 * ```
 */
export function buildSpatialIndex(points: readonly GeoPoint[] | PointColumns): SpatialIndex {
  return throwingGuard(() => {
    const { crs, lng, lat } = wgs84Columns(points);
    return { size: lng.length, crs, wgs84: { lng, lat }, tree: buildKdTree(lng, lat, lng.length) };
  });
}

/** The WGS-84 sphere coordinates of a query point, checked against the index's system. */
function queryXyz(index: SpatialIndex, point: GeoPoint): { lng: number; lat: number; xyz: number[] } {
  if (!isGeoPoint(point)) throw new ShequError([invalidPointIssue(['point'])]);
  if (point.crs !== index.crs) throw new ShequError([crsMismatchIssue(index.crs, point.crs, ['point'])]);
  const out = [0, 0];
  convertCoordinates(point.lng, point.lat, point.crs, 'wgs84', out);
  const xyz = [0, 0, 0];
  toXyz(out[0] as number, out[1] as number, xyz);
  return { lng: out[0] as number, lat: out[1] as number, xyz };
}

/**
 * The indexed point nearest to `point` (ties: the lowest input position), optionally within a distance.
 *
 * @param index - an index from {@link buildSpatialIndex}
 * @param point - the query point, in the index's system
 * @param maxMetres - search no farther than this (default: no limit)
 * @returns the nearest point and its distance, or `undefined` when the index is empty or nothing is that near
 * @throws `ShequError` `crs_mismatch` when `point` is in another system than the index
 *
 * @example
 * ```ts
 * import { buildSpatialIndex, nearestPoint } from 'shequ/geo';
 * const index = buildSpatialIndex({ crs: 'wgs84', lng: [116.39, 116.40], lat: [39.9, 39.9] });
 * nearestPoint(index, { lng: 116.399, lat: 39.9, crs: 'wgs84' })?.index;
 * //=> 1
 * ```
 */
export function nearestPoint(
  index: SpatialIndex,
  point: GeoPoint,
  maxMetres = Infinity,
): IndexHit | undefined {
  const query = queryXyz(index, point);
  const chord = maxMetres === Infinity ? Infinity : chordOfMetres(maxMetres) * (1 + 1e-12) + 1e-6;
  const [qx, qy, qz] = query.xyz as [number, number, number];
  const at = nearestInTree(index.tree, qx, qy, qz, chord * chord);
  if (at < 0) return undefined;
  const id = index.tree.ids[at] as number;
  const distance = haversineMetres(
    query.lng,
    query.lat,
    index.wgs84.lng[id] as number,
    index.wgs84.lat[id] as number,
  );
  return distance <= maxMetres ? { index: id, distance } : undefined;
}

/**
 * Every indexed point within `metres` of `point` (haversine), nearest first (ties by input position).
 *
 * @param index - an index from {@link buildSpatialIndex}
 * @param point - the query point, in the index's system
 * @param metres - the radius
 * @returns the points found with their distances
 * @throws `ShequError` `crs_mismatch` when `point` is in another system than the index
 *
 * @example
 * ```ts
 * import { buildSpatialIndex, pointsWithin } from 'shequ/geo';
 * const index = buildSpatialIndex({ crs: 'wgs84', lng: [116.39, 116.40], lat: [39.9, 39.9] });
 * pointsWithin(index, { lng: 116.399, lat: 39.9, crs: 'wgs84' }, 500).map((hit) => hit.index);
 * //=> [1]
 * ```
 */
export function pointsWithin(index: SpatialIndex, point: GeoPoint, metres: number): IndexHit[] {
  const query = queryXyz(index, point);
  if (!(metres >= 0)) return [];
  const chord = chordOfMetres(metres) * (1 + 1e-12) + 1e-6; // a hair wider: the exact test is the haversine below
  const [qx, qy, qz] = query.xyz as [number, number, number];
  const hits: IndexHit[] = [];
  withinInTree(index.tree, qx, qy, qz, chord * chord, (at) => {
    const id = index.tree.ids[at] as number;
    const distance = haversineMetres(
      query.lng,
      query.lat,
      index.wgs84.lng[id] as number,
      index.wgs84.lat[id] as number,
    );
    if (distance <= metres) hits.push({ index: id, distance });
  });
  return hits.sort((a, b) => a.distance - b.distance || a.index - b.index);
}
