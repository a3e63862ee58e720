/** CSV (data view): a header of keys with the BOM that makes Excel read UTF-8, CRLF lines, formula-guarded cells. */
import { maskIdNumbersInText } from '../../core/mask.js';
import { type CellValue, csvCell } from '../../io/write.js';
import { type ColumnModel, dataCells, dataHeader, viewColumns } from '../columns.js';
import { resolveLang } from '../context.js';
import type { FormatOptions, OutputFormat } from './format.js';

const MEMO_LIMIT = 4096;

/** One CSV cell's text: io's cell (masked, formula-guarded), quoted as `csvLine` quotes it — `csvLine`'s own cell. */
export const csvCellText: (value: CellValue) => string = csvCell;

/**
 * A cell writer that remembers the text of recurring strings (bounded: cleared when full).
 *
 * @returns the cell function
 *
 * @example
 * ```ts
 * const cell = createCsvCells();
 * [cell('西上泽村, 正定'), cell(26.5), cell('=x'), cell(undefined)];
 * //=> ['"西上泽村, 正定"', '26.5', "'=x", '']
 * ```
 */
export function createCsvCells(): (value: CellValue) => string {
  const memo = new Map<string, string>();
  return (value) => {
    if (typeof value !== 'string') return csvCellText(value);
    let text = memo.get(value);
    if (text === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      text = csvCellText(value);
      memo.set(value, text);
    }
    return text;
  };
}

/** The header line with its BOM. */
export const csvHeaderLine = (header: readonly string[]): string =>
  `\ufeff${header.map((cell) => csvCellText(maskIdNumbersInText(cell))).join(',')}\r\n`;

function* csvText<Row>(
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  options: FormatOptions,
): Iterable<string> {
  const lang = resolveLang(options);
  const columns = viewColumns(model, 'data');
  const cell = createCsvCells();
  yield csvHeaderLine(dataHeader(columns));
  for (const row of rows) yield `${dataCells(columns, row, lang).map(cell).join(',')}\r\n`;
}

/**
 * CSV of a model's data view.
 *
 * @example
 * ```ts
 * joinPieces(CSV_FORMAT.text(INDICATOR_ROW_MODEL, [], {})).slice(1, 17);
 * //=> 'region,level,nam'
 * ```
 */
export const CSV_FORMAT: OutputFormat = { id: 'csv', view: 'data', text: csvText };
