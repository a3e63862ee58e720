import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readResidentialPoints, readServicePoints } from '../../src/geo/index.js';

describe('readResidentialPoints (CSV)', () => {
  const csv = [
    '东城区小区坐标表', // a title line
    '小区名称,经度,纬度,户数,人口,代码,备注',
    '东四六条,116.4192,39.9326,820,2100,110101001001,',
    '',
    '北新桥,116.41,九十,300,,110101001002,',
    '南锣鼓巷,１１６.４０３,39.937,"1,200",,110101001003,',
    '错代码,116.4,39.93,10,,1101,',
    '写反了,39.93,116.4,10,,110101001004,',
    '东京,139.7,35.7,5,,110101001005,',
  ].join('\n');
  const result = readResidentialPoints(csv, { crs: 'gcj02' });

  it('keeps the good rows (full-width digits and thousands separators read) and counts every line', () => {
    expect(result.points.map((p) => p.name)).toEqual(['东四六条', '南锣鼓巷', '东京']);
    expect(result.points[0]).toEqual({
      crs: 'gcj02',
      lng: 116.4192,
      lat: 39.9326,
      name: '东四六条',
      unit: '110101001001',
      households: 820,
      residents: 2100,
    });
    expect(result.points[1]).toMatchObject({ lng: 116.403, households: 1200 });
    expect(result.counts).toEqual({ read: 6, accepted: 3, rejected: 3, blankLines: 1, titleLines: 1 });
  });

  it('rejects bad cells with line, column, value and both languages', () => {
    expect(result.rejected.map((r) => [r.line, r.issues[0]?.code, r.issues[0]?.column])).toEqual([
      [5, 'invalid_type', '纬度'],
      [7, 'invalid_format', '代码'],
      [8, 'invalid_value', '纬度'],
    ]);
    expect(result.rejected[0]?.issues[0]?.value).toBe('九十');
    expect(result.rejected[0]?.issues[0]?.message.zh).toContain('纬度');
  });

  it('warns about a point outside China, an unknown column and the title line', () => {
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['skipped_lines', 'info'],
      ['unknown_column', 'warning'],
      ['outside_china', 'warning'],
    ]);
    expect(result.issues[2]?.line).toBe(9);
  });

  it('a CSV without crs is invalid_option (a file does not say its system), nothing read', () => {
    const bare = readResidentialPoints('经度,纬度\n116.4,39.9\n');
    expect(bare.issues[0]).toMatchObject({ code: 'invalid_option', path: ['crs'] });
    expect(bare.points).toEqual([]);
  });

  it('no header: header_not_found', () => {
    expect(readResidentialPoints('a,b\n1,2\n', { crs: 'wgs84' }).issues[0]?.code).toBe('header_not_found');
  });

  it('bytes in GB18030 are decoded', () => {
    // '经度,纬度\n116.4,39.9\n' in GB18030: 经 = BEAD, 度 = B6C8, 纬 = CEB3.
    const bytes = new Uint8Array([
      0xbe,
      0xad,
      0xb6,
      0xc8,
      0x2c,
      0xce,
      0xb3,
      0xb6,
      0xc8,
      0x0a,
      ...new TextEncoder().encode('116.4,39.9\n'),
    ]);
    const read = readResidentialPoints(bytes, { crs: 'wgs84', encoding: 'gb18030' });
    expect(read.points).toEqual([{ crs: 'wgs84', lng: 116.4, lat: 39.9 }]);
  });
});

