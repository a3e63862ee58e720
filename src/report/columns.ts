/**
 * The column model of a result type: every column once — its key (the header of data formats), its Chinese and
 * English header (for people), the cell as data (numbers stay numbers) and, where people read something else than the
 * data, the text they read. A format renders a model's rows through one of its views: `data` (CSV, JSON, .xlsx) or
 * `people` (terminal table, Markdown, HTML). A row's, a column's and a model's optional keys are read as their own
 * (core/own-value.ts): a key given to Object.prototype (prototype pollution) is never written into a report.
 */
import { maskIdNumbersInText } from '../core/mask.js';
import { ownValue } from '../core/own-value.js';
import type { CellValue } from '../io/write.js';

/**
 * The languages of reports.
 *
 * @example
 * ```ts
 * const lang: ReportLang = 'zh';
 * ```
 */
export type ReportLang = 'zh' | 'en';

/**
 * A text in Chinese and English.
 *
 * @example
 * ```ts
 * const header: Bilingual = { zh: '地区', en: 'region' };
 * ```
 */
export interface Bilingual {
  /** Chinese. */
  readonly zh: string;
  /** English. */
  readonly en: string;
}

/**
 * What people-facing cells look up: names of indicators and rules, units, region names. The formats build the
 * default from the catalogues ({@link defaultRenderContext}); a caller passes its own to name its own indicators.
 *
 * @example
 * ```ts
 * const context: RenderContext = { ...defaultRenderContext('zh'), regionName: (code) => (code === '130123000000' ? '正定县' : undefined) };
 * ```
 */
export interface RenderContext {
  /** The language of the text. */
  readonly lang: ReportLang;
  /** An indicator's name (its id when unknown). */
  indicatorName(id: string): string;
  /** The unit of an indicator's value (`fallback`, the row's unit, when unknown). */
  indicatorUnit(id: string, fallback: string): string;
  /** A rule's title (its id when unknown). */
  ruleTitle(id: string): string;
  /** A region's name, when a list has it. */
  regionName?(code: string): string | undefined;
}

/**
 * One column of a {@link ColumnModel}.
 *
 * @example
 * ```ts
 * const households: Column<{ households?: number }> = { key: 'households', header: { zh: '户数', en: 'households' }, value: (row) => row.households, numeric: true };
 * ```
 */
export interface Column<Row> {
  /** The key: the name a view lists, and the header of data formats unless `dataHeader` says otherwise. */
  readonly key: string;
  /** The header of data formats when it is not the key (a rejected row's original headers, which may repeat). */
  readonly dataHeader?: string;
  /** The header people read. */
  readonly header: Bilingual;
  /** The cell as data (a number stays a number; `undefined` is an empty cell). */
  readonly value: (row: Row, lang: ReportLang) => CellValue;
  /** The text people read, when it is not the data's (`—` for nothing, a unit after a value). */
  readonly text?: (row: Row, context: RenderContext) => string;
  /** Right-aligned in tables for people. */
  readonly numeric?: boolean;
  /** An HTML class of the cell (letters, digits and `-` only), e.g. the status, which the page colours. */
  readonly cellClass?: (row: Row) => string;
}

/**
 * The two views of a model: which columns data formats write, and which people formats show.
 *
 * @example
 * ```ts
 * const view: ColumnView = 'people';
 * ```
 */
export type ColumnView = 'data' | 'people';

/**
 * The column model of one result type (indicator rows, findings, rejected rows; an evaluation table or a series is
 * one more model of this shape).
 *
 * @example
 * ```ts
 * const model: ColumnModel<{ code: string; households?: number }> = {
 *   id: 'households',
 *   title: { zh: '户数', en: 'households' },
 *   columns: [
 *     { key: 'code', header: { zh: '代码', en: 'code' }, value: (row) => row.code },
 *     { key: 'households', header: { zh: '户数', en: 'households' }, value: (row) => row.households, numeric: true },
 *   ],
 *   views: { data: ['code', 'households'], people: ['code', 'households'] },
 * };
 * ```
 */
