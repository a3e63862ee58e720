/**
 * The column models and formats of the report layer (issue 16): every format renders every model; the rejects file
 * through the model equals io's rejectedRowsToCsv; the page's summary counts and digest add up (property tests); no
 * bar of an indicator without a target is red; every value is escaped and masked.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { computeIndicators, type Finding, type IndicatorRow, validate } from '../../src/index.js';
import { readUnitStatistics, rejectedRowsToCsv } from '../../src/io/index.js';
import {
  createFindingDigest,
  FINDING_MODEL,
  INDICATOR_ROW_MODEL,
  OUTPUT_FORMATS,
  rejectedRowModel,
  renderRows,
  reportPage,
  summarizeIndicators,
} from '../../src/report/index.js';
import { REPORT_UNITS } from '../fixtures/report-units.js';

const units = REPORT_UNITS;
const rows = computeIndicators(units, { profile: 'hebei', asOf: '2025-12-31', groupBy: ['county'] });
const findings = validate(units, { profile: 'hebei', asOf: '2025-12-31' }).findings;

describe('formats × models', () => {
  it('every format renders indicator rows and findings (and the data formats the keys)', () => {
    for (const id of Object.keys(OUTPUT_FORMATS) as (keyof typeof OUTPUT_FORMATS)[]) {
      expect(renderRows(id, INDICATOR_ROW_MODEL, rows, { lang: 'en' }).length, id).toBeGreaterThan(0);
      expect(renderRows(id, FINDING_MODEL, findings, { lang: 'zh' }).length, id).toBeGreaterThan(0);
    }
    expect(renderRows('csv', INDICATOR_ROW_MODEL, [])).toBe(
      '\ufeffregion,level,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline\r\n',
    );
    expect(renderRows('md', FINDING_MODEL, [], { lang: 'en' })).toBe(
      '| unit | severity | rule | finding | source |\n|---|---|---|---|---|\n',
    );
  });

  it('JSON of a whole-row model is the rows as JSON.stringify writes them', () => {
    expect(JSON.parse(renderRows('json', INDICATOR_ROW_MODEL, rows))).toEqual(
      JSON.parse(JSON.stringify(rows)),
    );
    const lines = renderRows('ndjson', FINDING_MODEL, findings).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(JSON.parse(JSON.stringify(findings)));
  });

  it('the rejects file through the model is io’s rejectedRowsToCsv with a BOM, in both languages', () => {
    const read = readUnitStatistics(
      '统计用区划代码,类型,户数,line\n130123100201,村委会,很多,x\n11010519491231002X,居委会,1,,extra\n',
    );
    const model = rejectedRowModel(read.rejected, read.header);
    for (const lang of ['zh', 'en'] as const)
      expect(renderRows('csv', model, read.rejected, { lang })).toBe(
        `\ufeff${rejectedRowsToCsv(read.rejected, read.header, { lang })}`,
      );
    expect(renderRows('csv', model, read.rejected)).not.toContain('11010519491231002X');
  });
});

const status = fc.constantFrom<IndicatorRow['status']>(
  'met',
  'on-track',
  'behind',
  'not-met',
  'no-target',
  'no-data',
);
const row = fc.record({
  region: fc.constantFrom('130123000000', '130124000000', '110101000000', '130100000000'),
  level: fc.constantFrom<IndicatorRow['level']>('county', 'prefecture'),
  indicator: fc.constantFrom('facilityAreaPer100Households', 'communityHomes', 'myOwn'),
  numerator: fc.nat(),
  denominator: fc.nat(),
  missing: fc.nat(),
  value: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null }),
  unit: fc.constant('%'),
  status,
  expected: fc.constant(null),
  gap: fc.option(fc.double({ min: -100, max: 100, noNaN: true }), { nil: null }),
  asOf: fc.constant('2025-12-31'),
}) as fc.Arbitrary<IndicatorRow>;

describe('the report page', () => {
  test.prop([fc.array(row, { maxLength: 60 })])(
    'summary counts add up to the regions of the deepest level',
    (rows) => {
      for (const summary of summarizeIndicators(rows)) {
        const total = Object.values(summary.counts).reduce((sum, count) => sum + count, 0);
        expect(total).toBe(summary.regions.length);
        expect(summary.regions.every((r) => r.level === summary.level)).toBe(true);
        expect(summary.top.length).toBeGreaterThan(0);
      }
    },
  );

  test.prop([
    fc.array(fc.record({ rule: fc.constantFrom('a', 'b', 'c'), unit: fc.constantFrom('1', '2', '3', '4') }), {
      maxLength: 200,
    }),
    fc.integer({ min: 0, max: 5 }),
  ])('the digest counts every finding, per rule, and keeps at most its limits', (items, limit) => {
    const digest = createFindingDigest({ units: limit, list: limit });
    for (const item of items) digest.add({ ...item, severity: 'error' } as unknown as Finding);
    const result = digest.digest();
    expect(result.total).toBe(items.length);
    expect(result.rules.reduce((sum, rule) => sum + rule.count, 0)).toBe(items.length);
    expect(result.first.length).toBe(Math.min(limit, items.length));
    for (const rule of result.rules) expect(new Set(rule.units).size).toBe(rule.units.length);
  });

  it('summary first with a legend; grey bars without target; values escaped and ID numbers masked', () => {
    const mine = rows.map((r): IndicatorRow => {
      if (r.indicator !== 'communityHomes') return r;
      const { target: _target, ...rest } = r;
      return { ...rest, status: 'no-target' };
    });
    const hostile = [
      { ...(mine[0] as IndicatorRow), name: '<script>alert(1)</script>11010519491231002X' },
      ...mine.slice(1),
    ];
    const digest = createFindingDigest();
    for (const finding of findings) digest.add(finding);
    const page = reportPage({
      rows: hostile,
      findings: digest.digest(),
      asOf: '2025-12-31',
      profile: 'hebei',
      units: 3,
    });
    expect(page.indexOf('id="summary"')).toBeLessThan(page.indexOf('id="charts"'));
    expect(page).toContain('id="legend"');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('11010519491231002X');
    expect(page).toContain('110105********002X');
    expect(page).not.toMatch(/<g class="bar s-no-target"[^>]*><rect [^>]*fill="#c62828"/);
    expect(page).toMatch(/<g class="bar s-no-target"[^>]*><rect [^>]*fill="#9e9e9e"/);
    expect(page).toContain(`<span class="findings-total">${findings.length}</span>`);
    expect(page).toContain('@page{size:A4');
    expect(page).toContain('Noto Sans CJK SC');
  });
});
