/**
 * .xlsx in and out, on a subpath of its own so that users of the core do not pay for a spreadsheet library:
 * read statistics rows from a workbook's sheet with the same reader as CSV, and write tables as workbooks.
 * Reading streams the sheet out of the zip (fflate) through a small XML tokenizer of the library's own, within
 * {@link XLSX_LIMITS} and in bounded memory; writing uses `write-excel-file` (maintained, browser and Node).
 *
 * @module shequ/io/xlsx
 */
import writeXlsxFile from 'write-excel-file/universal';
import type { Issue } from '../core/issue.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { ReadResult, StreamEvent } from './read.js';
import { type AcceptedRow, createRowReader, type RejectedRow } from './row-reader.js';
import { type CellValue, type Table, unitStatisticsTable, xlsxCellText, xlsxNumberCell } from './write.js';
import { workbookBytes, workbookEvents } from './xlsx-read.js';
import { createSheetNamer } from './xlsx-sheet-names.js';

export { XLSX_LIMITS } from './xlsx-limits.js';

/**
 * Options of {@link readUnitStatisticsXlsx} and {@link streamUnitStatisticsXlsx}.
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

/** The sheet option, read without trusting the options object (it may be anything). */
function sheetOption(options: unknown): unknown {
  try {
    return typeof options === 'object' && options !== null ? (options as ReadXlsxOptions).sheet : undefined;
  } catch {
    return Symbol('unreadable option'); // a throwing getter: no sheet can match it
  }
}

/**
 * Reads statistics rows from an .xlsx workbook (first sheet or a named one), with the same reader as CSV: header
 * by key or Chinese name under any title rows, cells normalised (a 12-digit code stored as a number keeps its
 * digits), every bad row reported with its line (the sheet's row number), column, value and reason. The sheet is
 * streamed out of the zip, within {@link XLSX_LIMITS}. A workbook that cannot be read gives a `malformed_record`
 * error in `issues`, one over a limit a `limit_exceeded` error (the rows read before it are kept): an `error` in
 * `issues` (file-level, not a rejected row's) always means the sheet was not read to its end. Never throws.
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
 * (await readUnitStatisticsXlsx(new Uint8Array([1, 2, 3]))).issues[0]?.code;
 * //=> 'malformed_record'
 * ```
 */
