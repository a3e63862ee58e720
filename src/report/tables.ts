/**
 * The tables of indicator rows and findings (the data view of their column models) as `Table`s and CSV text — what
 * `shequ/io` exported before the report layer; they live here now, so that `io` knows neither indicators nor rules.
 */
import type { IndicatorRow } from '../indicators/rows.js';
import { type CellValue, type Table, toCsv } from '../io/write.js';
import type { Finding } from '../standards/validate.js';
import { type ColumnModel, dataCells, dataHeader, type ReportLang, viewColumns } from './columns.js';
import { FINDING_MODEL } from './models/findings.js';
import { type IndicatorRowsTableOptions, indicatorRowModel } from './models/indicators.js';

/**
 * The data view of a model's rows as a {@link Table} (masked cells; numbers stay numbers), for the CSV and .xlsx
 * writers.
 *
 * @param model - the model
 * @param rows - the rows (taken when the table's rows are read)
 * @param lang - the language of text cells that have one
 * @returns the table
 *
 * @example
 * ```ts
 * modelTable(FINDING_MODEL, []).header.at(-1);
 * //=> 'quote'
 * ```
 */
export function modelTable<Row>(
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  lang: ReportLang = 'zh',
): Table {
  const columns = viewColumns(model, 'data');
  function* cells(): Generator<CellValue[]> {
    for (const row of rows) yield dataCells(columns, row, lang);
  }
  return { header: dataHeader(columns), rows: cells() };
}

/**
 * The table of indicator rows (tidy: one row per region and indicator).
 *
 * @param rows - rows of `computeIndicators`
 * @param options - `year: true` for a year column after `level` (rows over years)
 * @returns the table
 *
 * @example
 * ```ts
 * import { indicatorRowsTable } from 'shequ/report';
 * [indicatorRowsTable([]).header[2], indicatorRowsTable([], { year: true }).header[2]];
 * //=> ['name', 'year']
 * ```
 */
export function indicatorRowsTable(
  rows: Iterable<IndicatorRow>,
  options: IndicatorRowsTableOptions = {},
): Table {
  return modelTable(indicatorRowModel(options), rows);
}

/**
 * Formats indicator rows as CSV.
 *
 * @param rows - rows of `computeIndicators`
 * @returns CSV text (no BOM: see `encodeCsv`)
 *
 * @example
 * ```ts
 * import { computeIndicators } from 'shequ';
 * import { indicatorRowsToCsv } from 'shequ/report';
 * indicatorRowsToCsv(computeIndicators([], { asOf: '2025-12-31' })).split('\r\n')[0];
 * //=> 'region,level,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline'
 * ```
 */
export function indicatorRowsToCsv(rows: Iterable<IndicatorRow>): string {
  const table = indicatorRowsTable(rows);
  return toCsv(table.header, table.rows);
}

/**
 * The table of findings with their sources, in Chinese (default) or English.
 *
 * @param findings - findings of `validate`
 * @param options - `lang: 'zh'` (default) or `'en'`
 * @returns the table
 *
 * @example
 * ```ts
 * import { findingsTable } from 'shequ/report';
 * findingsTable([]).header.at(-1);
 * //=> 'quote'
 * ```
 */
export function findingsTable(
  findings: Iterable<Finding>,
  options: { readonly lang?: 'zh' | 'en' } = {},
): Table {
  return modelTable(FINDING_MODEL, findings, options?.lang === 'en' ? 'en' : 'zh');
}

const FINDING_DATA_COLUMNS = viewColumns(FINDING_MODEL, 'data');

/**
 * The cells of one finding in {@link findingsTable}'s columns, masked.
 *
 * @param finding - a finding
 * @param lang - the language of the message
 * @returns the cells
 *
 * @example
 * ```ts
 * import { validate } from 'shequ';
 * import { findingCells } from 'shequ/report';
 * findingCells(validate([{ code: '130123100201', kind: 'village', disasterOfficers: 0 }], { profile: 'hebei', asOf: '2025-12-31' }).findings[0], 'en').slice(0, 3);
 * //=> ['130123100201', 'workers.disasterOfficer', 'error']
 * ```
 */
export function findingCells(finding: Finding, lang: 'zh' | 'en'): CellValue[] {
  return dataCells(FINDING_DATA_COLUMNS, finding, lang);
}

/**
 * Formats findings as CSV.
 *
 * @param findings - findings of `validate`
 * @param options - `lang: 'zh'` (default) or `'en'`
 * @returns CSV text (no BOM: see `encodeCsv`)
 *
 * @example
 * ```ts
 * import { validate } from 'shequ';
 * import { findingsToCsv } from 'shequ/report';
 * findingsToCsv(validate([], { asOf: '2025-12-31' }).findings).split('\r\n')[0];
 * //=> 'unit,rule,severity,path,message,expected,actual,document,section,quote'
 * ```
 */
export function findingsToCsv(
  findings: Iterable<Finding>,
  options: { readonly lang?: 'zh' | 'en' } = {},
): string {
  const table = findingsTable(findings, options);
  return toCsv(table.header, table.rows);
}
