import { throwingGuard } from '../core/guard.js';
import { ShequError } from '../core/result.js';
import { assertSameCrs, convertCoordinates, type GeoPoint, invalidPointIssue, isGeoPoint } from './crs.js';

/**
 * The Earth's mean radius R₁ = (2a + b) / 3 of the WGS-84 ellipsoid, in metres: the sphere on which shequ measures
 * distances (haversine). Against the ellipsoid's true geodesic the error is at most about 0.5 % (0.3 % or less at
 * China's latitudes along most bearings): under 5 m at a 1 000 m circle.
 *
 * @example
 * ```ts
 * import { EARTH_MEAN_RADIUS_METRES } from 'shequ/geo';
 * EARTH_MEAN_RADIUS_METRES;
 * //=> 6371008.8
 * ```
 */
export const EARTH_MEAN_RADIUS_METRES = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Haversine distance in metres between two WGS-84 longitude/latitude pairs (plain numbers: the bulk path).
 *
 * @param lngA - longitude of the first point
 * @param latA - latitude of the first point
 * @param lngB - longitude of the second point
 * @param latB - latitude of the second point
 * @returns the great-circle distance on the mean sphere, ≥ 0
 *
 * @example
 * ```ts
 * import { haversineMetres } from 'shequ/geo';
 * Math.round(haversineMetres(116.39, 39.9, 116.40, 39.9));
 * //=> 853
 * ```
 */
export function haversineMetres(lngA: number, latA: number, lngB: number, latB: number): number {
  if (
    typeof lngA !== 'number' ||
    typeof latA !== 'number' ||
    typeof lngB !== 'number' ||
    typeof latB !== 'number'
  )
    return Number.NaN;
  const sinLat = Math.sin(((latB - latA) * RAD) / 2);
  const sinLng = Math.sin(((lngB - lngA) * RAD) / 2);
  const h = sinLat * sinLat + Math.cos(latA * RAD) * Math.cos(latB * RAD) * sinLng * sinLng;
  return 2 * EARTH_MEAN_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Ground distance in metres between two points of the same coordinate system: GCJ-02 and BD-09 points are first
 * converted to WGS-84 (their offsets bend distances by up to a few metres per kilometre), then measured by haversine
 * on the mean sphere ({@link EARTH_MEAN_RADIUS_METRES}; error ≤ 0.5 %).
 *
 * @param a - a point
 * @param b - a point in the same system
 * @returns the distance in metres, ≥ 0 and symmetric
 * @throws `ShequError` `crs_mismatch` when the systems differ (mixing is never silent), `invalid_value` for a
 * point that is not `{ lng, lat, crs }` in range
 *
 * @example
 * ```ts
 * import { geodesicDistance } from 'shequ/geo';
 * Math.round(geodesicDistance({ lng: 116.39, lat: 39.9, crs: 'wgs84' }, { lng: 116.40, lat: 39.9, crs: 'wgs84' }));
 * //=> 853
 * ```
 */
export function geodesicDistance(a: GeoPoint, b: GeoPoint): number {
  return throwingGuard(() => {
    const pointA = isGeoPoint(a) ? { lng: a.lng, lat: a.lat, crs: a.crs } : undefined; // each value read once
    const pointB = isGeoPoint(b) ? { lng: b.lng, lat: b.lat, crs: b.crs } : undefined;
    if (!isGeoPoint(pointA)) throw new ShequError([invalidPointIssue(['a'])]);
    if (!isGeoPoint(pointB)) throw new ShequError([invalidPointIssue(['b'])]);
    assertSameCrs(pointA, pointB);
    const pa = [0, 0];
    const pb = [0, 0];
    convertCoordinates(pointA.lng, pointA.lat, pointA.crs, 'wgs84', pa);
    convertCoordinates(pointB.lng, pointB.lat, pointB.crs, 'wgs84', pb);
    return haversineMetres(pa[0] as number, pa[1] as number, pb[0] as number, pb[1] as number);
  });
}

/** The chord (straight line through the Earth) of a great-circle distance: what the 3-D index compares. */
export function chordOfMetres(metres: number): number {
  if (!(metres > 0)) return 0;
  const angle = Math.min(Math.PI, metres / EARTH_MEAN_RADIUS_METRES);
  return 2 * EARTH_MEAN_RADIUS_METRES * Math.sin(angle / 2);
}

/** The great-circle distance of a chord (inverse of {@link chordOfMetres}). */
export function metresOfChord(chord: number): number {
  const half = Math.min(1, chord / (2 * EARTH_MEAN_RADIUS_METRES));
  return 2 * EARTH_MEAN_RADIUS_METRES * Math.asin(half);
}
