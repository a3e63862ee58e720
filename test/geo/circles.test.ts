import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  BEIJING_CONVENIENCE_OUTLETS,
  checkColocation,
  circleStatisticsPatches,
  computeServiceCircles,
  HEBEI_HEALTH_BESIDE_ELDERLY_CARE,
  haversineMetres,
  LIFE_CIRCLES,
  type ResidentialPoint,
  residentialCircle,
  type ServicePoint,
  uncoveredGeoJson,
  uncoveredResidential,
  unitCircleVerdicts,
} from '../../src/geo/index.js';
import { computeIndicatorTable } from '../../src/index.js';

// A Beijing street, real-shaped (GCJ-02, as Amap gives it): metres east of 116.4 E at 39.9 N are 0.01° ≈ 853 m.
const at = (eastMetres: number, crs: 'wgs84' | 'gcj02' = 'wgs84') => ({
  lng: 116.4 + (eastMetres / 853.0) * 0.01,
  lat: 39.9,
  crs,
});

describe('computeServiceCircles, worked by hand', () => {
  // Reach: 1 000 m walking (15 minutes, GB 50180-2018 upper distance) ÷ 1.25 = 800 m straight line.
  const homes: ResidentialPoint[] = [
    { ...at(0), name: 'A', unit: '110101001001', households: 300 },
    { ...at(2000), name: 'B', unit: '110101001001', households: 100 },
    { ...at(5000), name: 'C', unit: '110101001002', households: 50 },
  ];
  const services: ServicePoint[] = [
    { ...at(500), kind: '早餐' }, // 500 m from A, 1 500 from B
    { ...at(700), kind: '便利店' }, // alias of 便利店（社区超市）: 700 m from A
    { ...at(2790), kind: 'breakfast' }, // alias of 早餐: 790 m from B
    { ...at(2900), kind: ' 便利店 （社区超市） ' }, // NFKC and spaces: 900 m from B (beyond 800)
  ];
  const options = { requiredKinds: ['早餐', '便利店（社区超市）'] };
  const result = computeServiceCircles(homes, services, options);
  if (!result.success) throw new Error('expected success');
  const circles = result.data;

  it('reach is walking distance ÷ detour factor', () => {
    expect(circles.walkingMetres).toBe(1000);
    expect(circles.detourFactor).toBe(1.25);
    expect(circles.reachMetres).toBe(800);
    expect(circles.kinds).toEqual(['早餐', '便利店（社区超市）']);
  });

  it('A is covered, B misses the store (900 m > 800 m), C misses both', () => {
    expect(Array.from(circles.covered)).toEqual([1, 0, 0]);
    const b = residentialCircle(circles, 1);
    expect(b?.missing).toEqual(['便利店（社区超市）']);
    expect(b?.nearest['早餐']?.service).toBe(2);
    expect(b?.nearest['早餐']?.distance).toBeCloseTo(
      haversineMetres(at(2000).lng, 39.9, at(2790).lng, 39.9),
      6,
    );
    expect(b?.nearest['便利店（社区超市）']?.distance).toBeGreaterThan(800);
    expect(residentialCircle(circles, 2)?.missing).toEqual(['早餐', '便利店（社区超市）']);
    expect(residentialCircle(circles, 3)).toBeUndefined();
  });

  it('per unit: 300 of 400 households covered → partly; the other unit → not', () => {
    const verdicts = unitCircleVerdicts(circles, homes);
    expect(verdicts).toEqual({
      success: true,
      data: [
        {
          unit: '110101001001',
          verdict: 'partly',
          households: 400,
          coveredHouseholds: 300,
          coveredShare: 0.75,
          points: 2,
          coveredPoints: 1,
          unweightedPoints: 0,
        },
        {
          unit: '110101001002',
          verdict: 'not',
          households: 50,
          coveredHouseholds: 0,
          coveredShare: 0,
          points: 1,
          coveredPoints: 0,
          unweightedPoints: 0,
        },
      ],
    });
  });

  it('the patches feed quarterHourCircleCoverage through the accumulator: 1 of 2 communities at 70 %', () => {
    const verdicts = unitCircleVerdicts(circles, homes);
    if (!verdicts.success) throw new Error('expected success');
    expect(circleStatisticsPatches(verdicts.data)).toEqual([
      { code: '110101001001', inQuarterHourCircle: false },
      { code: '110101001002', inQuarterHourCircle: false },
    ]);
    const patches = circleStatisticsPatches(verdicts.data, { minCoveredShare: 0.7 });
    const rows = patches.map((patch) => ({ kind: 'community' as const, ...patch }));
    const table = computeIndicatorTable(rows, { profile: 'beijing', asOf: '2025-12-31' });
    if (!table.success) throw new Error('expected success');
    const row = table.data.rows.find(
      (r) => r.indicator === 'quarterHourCircleCoverage' && r.level === 'province',
    );
    expect(row).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('uncovered estates as a list and as GeoJSON (back in GCJ-02 on request)', () => {
    expect(uncoveredResidential(circles, homes)).toEqual([
      { index: 1, name: 'B', unit: '110101001001', missing: ['便利店（社区超市）'] },
      { index: 2, name: 'C', unit: '110101001002', missing: ['早餐', '便利店（社区超市）'] },
    ]);
    const geojson = uncoveredGeoJson(circles, homes);
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features[0]?.geometry.coordinates).toEqual([at(2000).lng, 39.9]);
    expect(geojson.features[0]?.properties).toMatchObject({ name: 'B', households: 100 });
    const gcj = uncoveredGeoJson(circles, homes, { crs: 'gcj02' });
    expect(gcj.crs).toBe('gcj02');
    expect(gcj.features[0]?.geometry.coordinates[0]).toBeGreaterThan(at(2000).lng); // GCJ-02 is east of WGS-84 here
  });

  it('10- and 5-minute circles use 500 m and 300 m', () => {
    const ten = computeServiceCircles(homes, services, { ...options, minutes: 10, detourFactor: 1 });
    expect(ten.success && ten.data.reachMetres).toBe(500);
    expect(ten.success && Array.from(ten.data.covered)).toEqual([0, 0, 0]); // the store is 700 m from A
    const five = computeServiceCircles(homes, services, { ...options, minutes: 5 });
    expect(five.success && five.data.reachMetres).toBe(240);
  });
});

describe('errors are issues', () => {
  it('residential and services in different systems: crs_mismatch, never a silent offset', () => {
    const result = computeServiceCircles([at(0, 'gcj02')], [{ ...at(0), kind: '早餐' }]);
    expect(result.success).toBe(false);
    expect(!result.success && result.error.issues[0]?.code).toBe('crs_mismatch');
  });

  it('bad options are invalid_option', () => {
    const result = computeServiceCircles([], [], { minutes: 20 as 15, detourFactor: 0.5 });
    expect(!result.success && result.error.issues.map((i) => i.path[0])).toEqual(['minutes', 'detourFactor']);
  });

  it('a bad point is invalid_value with its position', () => {
    const result = computeServiceCircles([at(0), { lng: 116.4, lat: 95, crs: 'wgs84' }], []);
    expect(!result.success && result.error.issues[0]).toMatchObject({ code: 'invalid_value', path: [1] });
  });
});

describe('defaults and sources', () => {
  it('the default required kinds are the Beijing plan’s six outlets, quoted verbatim from the plan', () => {
    const plan = readFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'plans', 'beijing-2022.txt'),
      'utf8',
    );
    expect(plan).toContain(BEIJING_CONVENIENCE_OUTLETS.source.quote);
    for (const { kind } of BEIJING_CONVENIENCE_OUTLETS.kinds)
      expect(BEIJING_CONVENIENCE_OUTLETS.source.quote).toContain(kind);
    const result = computeServiceCircles([at(0)], []);
    expect(result.success && result.data.requiredKinds).toEqual(
      BEIJING_CONVENIENCE_OUTLETS.kinds.map((k) => k.kind),
    );
  });

  it('the Hebei co-location rule is quoted verbatim from the plan', () => {
    const plan = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'plans', 'hebei-2022.txt'), 'utf8');
    expect(plan).toContain(HEBEI_HEALTH_BESIDE_ELDERLY_CARE.source.quote);
  });

  it('life circles: 15 > 10 > 5 minutes in walking distance', () => {
    expect(LIFE_CIRCLES[15].walkingMetres.max).toBeGreaterThan(LIFE_CIRCLES[10].walkingMetres.max);
    expect(LIFE_CIRCLES[10].walkingMetres.max).toBeGreaterThan(LIFE_CIRCLES[5].walkingMetres.max);
  });
});

