import type { LocalizedText } from '../core/issue.js';
import type { EvaluationRow, EvaluationStatus, PlanEvaluation } from '../indicators/evaluation-types.js';
import { INDICATOR_PROPERTY_LABELS } from '../indicators/property.js';
import type { Baseline, Comparator, Target } from '../indicators/types.js';
import type { CellValue, Table } from '../io/write.js';

// The column models of a plan evaluation (evaluatePlanPeriod), shared by every renderer (terminal table, Markdown, CSV,
// HTML, .xlsx): the plan's 主要指标 layout, and the long table of the arithmetic and the sources. Pure data, browser-safe.

/** The language of a rendering. */
export type EvaluationLang = 'zh' | 'en';

/** The words of each 完成情况. */
export const EVALUATION_STATUS_LABELS: Readonly<Record<EvaluationStatus, LocalizedText>> = {
  met: { zh: '达标', en: 'met' },
  'not-met': { zh: '未达标', en: 'not met' },
  'no-data': { zh: '无数据', en: 'no data' },
  'no-target': { zh: '无目标', en: 'no target' },
};

const LEVEL_LABELS: Readonly<Record<EvaluationRow['level'], LocalizedText>> = {
  province: { zh: '省级', en: 'province' },
  prefecture: { zh: '地级', en: 'prefecture' },
  county: { zh: '县级', en: 'county' },
  township: { zh: '乡级', en: 'township' },
  unit: { zh: '社区（村）', en: 'unit' },
};

const SIGN: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤' };

/** A region as a table names it: its name and code, or its code alone. */
export function regionLabel(row: Pick<EvaluationRow, 'name' | 'region'>): string {
  return row.name === undefined ? row.region : `${row.name} ${row.region}`;
}

/**
 * A baseline cell: the number itself where the text gives a plain figure (so that a spreadsheet keeps it a number),
 * `≥ 98` where it gives a comparator, with its year where that is not the period's baseline year.
 */
export function baselineCell(
  baseline: Baseline | undefined,
  baselineYear: number,
  lang: EvaluationLang,
): CellValue {
  if (baseline === undefined) return null;
  const figure =
    baseline.comparator === undefined ? baseline.value : `${SIGN[baseline.comparator]} ${baseline.value}`;
  if (baseline.year === baselineYear) return figure;
  return lang === 'zh' ? `${figure}（${baseline.year}年）` : `${figure} (${baseline.year})`;
}

/** A target cell: its comparator and value (`≥ 30`, `> 18`, `= 100`). */
export function targetCell(target: Target | undefined): CellValue {
  return target === undefined ? null : `${SIGN[target.comparator]} ${target.value}`;
}

/** The header of the plan's 主要指标 layout, its years taken from the period. */
export function evaluationHeader(evaluation: PlanEvaluation, lang: EvaluationLang): string[] {
  const { baselineYear, targetYear } = evaluation.period;
  return lang === 'zh'
    ? [
        '序号',
        '指标',
        '单位',
        `${baselineYear}年`,
        `${targetYear}年目标`,
        '属性',
        `${targetYear}年实际`,
        '完成情况',
      ]
    : [
        'no.',
        'indicator',
        'unit',
        `${baselineYear}`,
        `${targetYear} target`,
        'property',
        `${targetYear} actual`,
        'status',
      ];
}

/** One line of the plan's layout: numbers as numbers, `null` where the cell is empty. */
export function evaluationCells(
  row: EvaluationRow,
  evaluation: PlanEvaluation,
  lang: EvaluationLang,
): CellValue[] {
  return [
    row.serial,
    row.indicatorName[lang],
    row.unit[lang],
    baselineCell(row.baseline, evaluation.period.baselineYear, lang),
    targetCell(row.target),
    row.property === undefined ? null : INDICATOR_PROPERTY_LABELS[row.property][lang],
    row.actual,
    EVALUATION_STATUS_LABELS[row.status][lang],
  ];
}

/** The rows of an evaluation by region, in table order (the plans print one table per region). */
export function rowsByRegion(evaluation: PlanEvaluation): { label: string; rows: EvaluationRow[] }[] {
  const groups: { label: string; rows: EvaluationRow[] }[] = [];
  let key = '';
  for (const row of evaluation.rows) {
    const rowKey = `${row.level}:${row.region}`;
    if (rowKey !== key) {
      groups.push({ label: regionLabel(row), rows: [] });
      key = rowKey;
    }
    groups[groups.length - 1]?.rows.push(row);
  }
  return groups;
}

/** The plan's layout as one table, a region column in front (CSV-like outputs and the first .xlsx sheet). */
export function evaluationPlanTable(evaluation: PlanEvaluation, lang: EvaluationLang): Table {
  return {
    header: [lang === 'zh' ? '地区' : 'region', ...evaluationHeader(evaluation, lang)],
    rows: evaluation.rows.map((row) => [regionLabel(row), ...evaluationCells(row, evaluation, lang)]),
  };
}

const DETAIL_HEADER: Readonly<Record<EvaluationLang, readonly string[]>> = {
  zh: [
    '地区代码',
    '地区',
    '层级',
    '序号',
    '指标代码',
    '指标',
    '单位',
    '基线年',
    '基线',
    '目标',
    '属性',
    '实际年度',
    '实际',
    '完成情况',
    '差距',
    '分子',
    '分母',
    '缺失',
    '公式',
    '基线来源',
    '基线可信度',
    '目标来源',
    '目标可信度',
  ],
  en: [
    'region code',
    'region',
    'level',
    'no.',
    'indicator id',
    'indicator',
    'unit',
    'baseline year',
    'baseline',
    'target',
    'property',
    'year',
    'actual',
    'status',
    'gap',
    'numerator',
    'denominator',
    'missing',
    'formula',
    'baseline source',
    'baseline confidence',
    'target source',
    'target confidence',
  ],
};

/** Every column of an evaluation: the plan's layout, the arithmetic and the sources (CSV, second .xlsx sheet). */
export function evaluationDetailTable(evaluation: PlanEvaluation, lang: EvaluationLang): Table {
  return {
    header: DETAIL_HEADER[lang],
    rows: evaluation.rows.map((row) => [
      row.region,
      row.name ?? null,
      LEVEL_LABELS[row.level][lang],
      row.serial,
      row.indicator,
      row.indicatorName[lang],
      row.unit[lang],
      row.baseline?.year ?? null,
      baselineCell(row.baseline, row.baseline?.year ?? 0, lang),
      targetCell(row.target),
      row.property === undefined ? null : INDICATOR_PROPERTY_LABELS[row.property][lang],
      row.year,
      row.actual,
      EVALUATION_STATUS_LABELS[row.status][lang],
      row.gap,
      row.numerator,
      row.denominator,
      row.missing,
      row.formula[lang],
      row.baseline?.source ?? null,
      row.baseline?.confidence ?? null,
      row.target?.source ?? null,
      row.target?.confidence ?? null,
    ]),
  };
}
