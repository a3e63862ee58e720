import { createIssue, type PathSegment } from '../core/issue.js';
import { normalizeHeader } from '../io/headers.js';
import type { Crs } from './crs.js';
import { pointFields, type RowCells, type Which } from './point-fields.js';
import { emptyReading, type Reading, toPoint } from './point-record.js';

/** Reads a GeoJSON FeatureCollection (or one Feature) of Points: one record per feature, properties by column name. */
export function readGeoJson<Point>(which: Which, json: unknown, crs: Crs): Reading<Point> {
  const reading = emptyReading<Point>();
  const features = featuresOf(json);
  if (features === undefined) {
    reading.issues.push(
      createIssue('invalid_format', {
        zh: 'GeoJSON 应为 FeatureCollection 或 Feature',
        en: 'The GeoJSON must be a FeatureCollection or a Feature',
      }),
    );
    return reading;
  }
  const fields = pointFields(which);
  features.forEach((feature, index) => {
    const path: PathSegment[] = ['features', index];
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const coordinates = geometry?.type === 'Point' ? geometry.coordinates : undefined;
    if (!Array.isArray(coordinates) || coordinates.length < 2) {
      const issue = createIssue(
        'invalid_value',
        { zh: '要素的几何应为点（Point）', en: 'The feature’s geometry must be a Point' },
        { path: [...path, 'geometry'] },
      );
      reading.rejected.push({ index, issues: [issue] });
      return;
    }
    const properties = (feature as { properties?: unknown }).properties;
    const byKey = new Map<string, unknown>([
      ['lng', coordinates[0]],
      ['lat', coordinates[1]],
    ]);
    if (properties !== null && typeof properties === 'object') {
      for (const [name, value] of Object.entries(properties)) {
        const key = fields.find((f) => f.aliases.includes(normalizeHeader(name)))?.key;
        if (key !== undefined && key !== 'lng' && key !== 'lat' && !byKey.has(key)) byKey.set(key, value);
      }
    }
    const cells: RowCells = { get: (key) => byKey.get(key), header: () => undefined };
    const made = toPoint(which, cells, crs, { path });
    for (const warning of made.warnings) reading.issues.push(warning);
    if (made.point === undefined) reading.rejected.push({ index, issues: made.issues });
    else reading.points.push(made.point as Point);
  });
  return reading;
}

function featuresOf(json: unknown): readonly unknown[] | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  const { type, features } = json as { type?: unknown; features?: unknown };
  if (type === 'FeatureCollection' && Array.isArray(features)) return features;
  if (type === 'Feature') return [json];
  return undefined;
}
