/**
 * Indicator rows and findings as .xlsx workbooks for people who work in Excel or WPS: a frozen header row, column
 * widths fitted to the text, numbers written as numbers (values, targets, baselines, counts; a comparator in a column
 * of its own), findings one sheet per rule after a summary sheet. Browser-safe (write-excel-file's universal build:
 * no Node built-ins). Every text is masked (ID numbers) and guarded against formula injection like the CSV writers.
 * A subpath of its own so that the other outputs do not load `write-excel-file`.
 *
 * @example
 * ```ts
 * import { indicatorRowsToXlsx } from 'shequ/report/xlsx';
 * const bytes = await indicatorRowsToXlsx(rows, { lang: 'zh' });
 * ```
 *
 * @module shequ/report/xlsx
 */
import writeXlsxFile from 'write-excel-file/universal';
import type { IndicatorRow } from '../indicators/rows.js';
import { type CellValue, xlsxCellText, xlsxNumberCell } from '../io/write.js';
import { createSheetNamer, SHEET_NAME_MAX, type SheetNamer } from '../io/xlsx-sheet-names.js';
import type { RuleProfileName } from '../standards/profiles.js';
import type { RuleProfile } from '../standards/types.js';
import type { Finding, ValidationSummary } from '../standards/validate.js';
import type { ReportLang } from './columns.js';
import { catalogueIndicator, defaultRenderContext } from './context.js';
import { comparatorOf, SEVERITY_LABELS, STATUS_LABELS } from './labels.js';
import { rowBaseline, rowName, rowTarget, rowYear } from './row-keys.js';
import { tableSheets, type WorkbookSheet } from './xlsx-sheets.js';

/** The language of headers and labels ({@link ReportLang}). */
type Lang = ReportLang;
type Text = { readonly zh: string; readonly en: string };

/** One column of a workbook table: its header in both languages and its cell for a record. */
interface XlsxColumn<T> {
  readonly header: Text;
  readonly cell: (record: T, lang: Lang) => CellValue;
}

export { XLSX_MAX_DATA_ROWS } from './xlsx-sheets.js';

const LEVEL: Record<IndicatorRow['level'], Text> = {
  province: { zh: '省', en: 'province' },
  prefecture: { zh: '地市', en: 'prefecture' },
  county: { zh: '县区', en: 'county' },
  township: { zh: '乡镇街道', en: 'township' },
  unit: { zh: '社区/村', en: 'unit' },
};

const COMPARATOR_SIGNS = new Set(['≥', '≤', '>', '<', '=']);
const comparatorSign = (c: string | undefined) => (c === '>=' ? '≥' : c === '<=' ? '≤' : (c ?? ''));

const INDICATOR_COLUMNS: readonly XlsxColumn<IndicatorRow>[] = [
  { header: { zh: '地区代码', en: 'region' }, cell: (r) => r.region },
  { header: { zh: '地区名称', en: 'name' }, cell: rowName },
  { header: { zh: '层级', en: 'level' }, cell: (r, lang) => LEVEL[r.level]?.[lang] ?? r.level },
  { header: { zh: '指标代码', en: 'indicator' }, cell: (r) => r.indicator },
  {
    header: { zh: '指标', en: 'indicator name' },
    cell: (r, lang) => catalogueIndicator(r.indicator)?.name[lang],
  },
  { header: { zh: '值', en: 'value' }, cell: (r) => r.value },
  {
    header: { zh: '单位', en: 'unit' },
    cell: (r, lang) => catalogueIndicator(r.indicator)?.unit[lang] ?? r.unit,
  },
  { header: { zh: '分子', en: 'numerator' }, cell: (r) => r.numerator },
  { header: { zh: '分母', en: 'denominator' }, cell: (r) => r.denominator },
  { header: { zh: '缺数据单位数', en: 'missing' }, cell: (r) => r.missing },
  {
    header: { zh: '基线比较', en: 'baseline comparator' },
    cell: (r) => comparatorSign(comparatorOf(rowBaseline(r))),
  },
  { header: { zh: '基线', en: 'baseline' }, cell: (r) => rowBaseline(r)?.value },
  {
    header: { zh: '目标比较', en: 'target comparator' },
    cell: (r) => comparatorSign(rowTarget(r)?.comparator),
  },
  { header: { zh: '目标', en: 'target' }, cell: (r) => rowTarget(r)?.value },
  { header: { zh: '状态', en: 'status' }, cell: (r, lang) => STATUS_LABELS[r.status]?.[lang] ?? r.status },
  { header: { zh: '应达值', en: 'expected' }, cell: (r) => r.expected },
  { header: { zh: '差距', en: 'gap' }, cell: (r) => r.gap },
  { header: { zh: '评估日期', en: 'as of' }, cell: (r) => r.asOf },
];

