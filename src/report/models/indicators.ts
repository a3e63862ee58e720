/**
 * The column model of indicator rows — the one list of their columns. The data view is the CSV/.xlsx table that has
 * always been written (`region,level,name,…,baseline`); the people view is the terminal, Markdown and HTML table.
 */
import { ownValue } from '../../core/own-value.js';
import type { IndicatorRow } from '../../indicators/rows.js';
import type { Column, ColumnModel, RenderContext } from '../columns.js';
import { contextRegionName } from '../context.js';
import { baselineText, comparatorOf, STATUS_LABELS, targetText } from '../labels.js';
import {
  rowBaseline as baselineOf,
  rowName as nameOf,
  rowTarget as targetOf,
  rowYear as yearOf,
} from '../row-keys.js';

/** The unit people read after a value: the catalogue's (`个`, `平方米`) for its indicators, else the row's. */
const unitOf = (row: IndicatorRow, context: RenderContext) => context.indicatorUnit(row.indicator, row.unit);

/** A region's name: the row's (from the division lists given to the computation), else the context's lists. */
export const regionNameOf = (row: IndicatorRow, context: RenderContext): string | undefined =>
  nameOf(row) ?? contextRegionName(context, row.region);

const column = (
  key: string,
  zh: string,
  en: string,
  value: Column<IndicatorRow>['value'],
  more: Omit<Column<IndicatorRow>, 'key' | 'header' | 'value'> = {},
): Column<IndicatorRow> => ({ key, header: { zh, en }, value, ...more });

const COLUMNS: readonly Column<IndicatorRow>[] = [
  column('region', '区划代码', 'region', (r) => r.region),
  column('level', '层级', 'level', (r) => r.level),
  // Rows over years (统计年度) carry a year: the models with a year show it after the level (data) or the place.
  column('year', '年度', 'year', yearOf, { numeric: true }),
  column('name', '名称', 'name', nameOf, { text: (r, c) => regionNameOf(r, c) ?? '—' }),
  // People read "name, else code" where there is one region column.
  column('place', '地区', 'region', (r) => nameOf(r) ?? r.region, {
    text: (r, c) => regionNameOf(r, c) ?? r.region,
  }),
  column('indicator', '指标', 'indicator', (r) => r.indicator, {
    text: (r, c) => c.indicatorName(r.indicator),
  }),
  column('numerator', '分子', 'numerator', (r) => r.numerator, { numeric: true }),
  column('denominator', '分母', 'denominator', (r) => r.denominator, { numeric: true }),
  column('fraction', '分子 / 分母', 'numerator / denominator', (r) => `${r.numerator} / ${r.denominator}`, {
    numeric: true,
  }),
  column('missing', '缺失', 'missing', (r) => r.missing, { numeric: true }),
  column('value', '值', 'value', (r) => r.value, {
    numeric: true,
    text: (r, c) => (r.value === null ? '—' : `${r.value} ${unitOf(r, c)}`),
  }),
  column('unit', '单位', 'unit', (r) => r.unit, { text: (r, c) => unitOf(r, c) }),
  column(
    'target',
    '目标',
    'target',
    (r) => {
      const target = targetOf(r);
      return target === undefined ? '' : `${target.comparator} ${target.value}`;
    },
    { text: (r) => targetText(targetOf(r)) },
  ),
  column('status', '状态', 'status', (r) => r.status, {
    text: (r, c) => STATUS_LABELS[r.status][c.lang],
    cellClass: (r) => `status s-${r.status}`,
  }),
  column('expected', '应达值', 'expected', (r) => r.expected, { numeric: true }),
  column('gap', '差距', 'gap', (r) => r.gap, { numeric: true }),
  column('asOf', '截至', 'as of', (r) => r.asOf),
  // A baseline with its comparator where the text gives one (">= 98"), else the bare figure.
  column(
    'baseline',
    '基线',
    'baseline',
    (r) => {
      const baseline = baselineOf(r);
      if (baseline === undefined) return '';
      const comparator = comparatorOf(baseline);
      return `${comparator === undefined ? '' : `${comparator} `}${baseline.value}`;
    },
    { text: (r) => baselineText(baselineOf(r)) },
  ),
];

/**
 * The column model of indicator rows (tidy: one row per region and indicator).
 *
 * @example
 * ```ts
 * INDICATOR_ROW_MODEL.views.data.join(',');
 * //=> 'region,level,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline'
 * INDICATOR_ROW_MODEL.views.people.join(',');
 * //=> 'place,indicator,value,fraction,missing,baseline,target,status'
 * ```
 */
export const INDICATOR_ROW_MODEL: ColumnModel<IndicatorRow> = {
  id: 'indicators',
  title: { zh: '指标', en: 'Indicators' },
  columns: COLUMNS,
  views: {
    data: [
      'region',
      'level',
      'name',
      'indicator',
      'numerator',
      'denominator',
      'missing',
      'value',
      'unit',
      'target',
      'status',
      'expected',
      'gap',
      'asOf',
      'baseline',
    ],
    people: ['place', 'indicator', 'value', 'fraction', 'missing', 'baseline', 'target', 'status'],
  },
  rowHeader: 'region',
  rowData: (row) => ({ region: row.region, indicator: row.indicator, status: row.status }),
  wholeRowJson: { constantKeys: ['target', 'baseline'] },
};

/**
 * Options of {@link indicatorRowModel} and the indicator-row writers.
 *
 * @example
 * ```ts
 * const options: IndicatorRowsTableOptions = { year: true };
 * ```
 */
export interface IndicatorRowsTableOptions {
  /** A `year` column (rows over years; empty for a row without a year): after `level` in data, after the place for people. Default false. */
  readonly year?: boolean;
}

/** Inserts `key` after `after` in a view. */
const withKeyAfter = (view: readonly string[], after: string, key: string) => {
  const at = view.indexOf(after) + 1;
  return [...view.slice(0, at), key, ...view.slice(at)];
};

/**
 * The column model of indicator rows over years: {@link INDICATOR_ROW_MODEL} with a `year` column.
 *
 * @example
 * ```ts
 * INDICATOR_ROW_MODEL_WITH_YEAR.views.data.slice(0, 4);
 * //=> ['region', 'level', 'year', 'name']
 * ```
 */
export const INDICATOR_ROW_MODEL_WITH_YEAR: ColumnModel<IndicatorRow> = {
  ...INDICATOR_ROW_MODEL,
  views: {
    data: withKeyAfter(INDICATOR_ROW_MODEL.views.data, 'level', 'year'),
    people: withKeyAfter(INDICATOR_ROW_MODEL.views.people, 'place', 'year'),
  },
  rowData: (row) => ({
    region: row.region,
    indicator: row.indicator,
    status: row.status,
    ...(yearOf(row) === undefined ? {} : { year: String(yearOf(row)) }),
  }),
};

/**
 * The column model of indicator rows, with a `year` column or not.
 *
 * @param options - `year: true` for rows over years
 * @returns {@link INDICATOR_ROW_MODEL_WITH_YEAR} or {@link INDICATOR_ROW_MODEL}
 *
 * @example
 * ```ts
 * indicatorRowModel({ year: true }).views.people.slice(0, 2);
 * //=> ['place', 'year']
 * ```
 */
export function indicatorRowModel(options: IndicatorRowsTableOptions = {}): ColumnModel<IndicatorRow> {
  return typeof options === 'object' && options !== null && ownValue(options, 'year') === true
    ? INDICATOR_ROW_MODEL_WITH_YEAR
    : INDICATOR_ROW_MODEL;
}
