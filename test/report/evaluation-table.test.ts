import { describe, expect, it } from 'vitest';
import {
  type EvaluationRow,
  evaluatePlanPeriod,
  INDICATOR_PROFILES,
  type IndicatorProfile,
  type PlanEvaluation,
} from '../../src/index.js';
import { dataCells, dataHeader, type ReportLang, viewColumns } from '../../src/report/columns.js';
import {
  baselineCell,
  evaluationModel,
  regionLabel,
  evaluationRowsByRegion as rowsByRegion,
  targetCell,
} from '../../src/report/models/evaluation.js';

// The tables every renderer draws, read off the evaluation's column model: the plan's layout is the people view
// (its cells as data: numbers stay numbers), the long table the data view, the plan sheet the region and the layout.
const model = (e: PlanEvaluation, lang: ReportLang) => evaluationModel(e.period, lang);
const evaluationHeader = (e: PlanEvaluation, lang: ReportLang) =>
  viewColumns(model(e, lang), 'people').map((column) => column.header[lang]);
const evaluationCells = (row: EvaluationRow, e: PlanEvaluation, lang: ReportLang) =>
  dataCells(viewColumns(model(e, lang), 'people'), row, lang);
function evaluationPlanTable(e: PlanEvaluation, lang: ReportLang) {
  const m = model(e, lang);
  const columns = [...m.columns.filter((column) => column.key === 'place'), ...viewColumns(m, 'people')];
  return {
    header: columns.map((column) => column.header[lang]),
    rows: e.rows.map((row) => dataCells(columns, row, lang)),
  };
}
function evaluationDetailTable(e: PlanEvaluation, lang: ReportLang) {
  const columns = viewColumns(model(e, lang), 'data');
  return { header: dataHeader(columns), rows: e.rows.map((row) => dataCells(columns, row, lang)) };
}
const statusText = (e: PlanEvaluation, status: EvaluationRow['status'], lang: ReportLang) =>
  evaluationCells({ ...(e.rows[0] as EvaluationRow), status }, e, lang).at(-1);

// A Hebei profile whose area indicator is 约束性 and whose rural coverage baseline is of 2019 (a profile file could say so).
// Without `periods`, the indicators' own figures are the 十四五's.
const { periods: _, ...hebei } = INDICATOR_PROFILES.hebei;
const profile: IndicatorProfile = {
  ...hebei,
  id: 'hebei-test',
  indicators: hebei.indicators.map((entry) =>
    entry.indicator.id === 'facilityAreaPer100Households'
      ? { ...entry, indicator: { ...entry.indicator, property: 'binding' } }
      : entry.indicator.id === 'ruralFacilityCoverage' && entry.baseline !== undefined
        ? { ...entry, baseline: { ...entry.baseline, year: 2019 } }
        : entry,
  ),
};

function evaluation(): PlanEvaluation {
  const result = evaluatePlanPeriod(
    [
      { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 },
      { code: '130123100202', kind: 'village', households: 200, hasFacility: false },
      { code: '130104001001', kind: 'community', households: 1000, hasFacility: true, facilityArea: 320 },
    ],
    { profile, period: '14th', asOf: '2026-01-01', groupBy: ['province', 'county'] },
  );
  if (!result.success) throw new Error('expected an evaluation');
  return result.data;
}

const find = (e: PlanEvaluation, region: string, indicator: string) =>
  e.rows.find((row) => row.region === region && row.indicator === indicator) as EvaluationRow;

