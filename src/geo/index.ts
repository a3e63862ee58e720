/**
 * Coordinates and service circles (一刻钟社区服务圈): points tagged with their coordinate system (WGS-84, CGCS2000,
 * GCJ-02, BD-09) and exact conversions between them, geodesic distance, a static spatial index, life circles of
 * GB 50180-2018 computed from the coordinates of estates and services, per-unit verdicts that feed the
 * `quarterHourCircleCoverage` and `basicCommerceCoverage` indicators, and a co-location check. Browser-safe; no network.
 *
 * @module shequ/geo
 */

export type {
  ComputeServiceCirclesOptions,
  ResidentialPoint,
  ServiceCircles,
  ServiceColumns,
  ServicePoint,
} from './circle-types.js';
export { computeServiceCircles, residentialCircle } from './circles.js';
export type { CheckColocationOptions, ColocationFinding } from './colocation.js';
export { checkColocation } from './colocation.js';
export type { Crs, GeoPoint } from './crs.js';
export {
  assertSameCrs,
  CRS_LIST,
  convertCoordinates,
  convertPoint,
  GCJ02_BOX,
  INVERSE_ACCURACY_METRES,
  isInsideChinaBox,
} from './crs.js';
export { EARTH_MEAN_RADIUS_METRES, geodesicDistance, haversineMetres } from './distance.js';
export type { LifeCircle, Range, ServiceKindProfile } from './life-circles.js';
export {
  BEIJING_CONVENIENCE_OUTLETS,
  DEFAULT_DETOUR_FACTOR,
  HEBEI_HEALTH_BESIDE_ELDERLY_CARE,
  LIFE_CIRCLES,
} from './life-circles.js';
export type { PointReadResult, ReadPointsOptions } from './read-points.js';
export { readResidentialPoints, readServicePoints } from './read-points.js';
export type { IndexHit, PointColumns, SpatialIndex } from './spatial-index.js';
export { buildSpatialIndex, nearestPoint, pointsWithin } from './spatial-index.js';
export type { CircleField, CircleStatisticsPatchesOptions, UnitCircleVerdict } from './units.js';
export {
  circleFields,
  circleStatisticsPatches,
  uncoveredGeoJson,
  uncoveredResidential,
  unitCircleVerdicts,
} from './units.js';
