import { throwingGuard } from '../core/guard.js';
import { createIssue } from '../core/issue.js';
import { ShequError } from '../core/result.js';

/**
 * A coordinate reference system used with Chinese data.
 *
 * - `wgs84`: GPS, OpenStreetMap, RFC 7946 GeoJSON.
 * - `cgcs2000`: the national geodetic system (国家大地坐标系 2000). It differs from WGS-84 by centimetres to a
 *   decimetre or so (the two realisations drift apart slowly), which is nothing against circles of hundreds of metres:
 *   shequ treats a CGCS2000 point as WGS-84 unchanged.
 * - `gcj02`: 国测局坐标 ("Mars coordinates") of Amap/高德, Tencent and Google's China map: WGS-84 shifted by a
 *   published obfuscation formula, offsets of a few hundred metres.
 * - `bd09`: Baidu's coordinates, a further transform of GCJ-02.
 *
 * @example
 * ```ts
 * import type { Crs } from 'shequ/geo';
 * const crs: Crs = 'gcj02';
 * ```
 */
export type Crs = 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';

/** Every {@link Crs}, in a stable order. */
export const CRS_LIST: readonly Crs[] = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'];

/**
 * A point tagged with its coordinate system: longitude and latitude in decimal degrees. Every point of `shequ/geo`
 * carries its system, so two points of different systems are never compared by mistake.
 *
 * @example
 * ```ts
 * import type { GeoPoint } from 'shequ/geo';
 * const tiananmen: GeoPoint = { lng: 116.397428, lat: 39.90923, crs: 'gcj02' };
 * ```
 */
export interface GeoPoint {
  /** Longitude in degrees, −180 … 180 (east positive). */
  readonly lng: number;
  /** Latitude in degrees, −90 … 90 (north positive). */
  readonly lat: number;
  /** The coordinate system of `lng` and `lat`. */
  readonly crs: Crs;
}

/**
 * The box inside which the GCJ-02 offset is applied (the rule every published implementation uses: longitude
 * 72.004 … 137.8347, latitude 0.8293 … 55.8271). It is a rectangle, so it takes in parts of neighbouring countries
 * and leaves nothing of China out; outside it GCJ-02 and BD-09's GCJ step equal WGS-84.
 *
 * @example
 * ```ts
 * import { GCJ02_BOX } from 'shequ/geo';
 * GCJ02_BOX.minLng;
 * //=> 72.004
 * ```
 */
export const GCJ02_BOX = {
  /** West edge, degrees. */
  minLng: 72.004,
  /** East edge, degrees. */
  maxLng: 137.8347,
  /** South edge, degrees. */
  minLat: 0.8293,
  /** North edge, degrees. */
  maxLat: 55.8271,
} as const;

/**
 * Accuracy of the inverse transforms GCJ-02 → WGS-84 and BD-09 → WGS-84, in metres: the iteration stops when a step
 * moves the point by less than 10⁻⁷ degree (≈ 1 cm; the error left is a few thousandths of that step), and the result lies within this distance of the true WGS-84
 * point (tested on random points over the whole box; observed well under a centimetre).
 *
 * @example
 * ```ts
 * import { INVERSE_ACCURACY_METRES } from 'shequ/geo';
 * INVERSE_ACCURACY_METRES;
 * //=> 0.5
 * ```
 */
export const INVERSE_ACCURACY_METRES = 0.5;

/**
 * Whether a longitude/latitude pair lies inside {@link GCJ02_BOX}, where the GCJ-02 offset applies.
 *
 * @param lng - longitude in degrees
 * @param lat - latitude in degrees
 * @returns `true` inside the box (edges included); `false` outside or for anything that is not a finite number
 *
 * @example
 * ```ts
 * import { isInsideChinaBox } from 'shequ/geo';
 * isInsideChinaBox(116.4, 39.9);
 * //=> true
 * isInsideChinaBox(139.7, 35.7); // Tokyo
 * //=> false
 * ```
 */
export function isInsideChinaBox(lng: number, lat: number): boolean {
  if (typeof lng !== 'number' || typeof lat !== 'number') return false;
  return (
    lng >= GCJ02_BOX.minLng && lng <= GCJ02_BOX.maxLng && lat >= GCJ02_BOX.minLat && lat <= GCJ02_BOX.maxLat
  );
}

