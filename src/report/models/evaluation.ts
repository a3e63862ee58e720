/**
 * The column model of a plan evaluation (`evaluatePlanPeriod`) — the one list of its columns. The people view is the
 * plan's 主要指标 layout (序号, 指标, 单位, 2020年, 2025年目标, 属性, 2025年实际, 完成情况), its years taken from the
 * period; the data view is the long table of the arithmetic and the sources (CSV, the second .xlsx sheet).
 */
import type { EvaluationRow, PlanEvaluation } from '../../indicators/evaluation-types.js';
import type { PlanPeriod } from '../../indicators/periods.js';
import { INDICATOR_PROPERTY_LABELS } from '../../indicators/property.js';
import type { Baseline, Comparator, Target } from '../../indicators/types.js';
import type { CellValue } from '../../io/write.js';
import type { Bilingual, Column, ColumnModel, ReportLang } from '../columns.js';
import { comparatorOf, STATUS_LABELS } from '../labels.js';
import {
  rowBaseline as baselineOf,
  rowName as nameOf,
  rowProperty as propertyOf,
  rowTarget as targetOf,
} from '../row-keys.js';

/** The levels as the evaluation table names them (the plans' words: 省级, 地级 …). */
const LEVEL_LABELS: Readonly<Record<EvaluationRow['level'], Bilingual>> = {
  province: { zh: '省级', en: 'province' },
  prefecture: { zh: '地级', en: 'prefecture' },
  county: { zh: '县级', en: 'county' },
  township: { zh: '乡级', en: 'township' },
  unit: { zh: '社区（村）', en: 'unit' },
};

const SIGN: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤' };

/** A region as the tables name it: its name and code, or its code alone. */
export const regionLabel = (row: Pick<EvaluationRow, 'name' | 'region'>): string => {
  const name = nameOf(row);
  return name === undefined ? row.region : `${name} ${row.region}`;
};

/**
 * A baseline cell: the number itself where the text gives a plain figure (so that a spreadsheet keeps it a number),
 * `≥ 98` where it gives a comparator, with its year where that is not `year` (the period's baseline year).
 */
export function baselineCell(baseline: Baseline | undefined, year: number, lang: ReportLang): CellValue {
  if (baseline === undefined) return null;
  const comparator = comparatorOf(baseline);
  const figure = comparator === undefined ? baseline.value : `${SIGN[comparator]} ${baseline.value}`;
  if (baseline.year === year) return figure;
  return lang === 'zh' ? `${figure}（${baseline.year}年）` : `${figure} (${baseline.year})`;
}

/** A target cell: its comparator and value (`≥ 30`, `> 18`, `= 100`). */
export const targetCell = (target: Target | undefined): CellValue =>
  target === undefined ? null : `${SIGN[target.comparator]} ${target.value}`;

/** The years of a period the headers name. */
/**
 * The years of a plan period an evaluation table names in its headers (`2020年`, `2025年目标`).
 *
 * @example
 * ```ts
 * const years: PeriodYears = { baselineYear: 2020, targetYear: 2025 };
 * ```
 */
export type PeriodYears = Pick<PlanPeriod, 'baselineYear' | 'targetYear'>;