describe('checkColocation (Hebei: health centre beside elderly care)', () => {
  it('finds the nearest care facility of each health centre, worked by hand', () => {
    const services: ServicePoint[] = [
      { ...at(0), kind: '社区卫生服务中心' },
      { ...at(60), kind: '养老服务设施' },
      { ...at(1000), kind: '社区卫生服务中心' },
      { ...at(1500), kind: '早餐' },
    ];
    const result = checkColocation(services, HEBEI_HEALTH_BESIDE_ELDERLY_CARE);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.map((f) => [f.service, f.nearest, f.beside])).toEqual([
      [0, 1, true],
      [2, 1, false],
    ]);
    expect(result.data[1]?.distance).toBeCloseTo(haversineMetres(at(1000).lng, 39.9, at(60).lng, 39.9), 6);
  });

  it('no facility of the other kind: nearest −1, not beside', () => {
    const result = checkColocation(
      [{ ...at(0), kind: '社区卫生服务中心' }],
      HEBEI_HEALTH_BESIDE_ELDERLY_CARE,
    );
    expect(result.success && result.data).toEqual([
      { service: 0, nearest: -1, distance: Infinity, beside: false },
    ]);
  });
});

// Random estates and shops around one Beijing street (±3 km), kinds from a small set, duplicates included.
const street = fc.record({
  lng: fc.double({ min: 116.37, max: 116.43, noNaN: true }),
  lat: fc.double({ min: 39.88, max: 39.92, noNaN: true }),
});
const KINDS = ['早餐', '家政', '便民维修'];
const homesArb = fc.array(
  street.map((p) => ({ ...p, crs: 'wgs84' as const })),
  { maxLength: 40 },
);
const servicesArb = fc
  .array(fc.record({ p: street, kind: fc.constantFrom(...KINDS) }), { maxLength: 60 })
  .map((list) => list.map(({ p, kind }) => ({ ...p, crs: 'wgs84' as const, kind })))
  .chain((list) => fc.shuffledSubarray(list).map((copies) => [...list, ...copies]));