// The GCJ-02 formula: offsets in metres on the Krasovsky ellipsoid, from polynomials and sines of the distance to
// (105° E, 35° N), turned into degrees. Public, and the same in every implementation.
const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943; // 0.00669342162296594323 as published, to double precision

/**
 * Both offsets of the formula at (x, y) = (lng − 105, lat − 35), into `out` ([lng, lat] offsets, in the formula's
 * metre-like units). The two polynomials share their sines of x, and the triple-angle identity
 * sin 3u = 3 sin u − 4 sin³ u gives sin(6xπ) from sin(2xπ), sin(xπ) from sin(xπ/3) and sin(yπ) from sin(yπ/3): seven
 * sines instead of twelve, equal to the direct ones within a few units in the last place (≈ 10⁻¹⁴ m). The inverse
 * runs this three times per point, so it is most of the cost of converting millions of points.
 */
function offsetsInto(x: number, y: number, out: Float64Array | number[]): void {
  const sin2x = Math.sin(2 * x * Math.PI);
  const sin6x = sin2x * (3 - 4 * sin2x * sin2x);
  const sinXThird = Math.sin((x / 3) * Math.PI);
  const sinX = sinXThird * (3 - 4 * sinXThird * sinXThird);
  const sinYThird = Math.sin((y / 3) * Math.PI);
  const sinY = sinYThird * (3 - 4 * sinYThird * sinYThird);
  const shared = ((20 * sin6x + 20 * sin2x) * 2) / 3;
  let lat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  lat += shared;
  lat += ((20 * sinY + 40 * sinYThird) * 2) / 3;
  lat += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  let lng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  lng += shared;
  lng += ((20 * sinX + 40 * sinXThird) * 2) / 3;
  lng += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  out[0] = lng;
  out[1] = lat;
}

/** WGS-84 → GCJ-02 on plain numbers, written into `out` ([lng, lat]); unchanged outside the box. */
export function wgs84ToGcj02Into(lng: number, lat: number, out: Float64Array | number[]): void {
  if (isInsideChinaBox(lng, lat)) gcjFormulaInto(lng, lat, out);
  else {
    out[0] = lng;
    out[1] = lat;
  }
}

