/**
 * Turns a sheet's XML, pushed in chunks, into rows of cell texts, one row at a time: `<row r>` and `<c r t s>` with
 * `<v>` or `<is><t>`; a row without `r` follows the previous row, a cell without `r` the previous cell; gaps between
 * rows are handed on as blank rows so that every sheet row is accounted for, and a row out of order only when it holds
 * something.
 */

import { inIsoDateYears } from '../core/as-of.js';
import { isBlank } from './row-reader-core.js';
import { limitExceeded, XLSX_LIMITS, XlsxStop } from './xlsx-limits.js';
import type { SharedStrings } from './xlsx-parts.js';
import { attribute, decodeXmlText, type EntityTally, forEachAttribute, type XmlHandler } from './xlsx-xml.js';
import { decodeXstring } from './xstring.js';

/** Why a row cannot be read as it is (it is rejected; the read goes on). */
export type RowProblem =
  | { readonly kind: 'cell_too_long'; readonly column: number }
  | { readonly kind: 'row_too_long' }
  | { readonly kind: 'too_many_columns' }
  | { readonly kind: 'bad_shared_string'; readonly column: number }
  | { readonly kind: 'repeated_cell'; readonly column: number }
  | { readonly kind: 'row_out_of_order'; readonly previous: number };

/** One row of the sheet: its number (the line), its cell texts, and what is wrong with it, if anything. */
export interface SheetRow {
  readonly line: number;
  readonly fields: readonly string[];
  readonly problem?: RowProblem;
}

/** What the sheet reader needs besides the XML. */
export interface SheetContext {
  readonly shared: SharedStrings;
  readonly dateStyles: readonly boolean[];
  readonly epoch1904: boolean;
  readonly tally: EntityTally;
}

/** Column number (1-based) of a cell reference like `AB12`, or 0 when it has no letters. */
export function columnOfReference(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const c = reference.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
    if (column > XLSX_LIMITS.maxColumns) return XLSX_LIMITS.maxColumns + 1;
  }
  return column;
}

/**
 * Excel's serial day number as an ISO date (UTC), as read-excel-file gives it; the number's text when it is no date of
 * the years 0001–9999 (Excel shows `####`): never a cut expanded year such as `+275760-0`.
 */
function serialDate(serial: number, epoch1904: boolean): string {
  const days = epoch1904 ? serial + 1462 : serial;
  const time = Math.floor((days - 25_569) * 86_400_000);
  if (!inIsoDateYears(time)) return String(serial); // NaN too
  return new Date(time).toISOString().slice(0, 10);
}

/** An ISO 8601 date, alone or before a time: its date part. */
const ISO_DATE = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/;
/** A decimal number as XML Schema writes one (what Excel writes in `<v>`): no hex, binary, octal or Infinity. */
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** A row number: digits only. */
const DIGITS = /^\d+$/;
/** A shared-string index: digits (Number would read '', ' ', '0x1' and '1e0' as indexes). */
const INDEX = /^\s*\d+\s*$/;

/** The text of a cell from its type, style and value. */
function cellText(type: string, style: number, value: string, context: SheetContext): string {
  switch (type) {
    case 'b':
      return value === '1' ? 'true' : value === '0' ? 'false' : value;
    case 'd':
      // The date as written: `new Date` read a time without a zone in the reader's own (2024-01-01T00:00:00 was
      // 2023-12-31 in Shanghai) and took text that is no date for one ('12' was 2001-12-01).
      return ISO_DATE.exec(value)?.[1] ?? value;
    case 'n': {
      if (value.trim() === '') return ''; // white space is no number (Number(' ') is 0)
      if (!DECIMAL.test(value)) return value; // 0x1A, 0b1, Infinity: kept as written, not read as numbers
      const number = Number(value);
      return context.dateStyles[style] === true ? serialDate(number, context.epoch1904) : String(number);
    }
    default:
      return value; // str (formula text), e (error such as #N/A)
  }
}

/** The state of the row being read. */
interface RowState {
  line: number;
  fields: string[];
  length: number;
  /** What is wrong with its cells (a row out of order is told by `previous`). */
  problem: RowProblem | undefined;
  /** The last line read before it, when the row is at or above it: out of order or repeated. */
  previous: number | undefined;
  /** The row is too wide or too long: its cells are dropped, not kept for the rejects. */
  dropCells: boolean;
}

/**
 * Creates the XML handler of a sheet, calling `onRow` for each row (and for each blank row of a gap). Throws
 * {@link XlsxStop} past the row limit.
 */
