/**
 * The .xlsx writers of the report layer, read back with the project's own .xlsx reader: sheet names, headers, cells
 * (numbers stored as numbers), frozen header rows, column widths, one sheet per rule, masked ID numbers, formula
 * text guarded; a property test that any indicator rows and findings round-trip their numbers.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import { computeIndicators, validate } from '../../src/index.js';
import type { IndicatorRow } from '../../src/indicators/rows.js';
import { columnLetters } from '../../src/io/xlsx-read.js';
import { findingsToXlsx, indicatorRowsToXlsx } from '../../src/report/xlsx.js';
import type { Finding } from '../../src/standards/validate.js';
import { readBackWorkbook } from './xlsx-read-back.js';

const ID = '11010519491231002X';

const SOURCE = { year: 2025, confidence: 'seed', source: '规划' } as const;

const row = (over: Partial<IndicatorRow> = {}): IndicatorRow => ({
  region: '130123000000',
  level: 'county',
  name: '正定县',
  indicator: 'facilityAreaPer100Households',
  numerator: 31_000.5,
  denominator: 120_000,
  missing: 2,
  value: 25.8,
  unit: 'm²',
  baseline: { value: 20, ...SOURCE },
  target: { comparator: '>=', value: 30, ...SOURCE },
  status: 'not-met',
  expected: 30,
  gap: 4.2,
  asOf: '2025-12-31',
  ...over,
});

describe('indicatorRowsToXlsx', () => {
  it('writes one sheet with a frozen header, widths and numbers as numbers (worked by hand)', async () => {
    const [sheet, ...rest] = readBackWorkbook(await indicatorRowsToXlsx([row()]));
    expect(rest).toEqual([]);
    expect(sheet?.name).toBe('指标');
    expect(sheet?.frozenRows).toBe(1);
    expect(sheet?.rows[0]).toEqual([
      '地区代码',
      '地区名称',
      '层级',
      '指标代码',
      '指标',
      '值',
      '单位',
      '分子',
      '分母',
      '缺数据单位数',
      '基线比较',
      '基线',
      '目标比较',
      '目标',
      '状态',
      '应达值',
      '差距',
      '评估日期',
    ]);
    expect(sheet?.rows[1]).toEqual([
      '130123000000',
      '正定县',
      '县区',
      'facilityAreaPer100Households',
      '每百户居民拥有社区综合服务设施面积',
      '25.8',
      '平方米',
      '31000.5',
      '120000',
      '2',
      '',
      '20',
      '≥',
      '30',
      '未达标',
      '30',
      '4.2',
      '2025-12-31',
    ]);
    // value F, numerator H, denominator I, missing J, baseline L, target N, expected P, gap Q: numbers; the code is text.
    for (const ref of ['F2', 'H2', 'I2', 'J2', 'L2', 'N2', 'P2', 'Q2'])
      expect(sheet?.numbers.has(ref)).toBe(true);
    expect(sheet?.numbers.has('A2')).toBe(false);
    expect(sheet?.widths).toHaveLength(18);
    // 每百户居民拥有社区综合服务设施面积: 17 CJK characters, two columns each, and a margin of 2.
    expect(sheet?.widths[4]).toBe(36);
    for (const width of sheet?.widths ?? []) expect(width).toBeGreaterThanOrEqual(6);
  });

  it('adds a 年度 column after the level when rows carry years (rows over years), the year as a number', async () => {
    const [sheet] = readBackWorkbook(await indicatorRowsToXlsx([row({ year: 2024 }), row({ year: 2025 })]));
    expect(sheet?.rows[0]?.slice(0, 5)).toEqual(['地区代码', '地区名称', '层级', '年度', '指标代码']);
    expect(sheet?.rows.slice(1).map((cells) => cells[3])).toEqual(['2024', '2025']);
    expect(sheet?.numbers.has('D2') && sheet.numbers.has('D3')).toBe(true);
    const [plain] = readBackWorkbook(await indicatorRowsToXlsx([row()]));
    expect(plain?.rows[0]).not.toContain('年度');
  });

  it('writes English headers and labels with lang en, and keeps `=` as a comparator', async () => {
    const [sheet] = readBackWorkbook(
      await indicatorRowsToXlsx(
        [row({ target: { comparator: '=', value: 100, ...SOURCE }, status: 'met' })],
        {
          lang: 'en',
        },
      ),
    );
    expect(sheet?.name).toBe('indicators');
    expect(sheet?.rows[0]?.slice(0, 3)).toEqual(['region', 'name', 'level']);
    expect(sheet?.rows[1]?.slice(12, 15)).toEqual(['=', '100', 'met']);
  });

  it('masks ID numbers in names and guards formula text', async () => {
    const [sheet] = readBackWorkbook(
      await indicatorRowsToXlsx([row({ name: `=HYPERLINK("x") ${ID}`, numerator: 110105491231002 })]),
    );
    const cells = sheet?.rows[1] ?? [];
    expect(cells[1]).toBe(`'=HYPERLINK("x") 110105********002X`);
    expect(cells.join('|')).not.toContain(ID);
    expect(JSON.stringify(sheet?.rows)).not.toMatch(/\d{17}[\dX]/);
  });

  it('matches computeIndicators on real rows: one sheet row per indicator row', async () => {
    const rows = computeIndicators(
      [
        { code: '130123100201', kind: 'village', households: 612, facilityArea: 200 },
        { code: '130123001001', kind: 'community', households: 1000, facilityArea: 350 },
      ],
      { asOf: '2025-12-31', profile: 'hebei', groupBy: ['county'] },
    );
    const [sheet] = readBackWorkbook(await indicatorRowsToXlsx(rows));
    expect(sheet?.rows).toHaveLength(rows.length + 1);
    for (const [i, r] of rows.entries()) {
      expect(sheet?.rows[i + 1]?.[3]).toBe(r.indicator);
      expect(sheet?.rows[i + 1]?.[5]).toBe(r.value === null ? '' : String(r.value));
    }
  });
});

const finding = (rule: string, unit: string, over: Partial<Finding> = {}): Finding => ({
  rule,
  severity: 'error',
  unit,
  index: 0,
  path: ['disasterOfficers'],
  message: { zh: `未设置灾害信息员 ${ID}`, en: 'no disaster officer' },
  expected: '>= 1',
  actual: 0,
  source: { document: '规划', section: '专栏 13', quote: '全省所有村（社区）设置1名灾害信息员' },
  ...over,
});

describe('findingsToXlsx', () => {
  it('writes a summary sheet, then one sheet per rule (worked by hand)', async () => {
    const findings = [
      finding('workers.disasterOfficer', '130123100201'),
      finding('facility.areaPer100Households', '130123100202', {
        severity: 'warning',
        expected: 30,
        actual: 12.5,
      }),
      finding('workers.disasterOfficer', '130123100203'),
    ];
    const sheets = readBackWorkbook(await findingsToXlsx(findings));
    expect(sheets.map((s) => s.name)).toEqual([
      '汇总',
      'workers.disasterOfficer',
      'facility.areaPer100House',
    ]);
    const [summary, officers, area] = sheets;
    expect(summary?.rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [
        'workers.disasterOfficer',
        '每个村（社区）设置1名灾害信息员',
        'workers.disasterOfficer',
        '2',
        '2',
        '0',
        '0',
      ],
      [
        'facility.areaPer100Households',
        '每百户居民拥有综合服务设施面积不低于30平方米',
        'facility.areaPer100House',
        '1',
        '0',
        '1',
        '0',
      ],
    ]);
    expect(summary?.numbers.has('D2')).toBe(true);
    expect(officers?.rows.map((r) => r[0])).toEqual(['单位代码', '130123100201', '130123100203']);
    expect(officers?.rows[1]?.[4]).toBe('未设置灾害信息员 110105********002X');
    expect(officers?.rows[1]?.[5]).toBe('>= 1');
    expect(area?.rows[1]?.slice(1, 7)).toEqual([
      '警告',
      'facility.areaPer100Households',
      'disasterOfficers',
      '未设置灾害信息员 110105********002X',
      '30',
      '12.5',
    ]);
    expect(area?.numbers.has('F2') && area.numbers.has('G2')).toBe(true);
    for (const sheet of sheets) expect(sheet.frozenRows).toBe(1);
  });

  it('adds the tallies of the validation summary, in English with lang en', async () => {
    const report = validate([{ code: '130123100201', kind: 'village', disasterOfficers: 0 }], {
      profile: 'hebei',
      asOf: '2025-12-31',
    });
    const sheets = readBackWorkbook(
      await findingsToXlsx(report.findings, { lang: 'en', summary: report.summary }),
    );
    expect(sheets[0]?.name).toBe('summary');
    expect(sheets[0]?.rows[0]?.slice(7)).toEqual([
      'checked',
      'passed',
      'failed',
      'not checked',
      'not applicable',
    ]);
    const officer = sheets[0]?.rows.find((r) => r[0] === 'workers.disasterOfficer');
    expect(officer?.slice(3)).toEqual(['1', '1', '0', '0', '1', '0', '1', '0', '0']);
    // Every rule of the summary has a row, with or without findings.
    expect(sheets[0]?.rows.length).toBe(Object.keys(report.summary.byRule).length + 1);
    expect(sheets[1]?.rows[1]?.[4]).toBe(report.findings[0]?.message.en);
  });

  it('gives rule ids illegal or equal as sheet names legal, unique names', async () => {
    const sheets = readBackWorkbook(
      await findingsToXlsx([finding('a/b:c', '1'), finding('A/B:C', '2'), finding('汇总', '3')]),
    );
    expect(sheets.map((s) => s.name)).toEqual(['汇总', 'a_b_c', 'A_B_C~2', '汇总~2']);
  });

  it('writes an empty workbook as a summary sheet with its header only', async () => {
    const sheets = readBackWorkbook(await findingsToXlsx([]));
    expect(sheets.map((s) => s.rows.length)).toEqual([1]);
  });
});

/** Numbers a sheet must hold as they are (an ID-shaped run of digits is masked instead). */
const anyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e-7, 0.1 + 0.2, 2 ** 53, 110105491231002, 1101054912310021),
);