describe('readServicePoints', () => {
  it('CSV: the kind is required', () => {
    const read = readServicePoints('类型,经度,纬度\n早餐,116.4,39.9\n,116.4,39.9\n', { crs: 'bd09' });
    expect(read.points).toEqual([{ crs: 'bd09', kind: '早餐', lng: 116.4, lat: 39.9 }]);
    expect(read.rejected[0]).toMatchObject({ line: 3, issues: [{ code: 'invalid_type', column: '类型' }] });
  });

  it('GeoJSON: points with properties by Chinese names; a non-point feature rejected by index; WGS-84 by default', () => {
    const read = readServicePoints({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [116.4185, 39.9331] },
          properties: { 类型: '早餐', 名称: '包子铺' },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [116, 39],
              [117, 40],
            ],
          },
          properties: { 类型: '早餐' },
        },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [116.4, 39.9] }, properties: {} },
      ],
    });
    expect(read.points).toEqual([
      { crs: 'wgs84', lng: 116.4185, lat: 39.9331, kind: '早餐', name: '包子铺' },
    ]);
    expect(read.rejected.map((r) => [r.index, r.issues[0]?.path])).toEqual([
      [1, ['features', 1, 'geometry']],
      [2, ['features', 2, 'kind']],
    ]);
    expect(read.counts).toMatchObject({ read: 3, accepted: 1, rejected: 2 });
  });

  it('GeoJSON text is detected; a broken one is malformed_record', () => {
    const text = JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [116.4, 39.9] },
      properties: { kind: '家政' },
    });
    expect(readServicePoints(text, { crs: 'gcj02' }).points).toEqual([
      { crs: 'gcj02', lng: 116.4, lat: 39.9, kind: '家政' },
    ]);
    expect(readServicePoints('{"type":', { crs: 'gcj02' }).issues[0]?.code).toBe('malformed_record');
  });
});

describe('nothing lost', () => {
  const cell = fc.oneof(
    fc.constantFrom('116.4', '39.9', '', 'x', '-200', '早餐', '"a,b"', '1e3'),
    fc.string({ maxLength: 6 }),
  );
  const line = fc.array(cell, { minLength: 0, maxLength: 4 }).map((cells) => cells.join(','));
  test.prop([fc.array(line, { maxLength: 30 })])(
    'read = accepted + rejected, and every line is one of them, a blank or a title',
    (lines) => {
      const text = ['经度,纬度,类型', ...lines].join('\n');
      const read = readServicePoints(text, { crs: 'wgs84' });
      expect(read.counts.read).toBe(read.counts.accepted + read.counts.rejected);
      expect(read.points.length).toBe(read.counts.accepted);
      // One record per line here unless a quote spans lines: never more records than lines after the header.
      expect(read.counts.read + read.counts.blankLines).toBeLessThanOrEqual(lines.length);
      for (const point of read.points) {
        expect(Math.abs(point.lng)).toBeLessThanOrEqual(180);
        expect(Math.abs(point.lat)).toBeLessThanOrEqual(90);
        expect(point.kind.length).toBeGreaterThan(0);
      }
    },
  );
});

describe('counts that overflow to Infinity', () => {
  it('rejects 户数 / 人口 / 容量 written as 1e400 (Infinity) instead of accepting them', () => {
    const estates = readResidentialPoints(
      '经度,纬度,户数,人口\n116.4,39.9,1e400,1\n116.4,39.9,1,1e999\n116.4,39.9,2,3\n',
      { crs: 'gcj02' },
    );
    expect(estates.rejected.map((r) => [r.line, r.issues[0]?.column])).toEqual([
      [2, '户数'],
      [3, '人口'],
    ]);
    expect(estates.points.map((p) => p.households)).toEqual([2]);
    const services = readServicePoints('经度,纬度,类型,容量\n116.4,39.9,早餐,1e400\n', { crs: 'gcj02' });
    expect(services.rejected.map((r) => r.issues[0]?.column)).toEqual(['容量']);
  });

  // Households are whole: any finite count ≥ 0 is kept as read when it is a whole number up to 2^53 − 1 (a sum of
  // them is then exact), and rejected with its column, value and reason otherwise — never kept as a fraction.
  test.prop([
    fc.oneof(
      fc.double({ min: 0, max: 1e300, noNaN: true }),
      fc.maxSafeNat(),
      fc.integer({ min: 2 ** 53 - 9, max: 2 ** 53 + 9 }),
    ),
  ])('any finite count ≥ 0 is kept as read when it is a whole number up to 2^53 − 1, else rejected', (n) => {
    const read = readResidentialPoints(`经度,纬度,户数\n116.4,39.9,${n}\n`, { crs: 'gcj02' });
    if (Number.isSafeInteger(n)) expect(read.points.map((p) => p.households)).toEqual([n]);
    else {
      expect(read.points).toEqual([]);
      expect(read.rejected.map((r) => r.issues.map((i) => [i.code, i.column, i.value]))).toEqual([
        [['invalid_value', '户数', String(n)]],
      ]);
    }
  });
});
