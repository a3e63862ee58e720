import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  buildSpatialIndex,
  GCJ02_BOX,
  haversineMetres,
  nearestPoint,
  pointsWithin,
} from '../../src/geo/index.js';
import { ShequError } from '../../src/index.js';

// Points of China's box, with its edges and corners drawn often, and a small area where many fall close together.
const coordinate = fc.oneof(
  fc.record({
    lng: fc.double({ min: GCJ02_BOX.minLng, max: GCJ02_BOX.maxLng, noNaN: true }),
    lat: fc.double({ min: GCJ02_BOX.minLat, max: GCJ02_BOX.maxLat, noNaN: true }),
  }),
  fc.record({
    lng: fc.constantFrom(GCJ02_BOX.minLng, GCJ02_BOX.maxLng, 116.4),
    lat: fc.constantFrom(GCJ02_BOX.minLat, GCJ02_BOX.maxLat, 39.9),
  }),
  fc.record({
    lng: fc.double({ min: 116.39, max: 116.41, noNaN: true }),
    lat: fc.double({ min: 39.89, max: 39.91, noNaN: true }),
  }),
);
// Sets with duplicates: some points drawn twice.
const pointSet = fc
  .array(coordinate, { minLength: 0, maxLength: 300 })
  .chain((points) =>
    fc
      .array(fc.nat({ max: Math.max(0, points.length - 1) }), { maxLength: points.length > 0 ? 40 : 0 })
      .map((copies) => [...points, ...copies.map((i) => points[i] as { lng: number; lat: number })]),
  );

function bruteNearest(points: readonly { lng: number; lat: number }[], q: { lng: number; lat: number }) {
  let best = -1;
  let bestDistance = Infinity;
  points.forEach((p, i) => {
    const d = haversineMetres(q.lng, q.lat, p.lng, p.lat);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return { best, bestDistance };
}

const wgs = (p: { lng: number; lat: number }) => ({ ...p, crs: 'wgs84' as const });

describe('the spatial index equals brute force', () => {
  test.prop([pointSet, fc.array(coordinate, { minLength: 1, maxLength: 20 })], { numRuns: 200 })(
    'nearest: the same distance (and a point at that distance)',
    (points, queries) => {
      const index = buildSpatialIndex(points.map(wgs));
      for (const q of queries) {
        const hit = nearestPoint(index, wgs(q));
        const { best, bestDistance } = bruteNearest(points, q);
        if (best < 0) {
          expect(hit).toBeUndefined();
          continue;
        }
        expect(hit).toBeDefined();
        expect(Math.abs((hit?.distance ?? Infinity) - bestDistance)).toBeLessThan(1e-6);
        const found = points[hit?.index ?? -1] as { lng: number; lat: number };
        expect(Math.abs(haversineMetres(q.lng, q.lat, found.lng, found.lat) - bestDistance)).toBeLessThan(
          1e-6,
        );
      }
    },
  );

  test.prop([pointSet, coordinate, fc.double({ min: 0, max: 3_000_000, noNaN: true })], { numRuns: 200 })(
    'within a radius: exactly the points brute force finds, nearest first',
    (points, q, radius) => {
      const index = buildSpatialIndex(points.map(wgs));
      const hits = pointsWithin(index, wgs(q), radius);
      const expected = points
        .map((p, i) => ({ index: i, distance: haversineMetres(q.lng, q.lat, p.lng, p.lat) }))
        .filter((hit) => hit.distance <= radius)
        .sort((a, b) => a.distance - b.distance || a.index - b.index);
      expect(hits).toEqual(expected);
    },
  );

  test.prop([pointSet, coordinate, fc.double({ min: 0, max: 50_000, noNaN: true })], { numRuns: 100 })(
    'nearest within a bound is undefined exactly when nothing is that near',
    (points, q, bound) => {
      const hit = nearestPoint(buildSpatialIndex(points.map(wgs)), wgs(q), bound);
      const { bestDistance } = bruteNearest(points, q);
      if (bestDistance <= bound) expect(hit?.distance).toBeCloseTo(bestDistance, 6);
      else expect(hit).toBeUndefined();
    },
  );
});

describe('examples', () => {
  const index = buildSpatialIndex({ crs: 'gcj02', lng: [116.39, 116.4, 116.4], lat: [39.9, 39.9, 39.9] });

  it('duplicates: the nearest is the lowest position of the copies', () => {
    expect(nearestPoint(index, { lng: 116.401, lat: 39.9, crs: 'gcj02' })?.index).toBe(1);
    expect(pointsWithin(index, { lng: 116.401, lat: 39.9, crs: 'gcj02' }, 100).map((h) => h.index)).toEqual([
      1, 2,
    ]);
  });

  it('an empty index finds nothing', () => {
    const empty = buildSpatialIndex([]);
    expect(nearestPoint(empty, { lng: 116.4, lat: 39.9, crs: 'wgs84' })).toBeUndefined();
    expect(pointsWithin(empty, { lng: 116.4, lat: 39.9, crs: 'wgs84' }, 1e6)).toEqual([]);
  });

  it('a query in another system is crs_mismatch', () => {
    expect(() => nearestPoint(index, { lng: 116.4, lat: 39.9, crs: 'wgs84' })).toThrow(ShequError);
  });

  it('objects of mixed systems are refused when building', () => {
    expect(() =>
      buildSpatialIndex([
        { lng: 116.4, lat: 39.9, crs: 'wgs84' },
        { lng: 116.4, lat: 39.9, crs: 'bd09' },
      ]),
    ).toThrow(/crs_mismatch/);
  });

  it('a radius of 0 finds the points exactly there', () => {
    expect(pointsWithin(index, { lng: 116.4, lat: 39.9, crs: 'gcj02' }, 0).map((h) => h.index)).toEqual([
      1, 2,
    ]);
  });
});
