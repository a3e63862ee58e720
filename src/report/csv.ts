import type { IndicatorRow } from '../indicators/rows.js';
import { type CellValue, findingsTable, indicatorRowsTable, neutralizeFormula } from '../io/write.js';
import type { Finding } from '../standards/validate.js';
import type { ChunkSink } from './sink.js';

const MEMO_LIMIT = 4096;

/** One CSV cell's text: io's cell (masked, formula-guarded), quoted as `csvLine` quotes it. */
function cellText(value: CellValue): string {
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
    if (typeof value !== 'string') return cellText(value);
    let text = memo.get(value);
    if (text === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      text = cellText(value);
      memo.set(value, text);
    }
    return text;
  };
}

/** The header line with the BOM that makes Excel read UTF-8. */
const headerLine = (columns: readonly string[]) => `\ufeff${columns.map(cellText).join(',')}\r\n`;

/**
 * Writes indicator rows as CSV (header with BOM first), awaiting the sink only when it hands a chunk over.
 *
 * @param rows - the rows, possibly generated region by region
 * @param sink - where the text goes
 * @returns when every row is in the sink
 *
 * @example
 * ```ts
 * await writeIndicatorRowsCsv(rows, sink);
 * ```
 */
export async function writeIndicatorRowsCsv(rows: Iterable<IndicatorRow>, sink: ChunkSink): Promise<void> {
  // The one column model of indicator rows (io's indicatorRowsTable): this writer only makes it fast.
  const table = indicatorRowsTable(rows);
  const cell = createCsvCells();
  let wait = sink.write(headerLine(table.header));
  if (wait !== undefined) await wait;
  for (const cells of table.rows) {
    wait = sink.write(`${cells.map(cell).join(',')}\r\n`);
    if (wait !== undefined) await wait;
  }
}

/**
 * Writes findings as CSV (header with BOM first) in Chinese or English messages.
 *
 * @param findings - the findings
 * @param sink - where the text goes
 * @param lang - the language of the messages
 * @returns when every finding is in the sink
 *
 * @example
 * ```ts
 * await writeFindingsCsv(report.findings, sink, 'zh');
 * ```
 */
export async function writeFindingsCsv(
  findings: Iterable<Finding>,
  sink: ChunkSink,
  lang: 'zh' | 'en',
): Promise<void> {
  // The one column model of findings (io's findingsTable): this writer only makes it fast.
  const table = findingsTable(findings, { lang });
  const cell = createCsvCells();
  let wait = sink.write(headerLine(table.header));
  if (wait !== undefined) await wait;
  for (const cells of table.rows) {
    wait = sink.write(`${cells.map(cell).join(',')}\r\n`);
    if (wait !== undefined) await wait;
  }
}