/** The indicator columns with the year (统计年度) after the level, for rows over years. */
const INDICATOR_COLUMNS_WITH_YEAR: readonly XlsxColumn<IndicatorRow>[] = [
  ...INDICATOR_COLUMNS.slice(0, 3),
  { header: { zh: '年度', en: 'year' }, cell: rowYear },
  ...INDICATOR_COLUMNS.slice(3),
];

const FINDING_COLUMNS: readonly XlsxColumn<Finding>[] = [
  { header: { zh: '单位代码', en: 'unit' }, cell: (f) => f.unit },
  {
    header: { zh: '级别', en: 'severity' },
    cell: (f, lang) => SEVERITY_LABELS[f.severity]?.[lang] ?? f.severity,
  },
  { header: { zh: '规则', en: 'rule' }, cell: (f) => f.rule },
  { header: { zh: '位置', en: 'path' }, cell: (f) => f.path.join('.') },
  { header: { zh: '问题', en: 'message' }, cell: (f, lang) => f.message[lang] },
  { header: { zh: '要求', en: 'expected' }, cell: (f) => f.expected },
  { header: { zh: '实际', en: 'actual' }, cell: (f) => f.actual },
  { header: { zh: '出处', en: 'document' }, cell: (f) => f.source.document },
  { header: { zh: '条款', en: 'section' }, cell: (f) => f.source.section },
  { header: { zh: '原文', en: 'quote' }, cell: (f) => f.source.quote },
];

/**
 * A cell as written: numbers stay numbers (unless their digits could be an ID number: then masked text), text is
 * masked and guarded against formula injection, nothing stays empty.
 */
function xlsxCell(value: CellValue): string | number | boolean | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return xlsxNumberCell(value);
  // A comparator in its own column: a text cell of an .xlsx file is never run as a formula, and `=` alone is data.
  if (COMPARATOR_SIGNS.has(value)) return value;
  return xlsxCellText(value);
}

/** Sheet names up to 24 characters: room for the ` (2)` … of a table cut into sheets (Excel allows 31). */
const SHEET_BASE_MAX = 24;

/** The names of a table's later sheets (`name (2)` …), unique among the workbook's others: `R (2)` may be a rule's. */
function laterSheets(namer: SheetNamer, name: string): (part: number) => string {
  return (part) => namer.upTo(`${name} (${part})`, SHEET_NAME_MAX);
}

