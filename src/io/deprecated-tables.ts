/**
 * The indicator and finding tables as `shequ/io` exported them before the report layer (issue 16): the same
 * functions, now defined in `shequ/report`. This file is the one place in `io` that reaches into the report layer
 * (and through it the indicator and rule types); it goes with the next major version. Nothing else in `io` may
 * import indicators, standards or report (test/io/layers.test.ts checks it).
 */
import * as tables from '../report/tables.js';

/**
 * The table of indicator rows (tidy: one row per region and indicator).
 *
 * @deprecated Import it from `shequ/report` (or `shequ`); `shequ/io` reads rows and will stop exporting result tables
 * in the next major version.
 * @param rows - rows of `computeIndicators`
 * @returns the table
 *
 * @example
 * ```ts
 * import { indicatorRowsTable } from 'shequ/report';
 * indicatorRowsTable([]).header[0];
 * //=> 'region'
 * ```
 */
export const indicatorRowsTable: typeof tables.indicatorRowsTable = tables.indicatorRowsTable;

/**
 * Formats indicator rows as CSV.
 *
 * @deprecated Import it from `shequ/report` (or `shequ`).
 * @param rows - rows of `computeIndicators`
 * @returns CSV text
 *
 * @example
 * ```ts
 * import { indicatorRowsToCsv } from 'shequ/report';
 * indicatorRowsToCsv([]);
 * //=> 'region,level,name,indicator,numerator,denominator,missing,value,unit,target,status,expected,gap,asOf,baseline\r\n'
 * ```
 */
export const indicatorRowsToCsv: typeof tables.indicatorRowsToCsv = tables.indicatorRowsToCsv;

/**
 * The table of findings with their sources, in Chinese (default) or English.
 *
 * @deprecated Import it from `shequ/report` (or `shequ`).
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
export const findingsTable: typeof tables.findingsTable = tables.findingsTable;

/**
 * Formats findings as CSV.
 *
 * @deprecated Import it from `shequ/report` (or `shequ`).
 * @param findings - findings of `validate`
 * @param options - `lang: 'zh'` (default) or `'en'`
 * @returns CSV text
 *
 * @example
 * ```ts
 * import { findingsToCsv } from 'shequ/report';
 * findingsToCsv([]);
 * //=> 'unit,rule,severity,path,message,expected,actual,document,section,quote\r\n'
 * ```
 */
export const findingsToCsv: typeof tables.findingsToCsv = tables.findingsToCsv;
