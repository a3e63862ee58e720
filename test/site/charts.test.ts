/**
 * The page's charts: one bar per region up to the cap, status colours (grey, never red, without a target or data),
 * the target line only where there is a target, and every text escaped with its ID numbers masked.
 */
import { describe, expect, it } from 'vitest';
import { chartRows, chartSvg, escapeXml, MAX_BARS, STATUS_COLOURS } from '../../site/src/charts.js';
import type { IndicatorRow } from '../../src/indicators/rows.js';

const row = (region: string, over: Partial<IndicatorRow> = {}): IndicatorRow => ({
  region,
  level: 'county',
  indicator: 'facilityAreaPer100Households',
  numerator: 1,
  denominator: 1,
  missing: 0,
  value: 25,
  unit: 'm²',
  status: 'not-met',
  expected: null,
  gap: 5,
  asOf: '2025-12-31',
  ...over,
});

describe('chartSvg', () => {
  it('draws a bar per region, coloured by status, with the target line', () => {
    const target = { comparator: '>=', value: 30, year: 2025, confidence: 'seed', source: '规划' } as const;
    const svg = chartSvg(
      '设施面积',
      '平方米',
      [row('130123000000', { target }), row('130124000000', { status: 'met', value: 31, target })],
      'zh',
    );
    expect(svg.match(/<g class="bar"/g)).toHaveLength(2);
    expect(svg).toContain(`fill="${STATUS_COLOURS['not-met']}"`);
    expect(svg).toContain(`fill="${STATUS_COLOURS.met}"`);
    expect(svg).toContain('class="target"');
    expect(svg).toContain('目标 30');
  });

  it('greys a row without a target and draws no target line', () => {
    const svg = chartSvg('x', '%', [row('130123000000', { status: 'no-target' })], 'en');
    expect(svg).toContain(`fill="${STATUS_COLOURS['no-target']}"`);
    expect(svg).not.toContain('#c62828');
    expect(svg).not.toContain('class="target"');
  });

  it('cuts long lists and says how many are left out', () => {
    const rows = Array.from({ length: MAX_BARS + 5 }, (_, i) => row(String(130100000000 + i * 1000)));
    const svg = chartSvg('x', '%', rows, 'en');
    expect(svg.match(/<g class="bar"/g)).toHaveLength(MAX_BARS);
    expect(svg).toContain('5 more regions not drawn');
  });

  it('escapes names and masks ID numbers', () => {
    const svg = chartSvg('<b>', '%', [row('130123000000', { name: '<script>11010519491231002X' })], 'en');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('11010519491231002X');
    expect(escapeXml('11010519491231002X & <')).toBe('110105********002X &#38; &#60;');
  });
});

describe('chartRows', () => {
  it('charts the coarsest level that has more than one region', () => {
    const rows = [row('130000000000', { level: 'province' }), row('130123000000'), row('130124000000')];
    expect(chartRows(rows).map((r) => r.region)).toEqual(['130123000000', '130124000000']);
    expect(chartRows([row('130000000000', { level: 'province' })])).toHaveLength(1);
  });
});