describe('the column models of an evaluation', () => {
  it('lays a line out as the plan’s 主要指标 table does, numbers as numbers', () => {
    const e = evaluation();
    expect(evaluationHeader(e, 'zh')).toEqual([
      '序号',
      '指标',
      '单位',
      '2020年',
      '2025年目标',
      '属性',
      '2025年实际',
      '完成情况',
    ]);
    expect(evaluationHeader(e, 'en')[3]).toBe('2020');
    // 约束性, a number baseline, a target with its comparator, the actual 420 / 1500 × 100 = 28.
    expect(evaluationCells(find(e, '130000000000', 'facilityAreaPer100Households'), e, 'zh')).toEqual([
      4,
      '每百户居民拥有社区综合服务设施面积',
      '平方米',
      23.6,
      '≥ 30',
      '约束性',
      28,
      '未达标',
    ]);
    // A baseline of another year than the period's says which; no target and no data are empty cells.
    const rural = find(e, '130000000000', 'ruralFacilityCoverage');
    expect(evaluationCells(rural, e, 'zh').slice(3, 8)).toEqual(['65（2019年）', '≥ 80', null, 50, '未达标']);
    expect(evaluationCells(rural, e, 'en')[3]).toBe('65 (2019)');
    const secretary = find(e, '130123000000', 'secretaryDirectorConcurrency');
    // No target and no data (the flag is absent): no target wins, as in progressAgainst.
    expect(evaluationCells(secretary, e, 'en').slice(4)).toEqual([null, null, null, 'no target']);
  });

  it('writes comparators as the plans do, and names regions by name and code', () => {
    expect(baselineCell(undefined, 2020, 'zh')).toBeNull();
    expect(
      baselineCell({ year: 2020, value: 98, comparator: '>=', confidence: 'seed', source: '' }, 2020, 'zh'),
    ).toBe('≥ 98');
    expect(targetCell({ comparator: '<=', value: 5, year: 2025, confidence: 'seed', source: '' })).toBe(
      '≤ 5',
    );
    expect(targetCell({ comparator: '>', value: 18, year: 2025, confidence: 'seed', source: '' })).toBe(
      '> 18',
    );
    expect(targetCell(undefined)).toBeNull();
    expect(regionLabel({ region: '130000000000', name: '河北省' })).toBe('河北省 130000000000');
    expect(regionLabel({ region: '130000000000' })).toBe('130000000000');
    // The four 完成情况 in words (the report layer's one set of status labels).
    const e = evaluation();
    expect((['met', 'not-met', 'no-data', 'no-target'] as const).map((s) => statusText(e, s, 'zh'))).toEqual([
      '达标',
      '未达标',
      '无数据',
      '无目标',
    ]);
  });

  it('groups lines by region in table order, and writes every column in the long table', () => {
    const e = evaluation();
    const groups = rowsByRegion(e);
    expect(groups.map((group) => [group.label, group.rows.length])).toEqual([
      ['130000000000', profile.indicators.length],
      ['130104000000', profile.indicators.length],
      ['130123000000', profile.indicators.length],
    ]);
    const plan = evaluationPlanTable(e, 'en');
    expect(plan.header[0]).toBe('region');
    expect(plan.rows).toHaveLength(e.rows.length);
    const detail = evaluationDetailTable(e, 'zh');
    expect(detail.header).toHaveLength(23);
    const area = [...detail.rows].find(
      (row) => row[0] === '130000000000' && row[4] === 'facilityAreaPer100Households',
    );
    expect(area?.slice(0, 18)).toEqual([
      '130000000000',
      null,
      '省级',
      4,
      'facilityAreaPer100Households',
      '每百户居民拥有社区综合服务设施面积',
      '平方米',
      2020,
      23.6,
      '≥ 30',
      '约束性',
      2025,
      28,
      '未达标',
      2,
      420,
      1500,
      0,
    ]);
    expect(area?.slice(19)).toEqual([
      expect.stringContaining('主要指标表'),
      'seed',
      expect.stringContaining('三(三)2'),
      'seed',
    ]);
    const levels = new Set([...evaluationDetailTable(e, 'en').rows].map((row) => row[2]));
    expect(levels).toEqual(new Set(['province', 'county']));
  });

  it('takes the years of the headings from the period', () => {
    const result = evaluatePlanPeriod([], { period: '15th', asOf: '2031-01-01' });
    if (!result.success) throw new Error('expected an evaluation');
    expect(evaluationHeader(result.data, 'zh').slice(3, 8)).toEqual([
      '2025年',
      '2030年目标',
      '属性',
      '2030年实际',
      '完成情况',
    ]);
    expect(result.data.rows).toEqual([]);
    expect(result.data.warnings?.map((issue) => issue.code)).toEqual(['no_rows_for_year']);
  });
});
