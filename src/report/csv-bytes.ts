/**
 * CSV lines of a model's data view written straight into UTF-8 bytes: byte for byte the lines of the csv format
 * (formats/csv.ts: cells masked, formula-guarded, quoted where they hold `"`, `,` or a line break), without a string
 * per cell, an array per row and a join. Plain cells (see writePlainText) and ordinary numbers are written a byte at
 * a time; a cell that recurs (a name, a unit, a target) is encoded once; anything else takes the text path for that
 * cell.
 */
import { maskIdNumbersInText } from '../core/mask.js';
import { type CellValue, startsLikeFormula } from '../io/write.js';
import { type ByteOutput, RecentBytes, writePlainNumber, writePlainText } from './byte-output.js';
import { type Column, type ColumnModel, type ReportLang, viewColumns } from './columns.js';
import { csvCellText } from './formats/csv.js';

/**
 * Writes a string cell that CSV leaves as it is (see {@link writePlainText}): neither quoted (no `"`, `,` or line
 * break) nor formula-guarded, as its bytes; false (nothing written) for any other.
 */
function writePlainCell(out: ByteOutput, text: string): boolean {
  const c = text.charCodeAt(0); // NaN for '' (plain)
  // A formula's first character, or white space before one: the text path decides (beyond ASCII, the guard's own
  // test: full-width signs, ideographic and other spaces).
  if (c <= 0x20 || c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40) return false;
  if (c >= 0x80 && startsLikeFormula(text)) return false;
  return writePlainText(out, text, 0x22, 0x2c, false);
}

/**
 * Creates a writer of a model's rows as CSV lines (each with its `\r\n`), byte for byte the lines of the csv format.
 *
 * @param model - the column model
 * @param lang - the language of text cells that have one
 * @returns the line writer (it remembers recurring cells: use one per output)
 */
export function createCsvByteLine<Row>(
  model: ColumnModel<Row>,
  lang: ReportLang,
): (row: Row, out: ByteOutput) => void {
  const columns: readonly Column<Row>[] = viewColumns(model, 'data');
  // Per column, the bytes of the last cells written (see RecentBytes).
  const recent = columns.map(() => new RecentBytes());

  const writeCell = (out: ByteOutput, value: CellValue, column: number): void => {
    if (typeof value === 'number') {
      if (!writePlainNumber(out, value)) out.text(csvCellText(value));
      return;
    }
    if (value === undefined || value === null) return; // an empty cell
    if (typeof value !== 'string') {
      out.text(csvCellText(value));
      return;
    }
    const memo = recent[column] as RecentBytes;
    const known = memo.find(value);
    if (known !== undefined) {
      out.copy(known);
      return;
    }
    const start = out.used;
    if (!writePlainCell(out, value)) out.text(csvCellText(maskIdNumbersInText(value)));
    memo.rememberWritten(value, out, start);
  };

  return (row, out) => {
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) {
        out.reserve(1);
        out.byte(0x2c);
      }
      writeCell(out, (columns[i] as Column<Row>).value(row, lang) as CellValue, i);
    }
    out.reserve(2);
    out.byte(0x0d);
    out.byte(0x0a);
  };
}