export interface ColumnModel<Row> {
  /** A short id (an HTML table's id, a sheet name). */
  readonly id: string;
  /** The title of its table (an HTML caption). */
  readonly title: Bilingual;
  /** Every column, once. */
  readonly columns: readonly Column<Row>[];
  /** The keys of each view, in order. */
  readonly views: {
    /** The columns data formats write (CSV, JSON, .xlsx). */
    readonly data: readonly string[];
    /** The columns people formats show (terminal table, Markdown, HTML). */
    readonly people: readonly string[];
  };
  /** The key of the column HTML writes as the row's header (`<th scope="row">`), before the people columns. */
  readonly rowHeader?: string;
  /** `data-*` attributes of a row in HTML (ASCII names; values are escaped and masked). */
  readonly rowData?: (row: Row) => Readonly<Record<string, string>>;
  /**
   * JSON formats write each row object whole (as `JSON.stringify` would), the objects under these keys serialised
   * once per run of equal ones; without it they write an object of the data columns.
   */
  readonly wholeRowJson?: {
    /** Keys whose (flat) object recurs from row to row (an indicator's target, a rule's source). */
    readonly constantKeys: readonly string[];
  };
}

/**
 * The columns of a view, in its order.
 *
 * @param model - the model
 * @param view - `data` or `people`
 * @returns the columns (a key the model lacks is left out)
 *
 * @example
 * ```ts
 * viewColumns(INDICATOR_ROW_MODEL, 'data')[0]?.key;
 * //=> 'region'
 * ```
 */
export function viewColumns<Row>(model: ColumnModel<Row>, view: ColumnView): Column<Row>[] {
  const byKey = new Map(model.columns.map((column) => [column.key, column]));
  const columns: Column<Row>[] = [];
  for (const key of model.views[view]) {
    const column = byKey.get(key);
    if (column !== undefined) columns.push(column);
  }
  return columns;
}

/**
 * The data cells of a row in the given columns, every ID-shaped run in their text masked.
 *
 * @param columns - the columns
 * @param row - the row
 * @param lang - the language of text cells that have one (a finding's message)
 * @returns the cells
 *
 * @example
 * ```ts
 * dataCells(viewColumns(FINDING_MODEL, 'data'), finding, 'en').slice(0, 3);
 * //=> ['130123100201', 'workers.disasterOfficer', 'error']
 * ```
 */
export function dataCells<Row>(columns: readonly Column<Row>[], row: Row, lang: ReportLang): CellValue[] {
  const cells: CellValue[] = new Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const cell = (columns[i] as Column<Row>).value(row, lang);
    cells[i] = typeof cell === 'string' ? maskIdNumbersInText(cell) : cell;
  }
  return cells;
}

/**
 * The header cells of data formats for the given columns.
 *
 * @param columns - the columns
 * @returns their headers, masked
 *
 * @example
 * ```ts
 * dataHeader(viewColumns(FINDING_MODEL, 'data')).at(-1);
 * //=> 'quote'
 * ```
 */
export function dataHeader<Row>(columns: readonly Column<Row>[]): string[] {
  return columns.map((column) => maskIdNumbersInText(ownValue<string>(column, 'dataHeader') ?? column.key));
}

/** A data cell as people read it when its column says nothing else: `—` for nothing. */
function plainText(value: CellValue, lang: ReportLang): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  return String(value);
}

/**
 * The text cells people read of a row in the given columns, masked.
 *
 * @param columns - the columns
 * @param row - the row
 * @param context - the language and the names
 * @returns the texts
 *
 * @example
 * ```ts
 * peopleCells(viewColumns(INDICATOR_ROW_MODEL, 'people'), row, defaultRenderContext('zh'))[2];
 * //=> '26.5 平方米'
 * ```
 */
export function peopleCells<Row>(
  columns: readonly Column<Row>[],
  row: Row,
  context: RenderContext,
): string[] {
  return columns.map((column) => {
    const text = ownValue<Column<Row>['text']>(column, 'text');
    return maskIdNumbersInText(
      text === undefined
        ? plainText(column.value(row, context.lang), context.lang)
        : text.call(column, row, context),
    );
  });
}