export async function readUnitStatisticsXlsx(
  input: ArrayBuffer | Uint8Array | Blob,
  options: ReadXlsxOptions = {},
): Promise<ReadResult> {
  const reader = createRowReader();
  const accepted: AcceptedRow[] = [];
  const rejected: RejectedRow[] = [];
  const bytes = await workbookBytes(input);
  const issues: Issue[] = [];
  if (bytes instanceof Uint8Array) {
    const events = workbookEvents(bytes, sheetOption(options), reader);
    for (let step = events.next(); ; step = events.next()) {
      if (step.done) {
        for (const issue of step.value) issues.push(issue);
        break;
      }
      for (const event of step.value) {
        if (event.kind === 'row') accepted.push(event.accepted);
        else if (event.kind === 'rejected') rejected.push(event.rejected);
        else for (const issue of event.issues) issues.push(issue);
      }
    }
  } else issues.push(bytes);
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
 * Reads statistics rows from an .xlsx workbook as a stream of events, in bounded memory: the header, each accepted
 * or rejected row as the sheet is inflated, then an `end` event with the counts and the file-level issues — the
 * same events as `streamUnitStatistics` for CSV. Only the compressed workbook and the shared-strings table are held
 * in memory, never the sheet's rows. A workbook that cannot be read, or crosses a limit, ends with an `error` in the
 * `end` event's issues (`malformed_record` or `limit_exceeded`).
 *
 * @param input - the workbook's bytes
 * @param options - which sheet
 * @returns the events, as an async iterable
 *
 * @example
 * ```ts
 * import { streamUnitStatisticsXlsx, unitStatisticsToXlsx } from 'shequ/io/xlsx';
 * const bytes = await unitStatisticsToXlsx([{ code: '130123100201', kind: 'village' }]);
 * for await (const event of streamUnitStatisticsXlsx(bytes)) if (event.kind === 'end') console.log(event.counts.accepted);
 * //=> 1
 * ```
 */
export async function* streamUnitStatisticsXlsx(
  input: ArrayBuffer | Uint8Array | Blob,
  options: ReadXlsxOptions = {},
): AsyncGenerator<StreamEvent> {
  for await (const batch of streamUnitStatisticsXlsxBatches(input, options)) yield* batch;
}

/**
 * The events of {@link streamUnitStatisticsXlsx} in batches (one array per slice of the inflated sheet; the last
 * ends with the `end` event), so that a consumer pays one promise per slice, not one per row.
 *
 * @param input - the workbook's bytes
 * @param options - which sheet
 * @returns the batches of events, as an async iterable
 *
 * @example
 * ```ts
 * import { streamUnitStatisticsXlsxBatches, unitStatisticsToXlsx } from 'shequ/io/xlsx';
 * const bytes = await unitStatisticsToXlsx([{ code: '130123100201', kind: 'village' }]);
 * const kinds = [];
 * for await (const batch of streamUnitStatisticsXlsxBatches(bytes)) for (const event of batch) kinds.push(event.kind);
 * kinds;
 * //=> ['header', 'row', 'end']
 * ```
 */
export async function* streamUnitStatisticsXlsxBatches(
  input: ArrayBuffer | Uint8Array | Blob,
  options: ReadXlsxOptions = {},
): AsyncGenerator<readonly StreamEvent[]> {
  const reader = createRowReader();
  const bytes = await workbookBytes(input);
  if (!(bytes instanceof Uint8Array)) {
    yield [{ kind: 'end', counts: reader.counts(), issues: [bytes], encoding: 'utf-8' }];
    return;
  }
  const events = workbookEvents(bytes, sheetOption(options), reader);
  for (let step = events.next(); ; step = events.next()) {
    if (step.done) {
      yield [{ kind: 'end', counts: reader.counts(), issues: step.value, encoding: 'utf-8' }];
      return;
    }
    if (step.value.length > 0) yield step.value;
  }
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
  /**
   * Sheet name. Written as Excel takes it: `\ / ? * [ ] :` and controls become `_`, an apostrophe at either end too,
   * cut to 31 characters, an ID number masked, `~2`, `~3` … added to a name already used (regardless of case).
   */
  readonly name: string;
  /** Header and rows. */
  readonly table: Table;
}

function cell(value: CellValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return xlsxCellText(value);
  if (typeof value === 'number') return xlsxNumberCell(value);
  return value;
}

/**
 * Writes tables as an .xlsx workbook, one sheet each: a bold header row, strings neutralised against formula
 * injection (`=`, `+`, `-`, `@` at the start get an apostrophe) and text that looks like OOXML's escape of a character
 * (`_x0041_`) escaped so that it reads back as written (`xlsxCellText` of `shequ/io`), numbers kept as numbers
 * (`NaN` and `Infinity` as text, a number whose digits could be an ID number masked as text, as the report writers do).
 * Characters a workbook's XML cannot hold or would change are written as OOXML's escapes, as Excel writes them, and
 * read back as written: control characters (`_x0001_`; a carriage return `_x000D_`, which XML would read as a line
 * feed), DEL and C1 controls (U+007F–U+009F), U+FDD0–U+FDEF, U+FFFD, U+FFFE, U+FFFF and the last two code points of
 * the other planes (U+1FFFE … U+10FFFF). A lone surrogate, which is no character, is written as U+FFFD, as the UTF-8
 * writers write it. Sheet names are made legal and unique ({@link XlsxSheet}).
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
  const sheetName = createSheetNamer();
  const workbook = sheets.map(({ name, table }) => ({
    sheet: sheetName(name),
    data: [
      table.header.map((value) => ({ value: xlsxCellText(value), fontWeight: 'bold' as const })),
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