/** The GCJ-02 formula itself, without the box rule (the inverse iterates on it: see gcj02ToWgs84Into). */
function gcjFormulaInto(lng: number, lat: number, out: Float64Array | number[]): void {
  const radLat = (lat / 180) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  offsetsInto(lng - 105, lat - 35, out);
  const dLat =
    ((out[1] as number) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = ((out[0] as number) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  out[0] = lng + dLng;
  out[1] = lat + dLat;
}

const X_PI = (Math.PI * 3000) / 180;

/** GCJ-02 → BD-09 on plain numbers, into `out`. Baidu applies it everywhere its maps reach; so does shequ. */
function gcj02ToBd09Into(lng: number, lat: number, out: Float64Array | number[]): void {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * X_PI);
  out[0] = z * Math.cos(theta) + 0.0065;
  out[1] = z * Math.sin(theta) + 0.006;
}

/** The one-step BD-09 → GCJ-02 (its error is centimetres; the iteration below removes it). */
function bd09ToGcj02Approx(lng: number, lat: number, out: Float64Array | number[]): void {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  out[0] = z * Math.cos(theta);
  out[1] = z * Math.sin(theta);
}

// The step below which the iteration stops, in degrees. The error left after a step is under a hundredth of it: for
// GCJ-02 a step of 10⁻⁶° (≈ 10 cm) leaves under a millimetre (0.5 mm worst over 200 000 random points of the box) and
// saves the fourth run of the formula on most points; BD-09's cheap step keeps 10⁻⁷° (≈ 1 cm: a round trip GCJ-02 →
// BD-09 → GCJ-02 stays within 1 mm).
const GCJ_STEP_LIMIT = 1e-6;
const BD_STEP_LIMIT = 1e-7;
const MAX_STEPS = 30;

/**
 * Inverts a forward transform by fixed-point iteration: start from the target, move by the residual until the forward
 * image of the guess meets the target. The offsets change slowly with position (their slope is a few parts in
 * a thousand), so each step shrinks the error about a hundredfold: three steps reach a tenth of a millimetre.
 */
function invert(
  forward: (lng: number, lat: number, out: Float64Array | number[]) => void,
  lng: number,
  lat: number,
  out: Float64Array | number[],
  start: Float64Array | number[],
  stepLimit: number,
): void {
  const image = [0, 0];
  let guessLng = start[0] as number;
  let guessLat = start[1] as number;
  for (let step = 0; step < MAX_STEPS; step++) {
    forward(guessLng, guessLat, image);
    const dLng = (image[0] as number) - lng;
    const dLat = (image[1] as number) - lat;
    guessLng -= dLng;
    guessLat -= dLat;
    if (Math.abs(dLng) < stepLimit && Math.abs(dLat) < stepLimit) break;
  }
  out[0] = guessLng;
  out[1] = guessLat;
}

/**
 * GCJ-02 → WGS-84 by iteration, into `out`; unchanged outside the box. Within a kilometre of the box's edge a GCJ-02
 * point can have two preimages (a point inside, shifted, and itself outside, unshifted): the iteration runs on the
 * formula without the box rule, so it finds the one inside. The edges lie in the sea or abroad, far from Chinese
 * territory, so this matters to no real address.
 */
export function gcj02ToWgs84Into(lng: number, lat: number, out: Float64Array | number[]): void {
  if (!isInsideChinaBox(lng, lat)) {
    out[0] = lng;
    out[1] = lat;
    return;
  }
  invert(gcjFormulaInto, lng, lat, out, [lng, lat], GCJ_STEP_LIMIT);
}

function bd09ToGcj02Into(lng: number, lat: number, out: Float64Array | number[]): void {
  const start = [0, 0];
  bd09ToGcj02Approx(lng, lat, start);
  invert(gcj02ToBd09Into, lng, lat, out, start, BD_STEP_LIMIT);
}

const isWgs = (crs: Crs) => crs === 'wgs84' || crs === 'cgcs2000';

/**
 * Converts a longitude/latitude pair between systems, writing `[lng, lat]` into `out` (no allocation: the bulk
 * path). CGCS2000 and WGS-84 are the same here (see {@link Crs}).
 *
 * @param lng - longitude in degrees
 * @param lat - latitude in degrees
 * @param from - the system of the input
 * @param to - the system wanted
 * @param out - where the result goes: index 0 the longitude, 1 the latitude
 * @returns nothing; `out` holds the result
 *
 * @example
 * ```ts
 * import { convertCoordinates } from 'shequ/geo';
 * const out = [0, 0];
 * convertCoordinates(116.404, 39.915, 'wgs84', 'gcj02', out);
 * out;
 * //=> [116.41024449916938, 39.91640428150164]
 * ```
 */
export function convertCoordinates(
  lng: number,
  lat: number,
  from: Crs,
  to: Crs,
  out: Float64Array | number[],
): void {
  if (from === to || (isWgs(from) && isWgs(to))) {
    out[0] = lng;
    out[1] = lat;
    return;
  }
  // Baidu's step is applied to GCJ-02 everywhere: between the two, never through WGS-84 (no box rule on the way).
  if (from === 'gcj02' && to === 'bd09') {
    gcj02ToBd09Into(lng, lat, out);
    return;
  }
  if (from === 'bd09' && to === 'gcj02') {
    bd09ToGcj02Into(lng, lat, out);
    return;
  }
  // Through WGS-84: from → WGS-84 → to.
  if (from === 'gcj02') gcj02ToWgs84Into(lng, lat, out);
  else if (from === 'bd09') {
    bd09ToGcj02Into(lng, lat, out);
    gcj02ToWgs84Into(out[0] as number, out[1] as number, out);
  } else {
    out[0] = lng;
    out[1] = lat;
  }
  if (to === 'gcj02') wgs84ToGcj02Into(out[0] as number, out[1] as number, out);
  else if (to === 'bd09') {
    wgs84ToGcj02Into(out[0] as number, out[1] as number, out);
    gcj02ToBd09Into(out[0] as number, out[1] as number, out);
  }
}

/** Whether `value` names a {@link Crs}. */
export function isCrs(value: unknown): value is Crs {
  return value === 'wgs84' || value === 'cgcs2000' || value === 'gcj02' || value === 'bd09';
}

/** The issue of a point that is not `{ lng, lat, crs }` with finite degrees in range. */
export function invalidPointIssue(path: readonly (string | number)[] = []) {
  return createIssue(
    'invalid_value',
    {
      zh: '坐标点应为 { lng, lat, crs }：经度 −180…180，纬度 −90…90，坐标系为 wgs84、cgcs2000、gcj02 或 bd09',
      en: 'A point must be { lng, lat, crs }: longitude −180…180, latitude −90…90, crs wgs84, cgcs2000, gcj02 or bd09',
    },
    { path },
  );
}

/** Whether `value` is a valid {@link GeoPoint} (finite, in range, a known system). */
export function isGeoPoint(value: unknown): value is GeoPoint {
  if (value === null || typeof value !== 'object') return false;
  const { lng, lat, crs } = value as Record<string, unknown>;
  return (
    typeof lng === 'number' &&
    typeof lat === 'number' &&
    Math.abs(lng) <= 180 &&
    Math.abs(lat) <= 90 &&
    isCrs(crs)
  );
}

/**
 * Converts a point to another coordinate system. GCJ-02 and BD-09 are inverted by iteration to within
 * {@link INVERSE_ACCURACY_METRES} of the true WGS-84 point (the usual one-step inverse is off by metres). Outside
 * {@link GCJ02_BOX} GCJ-02 equals WGS-84 (no offset), as in every published implementation.
 *
 * @param point - a tagged point
 * @param to - the system wanted
 * @returns the same place in `to`
 * @throws `ShequError` (`invalid_value`) when `point` is not a valid point or `to` not a system
 *
 * @example
 * ```ts
 * import { convertPoint } from 'shequ/geo';
 * convertPoint({ lng: 116.404, lat: 39.915, crs: 'gcj02' }, 'bd09');
 * //=> { lng: 116.41036949371029, lat: 39.92133699351022, crs: 'bd09' }
 * ```
 */
export function convertPoint(point: GeoPoint, to: Crs): GeoPoint {
  return throwingGuard(() => {
    if (!isGeoPoint(point)) throw new ShequError([invalidPointIssue(['point'])]);
    if (!isCrs(to)) throw new ShequError([invalidPointIssue(['to'])]);
    const { lng, lat, crs } = point; // read once: a getter may answer differently twice
    if (!isGeoPoint({ lng, lat, crs })) throw new ShequError([invalidPointIssue(['point'])]);
    const out = [0, 0];
    convertCoordinates(lng, lat, crs, to, out);
    return { lng: out[0] as number, lat: out[1] as number, crs: to };
  });
}

/**
 * Throws when two points are in different systems: mixing systems without a conversion is an error, never a silent
 * few hundred metres.
 *
 * @param a - a point
 * @param b - another point
 * @returns nothing
 * @throws `ShequError` (`crs_mismatch`) when `a.crs` differs from `b.crs`
 *
 * @example
 * ```ts
 * import { assertSameCrs } from 'shequ/geo';
 * assertSameCrs({ lng: 116.4, lat: 39.9, crs: 'gcj02' }, { lng: 116.4, lat: 39.9, crs: 'wgs84' });
 * //=> throws ShequError 'crs_mismatch: Points in different coordinate systems (gcj02, wgs84): convert one first'
 * ```
 */
export function assertSameCrs(a: GeoPoint, b: GeoPoint): void {
  throwingGuard(() => {
    const crsA = (a as Partial<GeoPoint> | null)?.crs;
    const crsB = (b as Partial<GeoPoint> | null)?.crs;
    if (crsA === crsB) return;
    throw new ShequError([crsMismatchIssue(describeCrs(crsA), describeCrs(crsB))]);
  });
}

/** A system's name for a message: the name itself, or what kind of value stood there (never echoed). */
function describeCrs(crs: unknown): string {
  return isCrs(crs) ? crs : typeof crs;
}

/** The issue of two systems met without a conversion. */
export function crsMismatchIssue(a: string, b: string, path: readonly (string | number)[] = []) {
  const pair = `${a.slice(0, 20)}, ${b.slice(0, 20)}`;
  return createIssue(
    'crs_mismatch',
    {
      zh: `坐标系不一致（${pair}）：请先转换到同一坐标系`,
      en: `Points in different coordinate systems (${pair}): convert one first`,
    },
    { path },
  );
}