async function workbookBytes(sheets: readonly WorkbookSheet[]): Promise<Uint8Array> {
  const blob = await writeXlsxFile(sheets as never).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/** The language asked for, without trusting the options object. */
function langOption(options: unknown): Lang {
  try {
    return typeof options === 'object' && options !== null && (options as { lang?: unknown }).lang === 'en'
      ? 'en'
      : 'zh';
  } catch {
    return 'zh';
  }
}

/**
 * Options of {@link indicatorRowsToXlsx}.
 *
 * @example
 * ```ts
 * const options: IndicatorRowsToXlsxOptions = { lang: 'en' };
 * ```
 */
export interface IndicatorRowsToXlsxOptions {
  /** Language of the headers, names and labels: `'zh'` (default) or `'en'`. */
  readonly lang?: ReportLang;
}

/**
 * Writes indicator rows as an .xlsx workbook of one sheet (`指标` / `indicators`): a frozen bold header, fitted
 * column widths, one row per region and indicator, with the value, numerator, denominator, missing units, baseline,
 * target, expected value and gap as numbers (the comparators `≥`, `>`, `=` in columns of their own), the indicator's
 * name and unit and the status in the language asked for.
 *
 * @param rows - rows of `computeIndicators` (or a pipeline job)
 * @param options - the language
 * @returns the workbook's bytes
 *
 * @example
 * ```ts
 * const bytes = await indicatorRowsToXlsx(computeIndicators(units, { asOf: '2025-12-31' }), { lang: 'en' });
 * bytes[0] === 0x50 && bytes[1] === 0x4b; // a zip file
 * //=> true
 * ```
 */
export async function indicatorRowsToXlsx(
  rows: Iterable<IndicatorRow>,
  options: IndicatorRowsToXlsxOptions = {},
): Promise<Uint8Array> {
  const lang = langOption(options);
  const all = [...rows];
  // Rows over years (统计年度) get a year column after the level, as the CSV of the same rows does.
  const columns = all.some((row) => rowYear(row) !== undefined)
    ? INDICATOR_COLUMNS_WITH_YEAR
    : INDICATOR_COLUMNS;
  const cells = all.map((row) => columns.map((column) => xlsxCell(column.cell(row, lang))));
  const header = columns.map((column) => column.header[lang]);
  const name = createSheetNamer();
  const sheetName = name(lang === 'zh' ? '指标' : 'indicators');
  return workbookBytes(tableSheets(sheetName, header, cells, laterSheets(name, sheetName)));
}

/**
 * Options of {@link findingsToXlsx}.
 *
 * @example
 * ```ts
 * const options: FindingsToXlsxOptions = { lang: 'zh', summary: report.summary };
 * ```
 */
export interface FindingsToXlsxOptions {
  /** Language of the headers, messages and labels: `'zh'` (default) or `'en'`. */
  readonly lang?: ReportLang;
  /** The validation's summary: adds the units checked, passed, failed and not checked per rule to the summary sheet. */
  readonly summary?: ValidationSummary;
  /**
   * The rule profile the findings were checked against: its rules are titled as it states them (a profile that sets
   * a minimum of 35 titles its rule "不低于35平方米"), as the other formats do given it. Default: the catalogue's titles.
   */
  readonly rules?: RuleProfile | RuleProfileName;
}

const SUMMARY_HEADER: Record<Lang, readonly string[]> = {
  zh: [
    '规则',
    '名称',
    '工作表',
    '发现',
    '错误',
    '警告',
    '提示',
    '检查',
    '通过',
    '未通过',
    '数据缺失未检查',
    '不适用',
  ],
  en: [
    'rule',
    'title',
    'sheet',
    'findings',
    'errors',
    'warnings',
    'infos',
    'checked',
    'passed',
    'failed',
    'not checked',
    'not applicable',
  ],
};

/** The summary sheet's rows: one per rule with findings or a tally, in the order rules first appear. */
function summaryRows(
  byRule: ReadonlyMap<string, readonly Finding[]>,
  sheetOf: ReadonlyMap<string, string>,
  summary: ValidationSummary | undefined,
  ruleTitle: (id: string) => string,
): (string | number | boolean | null)[][] {
  const rules = [...byRule.keys()];
  for (const rule of Object.keys(summary?.byRule ?? {})) if (!byRule.has(rule)) rules.push(rule);
  return rules.map((rule) => {
    const findings = byRule.get(rule) ?? [];
    const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
    const tally = summary?.byRule[rule];
    return [
      rule,
      ruleTitle(rule),
      sheetOf.get(rule),
      findings.length,
      count('error'),
      count('warning'),
      count('info'),
      tally?.checked,
      tally?.passed,
      tally?.failed,
      tally?.notChecked,
      tally?.notApplicable,
    ].map(xlsxCell);
  });
}

/**
 * Writes findings as an .xlsx workbook: a summary sheet first (`汇总` / `summary`: per rule its title, the sheet
 * holding its findings and their count by severity, with the units checked, passed, failed and not checked when the
 * validation's summary is given), then one sheet per rule (named by the rule id, made legal and unique) with every
 * finding of the rule: unit, severity, path, message, expected and actual (numbers as numbers), source. Frozen
 * header rows and fitted widths on every sheet.
 *
 * @param findings - findings of `validate` (in report order)
 * @param options - the language; the validation's summary; the rule profile whose titles to show
 * @returns the workbook's bytes
 * @throws {@link shequ!ShequError} for `rules` that are neither a built-in name nor a rule profile object
 *
 * @example
 * ```ts
 * const report = validate(units, { profile: 'hebei', asOf: '2025-12-31' });
 * const bytes = await findingsToXlsx(report.findings, { summary: report.summary });
 * bytes.length > 0;
 * //=> true
 * ```
 */
export async function findingsToXlsx(
  findings: Iterable<Finding>,
  options: FindingsToXlsxOptions = {},
): Promise<Uint8Array> {
  const lang = langOption(options);
  let summary: ValidationSummary | undefined;
  let rules: FindingsToXlsxOptions['rules'];
  try {
    summary = (options as FindingsToXlsxOptions | undefined)?.summary;
    rules = (options as FindingsToXlsxOptions | undefined)?.rules;
  } catch {
    summary = undefined;
  }
  const { ruleTitle } = defaultRenderContext(lang, undefined, rules);
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.rule);
    if (list === undefined) byRule.set(finding.rule, [finding]);
    else list.push(finding);
  }
  const name = createSheetNamer(SHEET_BASE_MAX);
  const summaryName = name(lang === 'zh' ? '汇总' : 'summary');
  const sheetOf = new Map<string, string>();
  for (const rule of byRule.keys()) sheetOf.set(rule, name(rule));
  const header = FINDING_COLUMNS.map((column) => column.header[lang]);
  const summaryRowsOf = summaryRows(byRule, sheetOf, summary, ruleTitle);
  const sheets = tableSheets(
    summaryName,
    SUMMARY_HEADER[lang],
    summaryRowsOf,
    laterSheets(name, summaryName),
  );
  for (const [rule, list] of byRule) {
    const rows = list.map((finding) => FINDING_COLUMNS.map((column) => xlsxCell(column.cell(finding, lang))));
    const ruleSheet = sheetOf.get(rule) ?? rule;
    for (const sheet of tableSheets(ruleSheet, header, rows, laterSheets(name, ruleSheet)))
      sheets.push(sheet);
  }
  return workbookBytes(sheets);
}
