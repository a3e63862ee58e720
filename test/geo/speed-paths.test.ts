import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { computeServiceCircles, convertCoordinates, GCJ02_BOX } from '../../src/geo/index.js';

// The published GCJ-02 formula as every implementation writes it: twelve sines, nothing shared. shequ shares sines
// between the two polynomials and derives three by the triple-angle identity; the results must not move.
function publishedWgs84ToGcj02(lng: number, lat: number): [number, number] {
  const a = 6378245.0;
  const ee = 0.006693421622965943;
  const x = lng - 105;
  const y = lat - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  dLat += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  dLat += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  let dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  dLng += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  dLng += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  const radLat = (lat / 180) * Math.PI;
  const magic = 1 - ee * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180) / ((a / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

const inBox = fc.record({
  lng: fc.double({ min: GCJ02_BOX.minLng, max: GCJ02_BOX.maxLng, noNaN: true }),
  lat: fc.double({ min: GCJ02_BOX.minLat, max: GCJ02_BOX.maxLat, noNaN: true }),
});

describe('the GCJ-02 formula with shared sines', () => {
  test.prop([inBox], { numRuns: 5000 })('equals the published formula within 10⁻¹² degrees (0.1 µm)', (p) => {
    const out = [0, 0];
    convertCoordinates(p.lng, p.lat, 'wgs84', 'gcj02', out);
    const [lng, lat] = publishedWgs84ToGcj02(p.lng, p.lat);
    expect(Math.abs((out[0] as number) - lng)).toBeLessThan(1e-12);
    expect(Math.abs((out[1] as number) - lat)).toBeLessThan(1e-12);
  });
});

describe('WGS-84 columns are read in place', () => {
  const services = {
    crs: 'wgs84' as const,
    lng: [116.401, 116.405],
    lat: [39.9, 39.9],
    kind: ['早餐', '家政'],
  };
  const options = { requiredKinds: ['早餐', '家政'] };

  test.prop([
    fc.array(
      fc.tuple(fc.double({ min: 116, max: 117, noNaN: true }), fc.double({ min: 39, max: 41, noNaN: true })),
      { maxLength: 30 },
    ),
  ])('Float64Array columns give what plain arrays give, and stay as they were', (points) => {
    const lng = Float64Array.from(points.map(([x]) => x));
    const lat = Float64Array.from(points.map(([, y]) => y));
    const before = [Array.from(lng), Array.from(lat)];
    const typed = computeServiceCircles(
      { crs: 'wgs84', lng, lat },
      { ...services, lng: Float64Array.from(services.lng), lat: Float64Array.from(services.lat) },
      options,
    );
    const plain = computeServiceCircles(
      { crs: 'wgs84', lng: Array.from(lng), lat: Array.from(lat) },
      services,
      options,
    );
    if (!typed.success || !plain.success) throw new Error('expected success');
    expect(typed.data.covered).toEqual(plain.data.covered);
    expect(typed.data.nearestDistance).toEqual(plain.data.nearestDistance);
    expect([Array.from(lng), Array.from(lat)]).toEqual(before);
  });

  it('a NaN or out-of-range value in shared columns is still an invalid_value, never a result', () => {
    for (const bad of [Number.NaN, 181, -200]) {
      const result = computeServiceCircles(
        { crs: 'cgcs2000', lng: Float64Array.of(116.4, bad), lat: Float64Array.of(39.9, 39.9) },
        { ...services, crs: 'cgcs2000' },
        options,
      );
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.issues[0]?.code).toBe('invalid_value');
    }
  });
});
