import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/run-main.js';
import { useTempDir } from '../helpers/temp-dir.js';

// `shequ circle` run in-process, as the built command runs it (test/dist checks the build itself).
const shequ = (args: readonly string[]) => runMain(args);

const dir = useTempDir('circle');
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Worked by hand on WGS-84 points along 39.9 N, where 0.001° of longitude is 85.3 m (haversine, mean radius).
// 早餐 at 116.401: 85.3 m from A (116.400), 767.7 m from B (116.410); 家政 at 116.405: 426.5 m from A and from B.
// C (116.430) is 2.1 km and more from both. Reach at 15 minutes: 1 000 m ÷ 1.25 = 800 m, so A and B are covered.
const ESTATES = file(
  'estates.csv',
  '小区名称,经度,纬度,户数,代码\nA,116.400,39.9,300,110101006006\nB,116.410,39.9,100,110101006006\nC,116.430,39.9,50,110101006008\n',
);
const SERVICES = file(
  'services.csv',
  '名称,类型,经度,纬度\n包子铺,早餐,116.401,39.9\n家政站,家政,116.405,39.9\n',
);
const KINDS = ['--kinds', '早餐,家政'];

describe('shequ circle, worked by hand', () => {
  it('gives a verdict per unit weighted by households, and the fields they fill (json)', async () => {
    const run = await shequ(['circle', ESTATES, SERVICES, '--crs', 'wgs84', ...KINDS, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        unit: '110101006006',
        name: '六条社区居委会',
        verdict: 'covered',
        households: 400,
        coveredHouseholds: 400,
        coveredShare: 1,
        points: 2,
        coveredPoints: 2,
        unweightedPoints: 0,
        inQuarterHourCircle: true, // only two kinds required: basicCommerce is not filled
      },
      {
        unit: '110101006008',
        name: '八条社区居委会',
        verdict: 'not',
        households: 50,
        coveredHouseholds: 0,
        coveredShare: 0,
        points: 1,
        coveredPoints: 0,
        unweightedPoints: 0,
        inQuarterHourCircle: false,
      },
    ]);
    expect(run.stderr).toContain('读取 3 行 read · 接受 3 accepted · 拒收 0 rejected');
    expect(run.stderr).toContain(
      '覆盖 covered 2 / 3 居住点 residential points (66.7 %) · 400 / 450 户 households',
    );
  });

  it('a larger detour shrinks the reach: at 1.4, 714 m, B (767.7 m from 早餐) falls out and its unit is partly covered', async () => {
    const run = await shequ([
      'circle',
      ESTATES,
      SERVICES,
      '--crs',
      'wgs84',
      ...KINDS,
      '--detour',
      '1.4',
      '--format',
      'ndjson',
    ]);
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows[0]).toMatchObject({
      verdict: 'partly',
      households: 400,
      coveredHouseholds: 300,
      coveredShare: 0.75,
    });
    expect(run.stderr).toContain('reach 714 m straight line (15 min, 1000 m walk ÷ 1.4)');
  });

  it('a 10-minute circle fills no statistics field (一刻钟 means 15 minutes)', async () => {
    const run = await shequ([
      'circle',
      ESTATES,
      SERVICES,
      '--crs',
      'wgs84',
      ...KINDS,
      '--minutes',
      '10',
      '--format',
      'json',
    ]);
    expect(JSON.parse(run.stdout)[0]).not.toHaveProperty('inQuarterHourCircle');
    expect(run.stderr).toContain('reach 400 m');
  });

  it('by estate: the nearest service of each kind, its name and distance', async () => {
    const run = await shequ([
      'circle',
      ESTATES,
      SERVICES,
      '--crs',
      'wgs84',
      ...KINDS,
      '--by',
      'estate',
      '--format',
      'json',
    ]);
    const rows = JSON.parse(run.stdout);
    expect(rows[1]).toEqual({
      index: 1,
      name: 'B',
      unit: '110101006006',
      households: 100,
      covered: true,
      missing: [],
      nearest: { 早餐: { metres: 767.7, name: '包子铺' }, 家政: { metres: 426.5, name: '家政站' } },
    });
    expect(rows[2]).toMatchObject({ name: 'C', covered: false, missing: ['早餐', '家政'] });
  });

  it('by estate: a kind named __proto__ is a key of nearest like any other (it vanished)', async () => {
    const services = file('proto-services.csv', '名称,类型,经度,纬度\n包子铺,__proto__,116.401,39.9\n');
    const run = await shequ([
      'circle',
      ESTATES,
      services,
      ...['--crs', 'wgs84', '--kinds', '__proto__', '--by', 'estate', '--format', 'json'],
    ]);
    const rows = JSON.parse(run.stdout);
    expect(Object.getOwnPropertyDescriptor(rows[0].nearest, '__proto__')?.value).toEqual({
      metres: 85.3,
      name: '包子铺',
    });
  });

  it('writes CSV (BOM, header in the language asked), Markdown and an aligned table', async () => {
    const csv = await shequ([
      'circle',
      ESTATES,
      SERVICES,
      '--crs',
      'wgs84',
      ...KINDS,
      '--format',
      'csv',
      '--lang',
      'en',
    ]);
    expect(csv.stdout.split('\r\n').slice(0, 2)).toEqual([
      '\ufeffunit,name,verdict,households,coveredHouseholds,coveredShare,points,coveredPoints,unweightedPoints,inQuarterHourCircle',
      '110101006006,六条社区居委会,covered,400,400,1,2,2,0,true',
    ]);
    const md = await shequ([
      'circle',
      ESTATES,
      SERVICES,
      '--crs',
      'wgs84',
      ...KINDS,
      '--format',
      'md',
      '--by',
      'estate',
    ]);
    expect(md.stdout.trim().split('\n')).toHaveLength(2 + 3);
    expect(md.stdout).toContain('| C | 110101006008 | 否 | 50 | 早餐、家政 | 2474 m | 2133 m |');
    const table = await shequ(['circle', ESTATES, SERVICES, '--crs', 'wgs84', ...KINDS]);
    expect(table.stdout).toMatch(/110101006006 {2}六条社区居委会 {2}覆盖 +400 +400 +100\.0 %/);
  });

  it('--out, --uncovered (GeoJSON in --crs) and a GeoJSON input read as WGS-84 without --crs', async () => {
    const out = join(dir, 'out.json');
    const uncovered = join(dir, 'uncovered.geojson');
    const run = await shequ([
      'circle',
      ESTATES,
      SERVICES,
      '--crs',
      'wgs84',
      ...KINDS,
      '--format',
      'json',
      '--out',
      out,
      '--uncovered',
      uncovered,
    ]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(2);
    const geojson = JSON.parse(readFileSync(uncovered, 'utf8'));
    expect(geojson.features).toHaveLength(1);
    expect(geojson.features[0].properties).toMatchObject({ name: 'C', missing: ['早餐', '家政'] });
    const services = file(
      'services.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [116.401, 39.9] },
            properties: { 类型: '早餐' },
          },
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [116.405, 39.9] },
            properties: { kind: '家政' },
          },
        ],
      }),
    );
    const estates = file(
      'estates.geojson',
      JSON.stringify({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [116.4, 39.9] },
        properties: { 代码: '110101006006' },
      }),
    );
    const fromGeoJson = await shequ(['circle', estates, services, ...KINDS, '--format', 'ndjson']);
    expect(JSON.parse(fromGeoJson.stdout)).toMatchObject({ unit: '110101006006', verdict: 'covered' });
  });
});