describe('properties', () => {
  test.prop([homesArb, servicesArb])(
    'the indexed nearest of each kind equals brute force',
    (homes, services) => {
      const result = computeServiceCircles(homes, services, { requiredKinds: KINDS });
      if (!result.success) throw new Error('expected success');
      homes.forEach((home, i) => {
        KINDS.forEach((kind, k) => {
          const distances = services
            .filter((s) => s.kind === kind)
            .map((s) => haversineMetres(home.lng, home.lat, s.lng, s.lat));
          const brute = distances.length > 0 ? Math.min(...distances) : Infinity;
          const got = result.data.nearestDistance[i * KINDS.length + k] as number;
          if (brute === Infinity) expect(got).toBe(Infinity);
          else expect(Math.abs(got - brute)).toBeLessThan(1e-6);
        });
        const bruteCovered = KINDS.every((kind) =>
          services.some(
            (s) =>
              s.kind === kind && haversineMetres(home.lng, home.lat, s.lng, s.lat) <= result.data.reachMetres,
          ),
        );
        expect(result.data.covered[i]).toBe(bruteCovered ? 1 : 0);
      });
    },
  );

  test.prop([homesArb, servicesArb, fc.integer({ min: 50, max: 3000 }), fc.integer({ min: 0, max: 3000 })])(
    'coverage is monotone in the radius: a larger walking distance covers every point a smaller one does',
    (homes, services, small, extra) => {
      const a = computeServiceCircles(homes, services, { requiredKinds: KINDS, walkingMetres: small });
      const b = computeServiceCircles(homes, services, {
        requiredKinds: KINDS,
        walkingMetres: small + extra,
      });
      if (!a.success || !b.success) throw new Error('expected success');
      for (let i = 0; i < homes.length; i++)
        expect(b.data.covered[i]).toBeGreaterThanOrEqual(a.data.covered[i] as number);
    },
  );

  test.prop([homesArb, servicesArb])(
    'the answer does not depend on the order of the services',
    (homes, services) => {
      const a = computeServiceCircles(homes, services, { requiredKinds: KINDS });
      const b = computeServiceCircles(homes, [...services].reverse(), { requiredKinds: KINDS });
      if (!a.success || !b.success) throw new Error('expected success');
      expect(Array.from(b.data.covered)).toEqual(Array.from(a.data.covered));
      Array.from(a.data.nearestDistance).forEach((d, j) => {
        const e = b.data.nearestDistance[j] as number;
        if (d === Infinity) expect(e).toBe(Infinity);
        else expect(Math.abs(e - d)).toBeLessThan(1e-6);
      });
    },
  );

  test.prop([homesArb, servicesArb])(
    'unit verdicts: covered households never exceed households',
    (homes, services) => {
      const units = homes.map((h, i) => ({ ...h, unit: `11010100100${i % 3}`, households: (i * 37) % 500 }));
      const circles = computeServiceCircles(units, services, { requiredKinds: KINDS });
      if (!circles.success) throw new Error('expected success');
      const verdicts = unitCircleVerdicts(circles.data, units);
      if (!verdicts.success) throw new Error('expected success');
      for (const v of verdicts.data) {
        expect(v.coveredHouseholds).toBeLessThanOrEqual(v.households);
        if (v.households > 0) expect(v.verdict === 'covered').toBe(v.coveredHouseholds === v.households);
        else expect(v.verdict === 'covered').toBe(v.coveredPoints === v.points);
        expect(v.verdict === 'not').toBe(
          v.households > 0 ? v.coveredHouseholds === 0 : v.coveredPoints === 0,
        );
      }
      expect(verdicts.data.reduce((n, v) => n + v.points, 0)).toBe(homes.length);
    },
  );
});

describe('residentialCircle, kinds named like Object.prototype keys', () => {
  // A kind is the caller's text: `__proto__` assigned as a key set the object's prototype (the kind vanished from
  // `nearest`, and `nearest.service` read the phantom's 0); `constructor` or `toString` must be keys like any other.
  const kindName = fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '早餐',
    'valueOf',
  );
  test.prop([fc.uniqueArray(kindName, { minLength: 1, maxLength: 5 })])(
    'nearest holds exactly the kinds with a service, as its own keys, on a plain object',
    (kinds) => {
      const services = kinds.map((kind, k) => ({ ...at(10 * (k + 1)), kind }));
      const result = computeServiceCircles([at(0)], services, { requiredKinds: [kinds[0] as string], kinds });
      expect(result.success).toBe(true);
      if (!result.success) return;
      const circle = residentialCircle(result.data, 0);
      expect(Object.getPrototypeOf(circle?.nearest)).toBe(Object.prototype);
      expect(Object.getOwnPropertyNames(circle?.nearest).sort()).toEqual([...kinds].sort());
      kinds.forEach((kind, k) => {
        expect(Object.getOwnPropertyDescriptor(circle?.nearest, kind)?.value.service).toBe(k);
      });
    },
  );
});
