import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  assertSameCrs,
  type Crs,
  convertPoint,
  GCJ02_BOX,
  geodesicDistance,
  haversineMetres,
  INVERSE_ACCURACY_METRES,
  isInsideChinaBox,
} from '../../src/geo/index.js';
import { ShequError } from '../../src/index.js';

// Published reference points. wgs84 → gcj02 and gcj02 ↔ bd09: the test of wandergis/coordtransform (test/app.js),
// computed by the same public formula; wgs84 ↔ gcj02 of Shanghai, Shenzhen and Beijing: googollee/eviltransform's
// tests (its gcj2wgs_exact is tested there to 0.5 m).
const EVILTRANSFORM = [
  { wgs: [121.5272106, 31.1774276], gcj: [121.531541859215, 31.17530398364597] }, // Shanghai
  { wgs: [113.912316, 22.543847], gcj: [113.9171764808363, 22.540796131694766] }, // Shenzhen
  { wgs: [116.377817, 39.911954], gcj: [116.38404722455657, 39.91334545536069] }, // Beijing
] as const;

const metresBetween = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) =>
  haversineMetres(a.lng, a.lat, b.lng, b.lat);

describe('reference points', () => {
  it('wgs84 → gcj02 matches coordtransform to 1e-9 degree', () => {
    const gcj = convertPoint({ lng: 116.404, lat: 39.915, crs: 'wgs84' }, 'gcj02');
    expect(gcj.lng).toBeCloseTo(116.41024449916938, 9);
    expect(gcj.lat).toBeCloseTo(39.91640428150164, 9);
    expect(gcj.crs).toBe('gcj02');
  });

  it('gcj02 → bd09 matches coordtransform', () => {
    const bd = convertPoint({ lng: 116.404, lat: 39.915, crs: 'gcj02' }, 'bd09');
    expect(bd.lng).toBeCloseTo(116.41036949371029, 9);
    expect(bd.lat).toBeCloseTo(39.92133699351021, 9);
  });

  it('bd09 → gcj02 is within 5 cm of coordtransform’s one-step inverse (which is itself off by centimetres)', () => {
    const gcj = convertPoint({ lng: 116.404, lat: 39.915, crs: 'bd09' }, 'gcj02');
    expect(metresBetween(gcj, { lng: 116.39762729119315, lat: 39.90865673957631 })).toBeLessThan(0.05);
    // …and ours is exact: going forward again gives the BD-09 point back to a millimetre.
    expect(metresBetween(convertPoint(gcj, 'bd09'), { lng: 116.404, lat: 39.915 })).toBeLessThan(0.001);
  });

  it.each(EVILTRANSFORM)(
    'eviltransform: wgs84 → gcj02 to 1e-6 degree and back within 0.5 m',
    ({ wgs, gcj }) => {
      const forward = convertPoint({ lng: wgs[0], lat: wgs[1], crs: 'wgs84' }, 'gcj02');
      expect(forward.lng).toBeCloseTo(gcj[0], 6);
      expect(forward.lat).toBeCloseTo(gcj[1], 6);
      const back = convertPoint({ lng: gcj[0], lat: gcj[1], crs: 'gcj02' }, 'wgs84');
      expect(metresBetween(back, { lng: wgs[0], lat: wgs[1] })).toBeLessThan(INVERSE_ACCURACY_METRES);
      expect(metresBetween(back, { lng: wgs[0], lat: wgs[1] })).toBeLessThan(0.01);
    },
  );

  it('the one-step inverse would be off by metres (why we iterate)', () => {
    const { wgs, gcj } = EVILTRANSFORM[2];
    const forwardOfGcj = convertPoint({ lng: gcj[0], lat: gcj[1], crs: 'wgs84' }, 'gcj02');
    const oneStep = { lng: 2 * gcj[0] - forwardOfGcj.lng, lat: 2 * gcj[1] - forwardOfGcj.lat };
    expect(metresBetween(oneStep, { lng: wgs[0], lat: wgs[1] })).toBeGreaterThan(0.5);
  });

  it('outside China the GCJ-02 offset is not applied (Tokyo stays put)', () => {
    expect(isInsideChinaBox(139.7, 35.7)).toBe(false);
    expect(convertPoint({ lng: 139.7, lat: 35.7, crs: 'wgs84' }, 'gcj02')).toEqual({
      lng: 139.7,
      lat: 35.7,
      crs: 'gcj02',
    });
  });

  it('CGCS2000 is WGS-84 unchanged', () => {
    const point = convertPoint({ lng: 116.4, lat: 39.9, crs: 'cgcs2000' }, 'wgs84');
    expect(point).toEqual({ lng: 116.4, lat: 39.9, crs: 'wgs84' });
  });
});

