import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { computeIndicators, type UnitStatistics } from '../../src/index.js';
import { defaultRenderContext } from '../../src/report/context.js';
import { reportPage } from '../../src/report/html/page.js';
import { TREND_REGIONS, trendCharts } from '../../src/report/html/trend.js';

const village = (code: string, year: number, hasFacility: boolean): UnitStatistics => ({
  code,
  kind: 'village',
  year,
  households: 100,
  hasFacility,
});

// Two counties of 正定/行唐, two villages each, in 2023 and 2024: by hand, 正定 50 % → 100 %, 行唐 0 % → 50 %.
const units: UnitStatistics[] = [
  village('130123100201', 2023, true),
  village('130123100202', 2023, false),
  village('130125100201', 2023, false),
  village('130125100202', 2023, false),
  village('130123100201', 2024, true),
  village('130123100202', 2024, true),
  village('130125100201', 2024, true),
  village('130125100202', 2024, false),
];
const rows = computeIndicators(units, { profile: 'hebei', asOf: '2024-12-31', groupBy: ['county'] });
const rural = (charts: string[]) =>
  charts.find((chart) => chart.includes('data-indicator="ruralFacilityCoverage"')) as string;

describe('trend charts', () => {
  it('draw one line per region through its values, the target and the baseline', () => {
    const chart = rural(trendCharts(rows, defaultRenderContext('en')));
    expect(chart.match(/<g class="line /g)).toHaveLength(2);
    expect(chart.match(/<polyline /g)).toHaveLength(2);
    expect(chart).toContain('data-region="130123000000"');
    expect(chart).toContain('data-region="130125000000"');
    // The values table by hand: 正定 50 then 100, 行唐 0 then 50.
    expect(chart).toMatch(/130123000000<\/th><td class="num">50<\/td><td class="num">100<\/td>/);
    expect(chart).toMatch(/130125000000<\/th><td class="num">0<\/td><td class="num">50<\/td>/);
    // The hebei 十四五 figures: baseline 65 (2020), target ≥ 80 (2025).
    expect(chart).toContain('class="target"');
    expect(chart).toContain('target 80 (2025)');
    expect(chart).toContain('class="baseline"');
    expect(chart).toContain('baseline 2020: 65');
    expect(chart).toMatch(/<title id="trend\d+-t">/);
    expect(chart).toMatch(/<desc id="trend\d+-d">[^<]*2023 50, 2024 100/);
  });

  it('escape and mask every name', () => {
    const names = (code: string) =>
      code === '130123000000' ? '<script>11010519491231002X</script>' : undefined;
    const chart = rural(trendCharts(rows, defaultRenderContext('zh', names)));
    expect(chart).not.toContain('<script>');
    expect(chart).toContain('&lt;script&gt;');
    expect(chart).not.toContain('11010519491231002X');
  });

  it('are not drawn for rows of one year, or without years', () => {
    const one = rows.filter((row) => row.year === 2024);
    expect(trendCharts(one, defaultRenderContext('en'))).toEqual([]);
    expect(
      trendCharts(
        rows.map(({ year: _, ...row }) => row),
        defaultRenderContext('en'),
      ),
    ).toEqual([]);
    expect(
      reportPage({
        rows: one,
        findings: { total: 0, rules: [], first: [] },
        asOf: '2024-12-31',
        profile: 'hebei',
        units: 4,
      }),
    ).not.toContain('id="trends"');
    expect(
      reportPage({
        rows,
        findings: { total: 0, rules: [], first: [] },
        asOf: '2024-12-31',
        profile: 'hebei',
        units: 8,
      }),
    ).toContain('id="trends"');
  });

  test.prop([fc.integer({ min: 1, max: 14 }), fc.integer({ min: 2, max: 4 })], { numRuns: 20 })(
    'draw one line per region of the top level, at most TREND_REGIONS',
    (counties, years) => {
      const many: UnitStatistics[] = [];
      for (let c = 0; c < counties; c++)
        for (let y = 0; y < years; y++)
          many.push(village(`1301${String(21 + c).padStart(2, '0')}100201`, 2021 + y, (c + y) % 2 === 0));
      const manyRows = computeIndicators(many, { profile: 'hebei', asOf: '2025-12-31', groupBy: ['county'] });
      const chart = rural(trendCharts(manyRows, defaultRenderContext('en')));
      expect(chart.match(/<g class="line /g)).toHaveLength(Math.min(counties, TREND_REGIONS));
      expect(chart.match(/<td class="num">/g)).toHaveLength(Math.min(counties, TREND_REGIONS) * years);
    },
  );
});