export function createSheetHandler(
  context: SheetContext,
  onRow: (row: SheetRow) => void,
): XmlHandler & { readonly complete: boolean } {
  let lastLine = 0;
  let inCell = false;
  /** Cells handed on so far, the empty ones before a row's last filled cell included. */
  let cells = 0;
  /** `</sheetData>` or `</worksheet>` was read: the part was not cut short. */
  let complete = false;
  let row: RowState | undefined;
  let column = 0;
  let type = 'n';
  let style = 0;
  let value = '';
  let valueLength = 0;
  let inline = false;
  let phonetic = 0;

  const startRow = (attributes: string) => {
    if (row !== undefined) endRow(); // a row left open ends where the next one begins
    const number = attribute(attributes, 'r', context.tally) ?? '';
    const r = DIGITS.test(number) ? Number(number) : 0; // not 1e3, 0x10, 2.0: a row number is digits
    const line = r >= 1 ? r : lastLine + 1;
    if (line > XLSX_LIMITS.maxRows)
      throw new XlsxStop(
        limitExceeded(
          `超过 ${XLSX_LIMITS.maxRows} 行（Excel 的上限）`,
          `more than ${XLSX_LIMITS.maxRows} rows (Excel's own maximum)`,
          XLSX_LIMITS.maxRows + 1, // the first line past the limit: `r` itself may be anything (an ID number)
        ),
      );
    for (let gap = lastLine + 1; gap < line; gap++) onRow({ line: gap, fields: [] });
    // A row at or above a row already read: the sheet's rows are out of order or repeated (Excel calls it corrupt).
    const previous = line <= lastLine ? lastLine : undefined;
    lastLine = Math.max(lastLine, line);
    row = { line, fields: [], length: 0, problem: undefined, previous, dropCells: false };
    column = 0;
  };

  const startCell = (attributes: string) => {
    if (inCell) endCell(); // a cell left open ends where the next one begins
    inCell = true;
    phonetic = 0; // a phonetic run left open (or closed twice) ends with its cell
    handler.capturing = false;
    let at = 0;
    type = 'n';
    style = 0;
    forEachAttribute(attributes, context.tally, (name, text) => {
      if (name === 'r') at = columnOfReference(text);
      else if (name === 't') type = text;
      else if (name === 's') style = Number(text);
    });
    column = at > 0 ? at : column + 1;
    value = '';
    valueLength = 0;
    inline = false;
  };

  const endCell = () => {
    if (!inCell) return; // a stray </c>
    inCell = false;
    handler.capturing = false;
    if (row === undefined) return;
    let text = value;
    if (type === 's' && value.trim() === '')
      text = ''; // no index: a blank cell, not the first string
    else if (type === 's') {
      const index = INDEX.test(value) ? Number(value) : -1;
      const shared = context.shared.strings[index];
      if (shared === undefined) row.problem ??= { kind: 'bad_shared_string', column };
      else if (context.shared.tooLong.has(index)) row.problem ??= { kind: 'cell_too_long', column };
      text = shared === undefined || context.shared.tooLong.has(index) ? '' : shared;
    } else if (type === 'inlineStr' || type === 'str') text = decodeXstring(value);
    else text = cellText(type, style, value, context);
    if (valueLength > XLSX_LIMITS.maxCellLength) {
      row.problem ??= { kind: 'cell_too_long', column };
      text = ''; // an over-long cell is not kept: the row is rejected, its other cells kept to be fixed
    }
    if (column > XLSX_LIMITS.maxColumns) {
      row.problem = { kind: 'too_many_columns' };
      row.dropCells = true;
    }
    row.length += text.length;
    if (row.length > XLSX_LIMITS.maxRowLength) {
      row.problem = { kind: 'row_too_long' };
      row.dropCells = true;
    }
    if (row.dropCells) row.fields.length = 0;
    else if (text !== '') {
      // Two cells of one column: neither is dropped in silence (the row is rejected, the later one shown).
      if (row.fields[column - 1] !== undefined) row.problem ??= { kind: 'repeated_cell', column };
      row.fields[column - 1] = text;
    }
  };

  const endRow = () => {
    if (inCell) endCell();
    if (row === undefined) return;
    const fields = row.fields;
    cells += fields.length;
    if (cells > XLSX_LIMITS.maxCells)
      throw new XlsxStop(
        limitExceeded(
          `超过 ${XLSX_LIMITS.maxCells} 个单元格（含已填单元格之间的空单元格）`,
          `more than ${XLSX_LIMITS.maxCells} cells, counting the empty ones between filled ones`,
          row.line,
        ),
      );
    for (let i = 0; i < fields.length; i++) if (fields[i] === undefined) fields[i] = '';
    const problem: RowProblem | undefined =
      row.previous === undefined || row.dropCells
        ? row.problem
        : { kind: 'row_out_of_order', previous: row.previous };
    // A row out of order that holds nothing (no cell, blank cells, no problem) is not handed on: its line is
    // accounted for already, as a blank line or by the row there.
    if (row.previous === undefined || row.problem !== undefined || !isBlank(fields))
      onRow(problem === undefined ? { line: row.line, fields } : { line: row.line, fields, problem });
    row = undefined;
  };

  const handler = {
    capturing: false,
    get complete() {
      return complete;
    },
    open(name: string, attributes: string) {
      if (name === 'row') startRow(attributes);
      else if (name === 'c') startCell(attributes);
      else if (name === 'v') handler.capturing = !inline;
      else if (name === 'is') inline = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 't') handler.capturing = inline && phonetic === 0;
    },
    close(name: string) {
      if (name === 'v' || name === 't') handler.capturing = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'c') endCell();
      else if (name === 'row') endRow();
      else if (name === 'sheetData' || name === 'worksheet') {
        endRow();
        complete = true;
      }
    },
    text(raw: string, literal: boolean) {
      if (valueLength > XLSX_LIMITS.maxCellLength) return; // an over-long cell is not kept
      const text = literal ? raw : decodeXmlText(raw, context.tally);
      valueLength += text.length;
      if (valueLength <= XLSX_LIMITS.maxCellLength) value += text;
    },
  };
  return handler;
}