describe('mixing systems is an error', () => {
  it('assertSameCrs and geodesicDistance throw crs_mismatch', () => {
    const a = { lng: 116.4, lat: 39.9, crs: 'gcj02' } as const;
    const b = { lng: 116.4, lat: 39.9, crs: 'wgs84' } as const;
    expect(() => assertSameCrs(a, b)).toThrow(ShequError);
    try {
      geodesicDistance(a, b);
      expect.unreachable();
    } catch (error) {
      expect((error as ShequError).issues[0]?.code).toBe('crs_mismatch');
    }
  });

  it('a bad point is invalid_value, not a TypeError', () => {
    expect(() => convertPoint({ lng: 200, lat: 0, crs: 'wgs84' }, 'gcj02')).toThrow(ShequError);
    expect(() => convertPoint(null as never, 'gcj02')).toThrow(ShequError);
  });
});

describe('distance', () => {
  it('0.01° of longitude at 39.9° N is 853 m (worked: 2R·asin(cos φ·sin(Δλ/2)))', () => {
    const expected =
      2 * 6371008.8 * Math.asin(Math.cos((39.9 * Math.PI) / 180) * Math.sin((0.01 * Math.PI) / 360));
    expect(
      geodesicDistance({ lng: 116.39, lat: 39.9, crs: 'wgs84' }, { lng: 116.4, lat: 39.9, crs: 'wgs84' }),
    ).toBeCloseTo(expected, 6);
    expect(Math.round(expected)).toBe(853);
  });

  it('one degree of latitude is 111.195 km on the mean sphere', () => {
    expect(haversineMetres(116, 39, 116, 40)).toBeCloseTo(111_195.08, 1);
  });

  const anyPoint = fc.record({
    lng: fc.double({ min: -180, max: 180, noNaN: true }),
    lat: fc.double({ min: -90, max: 90, noNaN: true }),
  });
  test.prop([anyPoint, anyPoint])('is symmetric and ≥ 0, and 0 to itself', (a, b) => {
    const ab = haversineMetres(a.lng, a.lat, b.lng, b.lat);
    expect(ab).toBeGreaterThanOrEqual(0);
    expect(ab).toBe(haversineMetres(b.lng, b.lat, a.lng, a.lat));
    expect(haversineMetres(a.lng, a.lat, a.lng, a.lat)).toBe(0);
    expect(ab).toBeLessThanOrEqual(Math.PI * 6371008.8 + 1e-6);
  });
});

// Points anywhere in the box, with its edges and corners drawn often.
const inBox = fc.record({
  lng: fc.oneof(
    fc.double({ min: GCJ02_BOX.minLng, max: GCJ02_BOX.maxLng, noNaN: true }),
    fc.constantFrom(GCJ02_BOX.minLng, GCJ02_BOX.maxLng),
  ),
  lat: fc.oneof(
    fc.double({ min: GCJ02_BOX.minLat, max: GCJ02_BOX.maxLat, noNaN: true }),
    fc.constantFrom(GCJ02_BOX.minLat, GCJ02_BOX.maxLat),
  ),
});

describe('round trips', () => {
  test.prop([inBox], { numRuns: 2000 })(
    `wgs84 → gcj02 → wgs84 within ${INVERSE_ACCURACY_METRES} m (when the GCJ point is still inside the box)`,
    (p) => {
      const gcj = convertPoint({ ...p, crs: 'wgs84' }, 'gcj02');
      fc.pre(isInsideChinaBox(gcj.lng, gcj.lat));
      const back = convertPoint(gcj, 'wgs84');
      expect(metresBetween(back, p)).toBeLessThan(INVERSE_ACCURACY_METRES);
      expect(metresBetween(back, p)).toBeLessThan(0.01); // observed accuracy, far inside the promise
    },
  );

  test.prop([inBox, fc.constantFrom<Crs>('gcj02', 'bd09', 'cgcs2000')], { numRuns: 1000 })(
    'wgs84 → any → wgs84 within the stated accuracy',
    (p, crs) => {
      const there = convertPoint({ ...p, crs: 'wgs84' }, crs);
      fc.pre(isInsideChinaBox(there.lng, there.lat));
      const back = convertPoint(there, 'wgs84');
      expect(metresBetween(back, p)).toBeLessThan(INVERSE_ACCURACY_METRES);
    },
  );

  test.prop([inBox], { numRuns: 1000 })('gcj02 → bd09 → gcj02 within 1 mm', (p) => {
    const back = convertPoint(convertPoint({ ...p, crs: 'gcj02' }, 'bd09'), 'gcj02');
    expect(metresBetween(back, p)).toBeLessThan(0.001);
  });

  test.prop([inBox])('the GCJ-02 offset inside China is between 0 and 1 km', (p) => {
    const gcj = convertPoint({ ...p, crs: 'wgs84' }, 'gcj02');
    expect(metresBetween(gcj, p)).toBeLessThan(1000);
  });
});