/** What a number reads back as: its digits, or the masked text when they could be an ID number. */
function expectNumberCell(
  sheet: ReturnType<typeof readBackWorkbook>[number],
  ref: string,
  text: string,
  n: number,
) {
  const masked = maskIdNumbersInText(String(n));
  if (masked !== String(n)) {
    expect(text).toBe(masked);
    return;
  }
  expect(sheet.numbers.has(ref)).toBe(true);
  expect(Number(text)).toBe(n === 0 ? 0 : n);
}

describe('numbers round-trip', () => {
  test.prop([fc.array(fc.tuple(anyNumber, anyNumber, fc.nat(), anyNumber, anyNumber), { maxLength: 8 })], {
    numRuns: 40,
  })('any indicator rows keep their numbers', async (tuples) => {
    const rows = tuples.map(([numerator, value, missing, target, gap]) =>
      row({ numerator, value, missing, target: { comparator: '>', value: target, ...SOURCE }, gap }),
    );
    const [sheet] = readBackWorkbook(await indicatorRowsToXlsx(rows));
    if (sheet === undefined) throw new Error('no sheet');
    expect(sheet.rows).toHaveLength(rows.length + 1);
    for (const [i, r] of rows.entries()) {
      const line = i + 2;
      const cells = sheet.rows[i + 1] ?? [];
      for (const [column, n] of [
        [8, r.numerator],
        [6, r.value as number],
        [10, r.missing],
        [14, r.target?.value as number],
        [17, r.gap as number],
      ] as const)
        expectNumberCell(sheet, `${columnLetters(column)}${line}`, cells[column - 1] ?? '', n);
    }
  });

  test.prop(
    [fc.array(fc.tuple(fc.constantFrom('r.a', 'r.b', 'r.c'), anyNumber, anyNumber), { maxLength: 10 })],
    {
      numRuns: 30,
    },
  )('any findings keep their numbers and land on their rule’s sheet', async (tuples) => {
    const findings = tuples.map(([rule, expected, actual], i) =>
      finding(rule, String(i), { expected, actual }),
    );
    const sheets = readBackWorkbook(await findingsToXlsx(findings));
    for (const [i, f] of findings.entries()) {
      const sheet = sheets.find((s) => s.name === f.rule);
      if (sheet === undefined) throw new Error(`no sheet for ${f.rule}`);
      const at = sheet.rows.findIndex((r) => r[0] === String(i));
      expect(at).toBeGreaterThan(0);
      expectNumberCell(sheet, `F${at + 1}`, sheet.rows[at]?.[5] ?? '', f.expected as number);
      expectNumberCell(sheet, `G${at + 1}`, sheet.rows[at]?.[6] ?? '', f.actual as number);
    }
    // The summary counts every finding once.
    const counted = (sheets[0]?.rows.slice(1) ?? []).reduce((sum, r) => sum + Number(r[3]), 0);
    expect(counted).toBe(findings.length);
  });
});
