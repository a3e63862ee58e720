// A table of the report's workbooks as write-excel-file's sheets: a bold frozen header, column widths fitted to the
// text, the rows cut into sheets of Excel's limit, the later ones named by the caller (report/xlsx.ts's namer).
import { xlsxCellText } from '../io/write.js';

/**
 * Excel's rows per sheet (1 048 576) less the header: a longer table goes on into a second sheet.
 *
 * @example
 * ```ts
 * import { XLSX_MAX_DATA_ROWS } from 'shequ/report/xlsx';
 * XLSX_MAX_DATA_ROWS;
 * //=> 1048575
 * ```
 */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

/** The width of a text in columns of a spreadsheet: CJK and full-width characters count two. */
function displayWidth(value: unknown): number {
  if (value === null || value === undefined) return 0;
  let width = 0;
  for (const ch of String(value)) width += (ch.codePointAt(0) ?? 0) >= 0x1100 ? 2 : 1;
  return width;
}

/** Rows measured for the column widths (more would cost time and change little). */
const MEASURED_ROWS = 500;

/** Column widths fitted to the header and the first rows, between 6 and 60 characters. */
function fittedWidths(header: readonly string[], rows: readonly (readonly unknown[])[]): { width: number }[] {
  return header.map((title, column) => {
    let width = displayWidth(title);
    for (let i = 0; i < rows.length && i < MEASURED_ROWS; i++)
      width = Math.max(width, displayWidth(rows[i]?.[column]));
    return { width: Math.min(60, Math.max(6, width + 2)) };
  });
}

/** A sheet as write-excel-file takes it. */
export interface WorkbookSheet {
  readonly sheet: string;
  readonly data: unknown[][];
  readonly columns: { width: number }[];
  readonly stickyRowsCount: 1;
}

/**
 * A table's sheets: a bold frozen header, the rows, cut into sheets of `rowsPerSheet` rows ({@link XLSX_MAX_DATA_ROWS}),
 * the first named `name`, the later ones `laterName(2)`, `laterName(3)` ….
 */
export function tableSheets(
  name: string,
  header: readonly string[],
  rows: (string | number | boolean | null)[][],
  laterName: (part: number) => string,
  rowsPerSheet: number = XLSX_MAX_DATA_ROWS,
): WorkbookSheet[] {
  const sheets: WorkbookSheet[] = [];
  const columns = fittedWidths(header, rows);
  const headerRow = header.map((value) => ({ value: xlsxCellText(value), fontWeight: 'bold' as const }));
  for (let start = 0, part = 1; start < rows.length || part === 1; start += rowsPerSheet, part++) {
    const data: unknown[][] = [headerRow];
    const end = Math.min(rows.length, start + rowsPerSheet);
    for (let i = start; i < end; i++) data.push(rows[i] as unknown[]);
    sheets.push({ sheet: part === 1 ? name : laterName(part), data, columns, stickyRowsCount: 1 });
  }
  return sheets;
}
