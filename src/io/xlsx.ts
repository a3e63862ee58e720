/**
 * .xlsx in and out, on a subpath of its own so that users of the core do not pay for a spreadsheet library:
 * read statistics rows from a workbook's sheet with the same reader as CSV, and write tables as workbooks.
 * Uses `read-excel-file` and `write-excel-file` (maintained, browser and Node; not the unmaintained npm `xlsx`).
 *
 * @packageDocumentation
 */
import { readSheet } from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import type { Issue } from '../core/issue.js';
import { createIssue } from '../core/issue.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { ReadResult } from './read.js';
import { type AcceptedRow, createRowReader, type RejectedRow } from './row-reader.js';
import { type CellValue, neutralizeFormula, type Table, unitStatisticsTable } from './write.js';

/**
 * Options of {@link readUnitStatisticsXlsx}.
 *
 * @example
 * ```ts
 * import type { ReadXlsxOptions } from 'shequ/io/xlsx';
 * const options: ReadXlsxOptions = { sheet: '社区统计' };
 * ```
 */
export interface ReadXlsxOptions {
  /** The sheet, by name or 1-based number (default: the first). */
  readonly sheet?: string | number;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function toArrayBuffer(input: ArrayBuffer | Uint8Array | Blob): Promise<ArrayBuffer> {
  if (input instanceof ArrayBuffer) return input;
  if (input instanceof Uint8Array)
    return input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength) as ArrayBuffer;
  return input.arrayBuffer();
}

/**
 * Reads statistics rows from an .xlsx workbook (first sheet or a named one), with the same reader as CSV: header
 * by key or Chinese name under any title rows, cells normalised (a 12-digit code stored as a number keeps its
 * digits), every bad row reported with its line (the sheet's row number), column, value and reason.
 *
 * @param input - the workbook's bytes
 * @param options - which sheet
 * @returns the rows, rejected rows and counts; a workbook that cannot be opened gives an issue, not an exception
 *
 * @example
 * ```ts
 * import { readUnitStatisticsXlsx, unitStatisticsToXlsx } from 'shequ/io/xlsx';
 * const bytes = await unitStatisticsToXlsx([{ code: '130123100201', kind: 'village', households: 612 }]);
 * (await readUnitStatisticsXlsx(bytes)).rows;
 * //=> [{ code: '130123100201', kind: 'village', households: 612 }]
 * ```
 */
export async function readUnitStatisticsXlsx(
  input: ArrayBuffer | Uint8Array | Blob,
  options: ReadXlsxOptions = {},
): Promise<ReadResult> {
  const reader = createRowReader();
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const issues: Issue[] = [];
  let data: unknown[][];
  try {
    const buffer = await toArrayBuffer(input);
    data = (
      options.sheet === undefined ? await readSheet(buffer) : await readSheet(buffer, options.sheet)
    ) as unknown[][];
  } catch (error) {
    issues.push(
      createIssue('malformed_record', {
        zh: `无法打开工作簿或工作表：${(error as Error).message}`,
        en: `Cannot open the workbook or sheet: ${(error as Error).message}`,
      }),
    );
    return {
      rows: [],
      accepted,
      rejected,
      issues,
      header: undefined,
      counts: reader.counts(),
      encoding: 'utf-8',
    };
  }
  data.forEach((cells, i) => {
    const event = reader.record({ line: i + 1, fields: cells.map(cellText) });
    if (event?.kind === 'row') accepted.push(event.accepted);
    else if (event?.kind === 'rejected') rejected.push(event.rejected);
    else if (event?.kind === 'header') issues.push(...event.issues);
  });
  issues.push(...reader.finalIssues());
  return {
    rows: accepted.map((a) => a.row),
    accepted,
    rejected,
    issues,
    header: reader.header,
    counts: reader.counts(),
    encoding: 'utf-8',
  };
}

/**
 * A sheet to write: its name and its table.
 *
 * @example
 * ```ts
 * import type { XlsxSheet } from 'shequ/io/xlsx';
 * const sheet: XlsxSheet = { name: '指标', table: { header: ['地区', '值'], rows: [['正定县', 26.5]] } };
 * ```
 */
export interface XlsxSheet {
  /** Sheet name (Excel allows 31 characters). */
  readonly name: string;
  /** Header and rows. */
  readonly table: Table;
}

function cell(value: CellValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return neutralizeFormula(value);
  return value;
}

/**
 * Writes tables as an .xlsx workbook, one sheet each: a bold header row, strings neutralised against formula
 * injection (`=`, `+`, `-`, `@` at the start get an apostrophe), numbers kept as numbers.
 *
 * @param sheets - the sheets
 * @returns the workbook's bytes
 *
 * @example
 * ```ts
 * import { tablesToXlsx } from 'shequ/io/xlsx';
 * const bytes = await tablesToXlsx([{ name: '表', table: { header: ['a'], rows: [[1]] } }]);
 * bytes[0] === 0x50 && bytes[1] === 0x4b; // a zip file
 * //=> true
 * ```
 */
export async function tablesToXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const workbook = sheets.map(({ name, table }) => ({
    sheet: name.slice(0, 31),
    data: [
      table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...[...table.rows].map((row) => row.map(cell)),
    ],
  }));
  const blob = await writeXlsxFile(workbook as never).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Writes statistics rows as an .xlsx workbook (Chinese headers by default), readable back with
 * {@link readUnitStatisticsXlsx}.
 *
 * @param rows - the rows
 * @param options - `headers: 'zh'` (default) or `'key'`; sheet name
 * @returns the workbook's bytes
 *
 * @example
 * ```ts
 * import { unitStatisticsToXlsx } from 'shequ/io/xlsx';
 * const bytes = await unitStatisticsToXlsx([{ code: '130123100201', kind: 'village' }]);
 * bytes.length > 0;
 * //=> true
 * ```
 */
export async function unitStatisticsToXlsx(
  rows: Iterable<UnitStatistics>,
  options: { readonly headers?: 'zh' | 'key'; readonly sheet?: string } = {},
): Promise<Uint8Array> {
  return tablesToXlsx([{ name: options.sheet ?? '社区统计', table: unitStatisticsTable(rows, options) }]);
}