function columns(period: PeriodYears, lang: ReportLang): Column<EvaluationRow>[] {
  const { baselineYear: base, targetYear: target } = period;
  const list: Column<EvaluationRow>[] = [];
  const column = (
    key: string,
    zh: string,
    en: string,
    value: Column<EvaluationRow>['value'],
    more: Omit<Column<EvaluationRow>, 'key' | 'header' | 'value' | 'dataHeader'> = {},
  ) => list.push({ key, dataHeader: lang === 'zh' ? zh : en, header: { zh, en }, value, ...more });
  const property = (r: EvaluationRow, l: ReportLang) => {
    const value = propertyOf(r);
    return value === undefined ? null : INDICATOR_PROPERTY_LABELS[value][l];
  };
  column('region', '地区代码', 'region code', (r) => r.region);
  column('name', '地区', 'region', (r) => nameOf(r) ?? null);
  // The plan sheet's first column: people read "name code" where there is one region column.
  column('place', '地区', 'region', (r) => regionLabel(r));
  column('level', '层级', 'level', (r, l) => LEVEL_LABELS[r.level][l]);
  column('serial', '序号', 'no.', (r) => r.serial, { numeric: true });
  column('indicator', '指标代码', 'indicator id', (r) => r.indicator);
  column('indicatorName', '指标', 'indicator', (r, l) => r.indicatorName[l]);
  column('unit', '单位', 'unit', (r, l) => r.unit[l]);
  column('baselineYear', '基线年', 'baseline year', (r) => baselineOf(r)?.year ?? null);
  column('baseline', '基线', 'baseline', (r, l) => baselineCell(baselineOf(r), baselineOf(r)?.year ?? 0, l));
  // The plan's baseline column: headed by the period's baseline year, a figure of another year says which.
  column('periodBaseline', `${base}年`, `${base}`, (r, l) => baselineCell(baselineOf(r), base, l), {
    numeric: true,
  });
  column('target', '目标', 'target', (r) => targetCell(targetOf(r)));
  column('periodTarget', `${target}年目标`, `${target} target`, (r) => targetCell(targetOf(r)));
  column('property', '属性', 'property', property);
  column('year', '实际年度', 'year', (r) => r.year);
  column('actual', '实际', 'actual', (r) => r.actual, { numeric: true });
  column('periodActual', `${target}年实际`, `${target} actual`, (r) => r.actual, { numeric: true });
  column('status', '完成情况', 'status', (r, l) => STATUS_LABELS[r.status][l], {
    // The class is the status itself: the evaluate page colours it (the word is written too).
    cellClass: (r) => r.status,
  });
  column('gap', '差距', 'gap', (r) => r.gap, { numeric: true });
  column('numerator', '分子', 'numerator', (r) => r.numerator, { numeric: true });
  column('denominator', '分母', 'denominator', (r) => r.denominator, { numeric: true });
  column('missing', '缺失', 'missing', (r) => r.missing, { numeric: true });
  column('formula', '公式', 'formula', (r, l) => r.formula[l]);
  column('baselineSource', '基线来源', 'baseline source', (r) => baselineOf(r)?.source ?? null);
  column('baselineConfidence', '基线可信度', 'baseline confidence', (r) => baselineOf(r)?.confidence ?? null);
  column('targetSource', '目标来源', 'target source', (r) => targetOf(r)?.source ?? null);
  column('targetConfidence', '目标可信度', 'target confidence', (r) => targetOf(r)?.confidence ?? null);
  return list;
}

/**
 * The column model of a plan evaluation's rows. People formats show the plan's 主要指标 layout, headed by the
 * period's years; data formats (CSV, .xlsx) write every column — the arithmetic and the sources — under headers in
 * `lang` (the evaluation table is read in Excel, as the plans print it); JSON writes each row whole.
 *
 * @param period - the period evaluated (its baseline and target years head the columns)
 * @param lang - the language of the data headers (default Chinese)
 * @returns the model
 *
 * @example
 * ```ts
 * const model = evaluationModel({ baselineYear: 2025, targetYear: 2030 });
 * model.views.people.map((key) => model.columns.find((c) => c.key === key)?.header.zh).join(',');
 * //=> '序号,指标,单位,2025年,2030年目标,属性,2030年实际,完成情况'
 * ```
 */
export function evaluationModel(period: PeriodYears, lang: ReportLang = 'zh'): ColumnModel<EvaluationRow> {
  return {
    id: 'evaluation',
    title: { zh: '主要指标完成情况', en: 'Main indicators' },
    columns: columns(period, lang),
    views: {
      data: [
        'region',
        'name',
        'level',
        'serial',
        'indicator',
        'indicatorName',
        'unit',
        'baselineYear',
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
        'baselineSource',
        'baselineConfidence',
        'targetSource',
        'targetConfidence',
      ],
      people: [
        'serial',
        'indicatorName',
        'unit',
        'periodBaseline',
        'periodTarget',
        'property',
        'periodActual',
        'status',
      ],
    },
    rowData: (row) => ({ region: row.region, indicator: row.indicator, status: row.status }),
    wholeRowJson: { constantKeys: ['indicatorName', 'unit', 'formula', 'baseline', 'target'] },
  };
}

/**
 * The column model of an evaluation of the 十四五 (baseline 2020, target 2025), data headers in Chinese; for another
 * period, {@link evaluationModel}.
 *
 * @example
 * ```ts
 * EVALUATION_MODEL.views.data.slice(0, 5).join(',');
 * //=> 'region,name,level,serial,indicator'
 * renderRows('md', EVALUATION_MODEL, [], { lang: 'zh' });
 * //=> '| 序号 | 指标 | 单位 | 2020年 | 2025年目标 | 属性 | 2025年实际 | 完成情况 |\n|---|---|---|---|---|---|---|---|\n'
 * ```
 */
export const EVALUATION_MODEL: ColumnModel<EvaluationRow> = evaluationModel({
  baselineYear: 2020,
  targetYear: 2025,
});

/**
 * The rows of an evaluation by region, in table order (the plans print one table per region).
 *
 * @param evaluation - the evaluation
 * @returns per region its label (name and code) and its rows
 *
 * @example
 * ```ts
 * evaluationRowsByRegion(evaluation).map((group) => group.label);
 * //=> ['河北省 130000000000', '石家庄市 130100000000']
 * ```
 */
export function evaluationRowsByRegion(
  evaluation: Pick<PlanEvaluation, 'rows'>,
): { label: string; rows: EvaluationRow[] }[] {
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