describe('shequ circle --format html: a dot map above the table', () => {
  const dots = (html: string, cls: string) =>
    html.match(new RegExp(`<circle class="${cls}"`, 'g'))?.length ?? 0;

  it('draws covered and uncovered estates and the services, nothing fetched, names escaped', async () => {
    const estates = file(
      'html-estates.csv',
      '小区名称,经度,纬度,户数,代码\nA<b>,116.400,39.9,300,110101006006\nB,116.410,39.9,100,110101006006\nC,116.430,39.9,50,110101006008\n',
    );
    const run = await shequ(['circle', estates, SERVICES, '--crs', 'wgs84', ...KINDS, '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect([dots(run.stdout, 'covered'), dots(run.stdout, 'uncovered')]).toEqual([2, 1]);
    expect(run.stdout.match(/<rect class="service"/g)).toHaveLength(2);
    expect(run.stdout).toContain('A&lt;b&gt;');
    expect(run.stdout).not.toContain('A<b>');
    expect(run.stdout).not.toMatch(/\b(src|href)=|https?:/);
    expect(run.stdout).toContain('<table id="circles">');
    // Scale: 0.03° of longitude at 39.9 N (2 559 m) fill 736 px, 0.2876 px/m; the longest round bar within 160 px is
    // 500 m, 143.8 px, ending at the right margin (760 − 12).
    expect(run.stdout).toContain('<line x1="604.2" x2="748"');
    expect(run.stdout).toContain('>500 m</text>');
  });

  it('draws every k-th estate beyond 20 000 and says so', async () => {
    const lines = Array.from(
      { length: 20_001 },
      (_, i) =>
        `E${i},${(116.3 + (i % 200) / 1000).toFixed(3)},${(39.8 + Math.floor(i / 200) / 1000).toFixed(3)}`,
    );
    const estates = file('many.csv', `小区名称,经度,纬度\n${lines.join('\n')}\n`);
    const run = await shequ([
      'circle',
      estates,
      SERVICES,
      '--crs',
      'wgs84',
      ...KINDS,
      '--format',
      'html',
      '--lang',
      'en',
    ]);
    expect(dots(run.stdout, 'covered') + dots(run.stdout, 'uncovered')).toBe(10_001);
    expect(run.stdout).toContain('every k-th drawn (10001 of 20001)');
  });

  // Wherever the points lie (one point, a line, all at one place, both hemispheres of longitude), every dot is
  // inside the drawing.
  test.prop(
    [
      fc.array(
        fc.tuple(fc.double({ min: 73, max: 135, noNaN: true }), fc.double({ min: 18, max: 53, noNaN: true })),
        { minLength: 1, maxLength: 15 },
      ),
    ],
    { numRuns: 20 },
  )('every dot lies inside the drawing', async (points) => {
    const estates = file('dots.csv', `经度,纬度\n${points.map(([x, y]) => `${x},${y}`).join('\n')}\n`);
    const run = await shequ(['circle', estates, SERVICES, '--crs', 'wgs84', ...KINDS, '--format', 'html']);
    const coordinates = [
      ...run.stdout.matchAll(/<(?:circle|rect) class="\w+" (?:cx|x)="([-\d.]+)" (?:cy|y)="([-\d.]+)"/g),
    ];
    expect(coordinates).toHaveLength(points.length + 2);
    for (const [, x, y] of coordinates) {
      expect(Number(x)).toBeGreaterThanOrEqual(0);
      expect(Number(x)).toBeLessThanOrEqual(760);
      expect(Number(y)).toBeGreaterThanOrEqual(0);
      expect(Number(y)).toBeLessThanOrEqual(560);
    }
  });
});

describe('shequ circle: bad rows, exit codes and usage', () => {
  it('rejects bad records with their line and reason, counts that add up, and exit 1; --rejects lists every one', async () => {
    const estates = file(
      'bad-estates.csv',
      '小区名称,经度,纬度,户数\nA,116.4,39.9,10\nB,116.4,九十,10\nC,,39.9,-3\nD,116.41,39.9,\n',
    );
    const rejects = join(dir, 'rejects.csv');
    const run = await shequ(['circle', estates, SERVICES, '--crs', 'wgs84', ...KINDS, '--rejects', rejects]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('读取 4 行 read · 接受 2 accepted · 拒收 2 rejected');
    expect(run.stderr).toContain('第 3 行 line 3, 纬度: 纬度应为 −90 到 90 之间的数字');
    expect(run.stderr).toContain('2 without a unit code');
    const lines = readFileSync(rejects, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\ufeff文件 file,行 line,要素 feature,列 column,值 value,原因 reason');
    // C is rejected for two reasons: one line each, so the file has 1 + 2 lines for 2 records
    expect(lines.slice(1).map((line) => line.split(',').slice(1, 4).join(','))).toEqual([
      '3,,纬度',
      '4,,经度',
      '4,,户数',
    ]);
  });

  it('warnings are grouped by code: points outside China counted, an unknown column named', async () => {
    const estates = file(
      'abroad.csv',
      '小区名称,经度,纬度,备注\nA,116.4,39.9,\nTokyo,139.7,35.7,\nMoscow,37.62,55.75,\n',
    );
    const run = await shequ(['circle', estates, SERVICES, '--crs', 'wgs84', ...KINDS]);
    expect(run.code).toBe(0); // kept, with a warning: a point abroad is not a bad record
    expect(run.stderr).toContain('读取 3 行 read · 接受 3 accepted · 拒收 0 rejected');
    expect(run.stderr).toMatch(
      /警告 warning \(2 × outside_china; the first shown\): .*abroad.csv 第 3 行 line 3/,
    );
    expect(run.stderr).toMatch(/警告 warning: .*abroad.csv 备注: 未知列/);
  });

  it('exit 2, with a hint, for a CSV without --crs, a missing file, one file only and bad options', async () => {
    const noCrs = await shequ(['circle', ESTATES, SERVICES]);
    expect(noCrs.code).toBe(2);
    expect(noCrs.stderr).toContain('--crs gcj02');
    expect((await shequ(['circle', join(dir, 'nope.csv'), SERVICES, '--crs', 'gcj02'])).stderr).toContain(
      'ENOENT',
    );
    expect((await shequ(['circle', ESTATES, '--crs', 'gcj02'])).code).toBe(2);
    const detour = await shequ(['circle', ESTATES, SERVICES, '--crs', 'wgs84', '--detour', '0.5']);
    expect(detour).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('detourFactor must be from 1 to 10'),
    });
    expect((await shequ(['circle', ESTATES, SERVICES, '--crs', 'wgs84', '--walk', 'far'])).code).toBe(2);
    const overInput = await shequ(['circle', ESTATES, SERVICES, '--crs', 'wgs84', '--out', SERVICES]);
    expect(overInput).toMatchObject({ code: 2, stderr: expect.stringContaining('name the same file') });
    expect(readFileSync(SERVICES, 'utf8')).toContain('包子铺'); // untouched
  });

  it('did you mean: a mistyped command, option or value', async () => {
    expect((await shequ(['circel'])).stderr).toContain("did you mean 'circle'?");
    expect((await shequ(['circle', ESTATES, SERVICES, '--minute', '5'])).stderr).toContain(
      'did you mean --minutes?',
    );
    expect((await shequ(['circle', ESTATES, SERVICES, '--crs', 'gcj2'])).stderr).toContain(
      '(did you mean gcj02?)',
    );
    expect((await shequ(['circle', ESTATES, SERVICES, '--by', 'estates'])).stderr).toContain(
      '(did you mean estate?)',
    );
  });

  it('prints its help, listed in the tool help', async () => {
    expect((await shequ(['circle', '--help'])).stdout).toContain(
      'Usage: shequ circle ESTATES SERVICES --crs CRS',
    );
    expect((await shequ(['--help'])).stdout).toContain('circle ESTATES SERVICES');
  });

  // Any mix of good and bad estate lines: read = accepted + rejected, every accepted point lands in exactly one of
  // "in a unit verdict" or "without a unit code", and the exit code is 1 exactly when a record was rejected.
  test.prop(
    [
      fc.array(
        fc.record({
          bad: fc.boolean(),
          coded: fc.boolean(),
          east: fc.integer({ min: 0, max: 3000 }),
          households: fc.integer({ min: 0, max: 2000 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    ],
    { numRuns: 25 },
  )('counts add up and the exit code follows the rejects', async (rows) => {
    const lines = rows.map(
      (row, i) =>
        `E${i},${(116.4 + row.east / 85_300).toFixed(6)},${row.bad ? 'x' : '39.9'},${row.households},${row.coded ? '110101006006' : ''}`,
    );
    const estates = file('random.csv', `小区名称,经度,纬度,户数,代码\n${lines.join('\n')}\n`);
    const run = await shequ(['circle', estates, SERVICES, '--crs', 'wgs84', ...KINDS, '--format', 'json']);
    const bad = rows.filter((row) => row.bad).length;
    expect(run.code).toBe(bad > 0 ? 1 : 0);
    expect(run.stderr).toContain(
      `读取 ${rows.length} 行 read · 接受 ${rows.length - bad} accepted · 拒收 ${bad} rejected`,
    );
    const units: { points: number; households: number; coveredHouseholds: number }[] = JSON.parse(run.stdout);
    const good = rows.filter((row) => !row.bad);
    expect(units.reduce((sum, unit) => sum + unit.points, 0)).toBe(good.filter((row) => row.coded).length);
    expect(units.reduce((sum, unit) => sum + unit.households, 0)).toBe(
      good.filter((row) => row.coded).reduce((sum, row) => sum + row.households, 0),
    );
    for (const unit of units) expect(unit.coveredHouseholds).toBeLessThanOrEqual(unit.households);
  });
});
