import { maskIdNumbersInText } from '../core/mask.js';
import type { IndicatorRow } from '../indicators/rows.js';
import {
  type CellValue,
  findingCells,
  findingsTable,
  indicatorRowsTable,
  neutralizeFormula,
} from '../io/write.js';
import type { RuleSource } from '../standards/types.js';
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
 * @param options - `year: true` for a `year` column after `level` (rows over years)
 * @returns when every row is in the sink
 *
 * @example
 * ```ts
 * await writeIndicatorRowsCsv(rows, sink);
 * ```
 */
export async function writeIndicatorRowsCsv(
  rows: Iterable<IndicatorRow>,
  sink: ChunkSink,
  options: { readonly year?: boolean } = {},
): Promise<void> {
  // The one column model of indicator rows (io's indicatorRowsTable): this writer only makes it fast.
  const table = indicatorRowsTable(rows, options);
  const cell = createCsvCells();
  let wait = sink.write(headerLine(table.header));
  if (wait !== undefined) await wait;
  for (const cells of table.rows) {
    wait = sink.write(`${cells.map(cell).join(',')}\r\n`);
    if (wait !== undefined) await wait;
  }
}

/**
 * The CSV header line of findings, with its BOM (what {@link writeFindingsCsv} writes first).
 *
 * @returns the header line
 *
 * @example
 * ```ts
 * findingsCsvHeader();
 * //=> '\ufeffunit,rule,severity,path,message,expected,actual,document,section,quote\r\n'
 * ```
 */
export function findingsCsvHeader(): string {
  return headerLine(findingsTable([]).header);
}

/**
 * A writer of one finding's CSV line (with its `\r\n`), exactly as {@link writeFindingsCsv} writes it; cells may
 * hold line breaks, quoted.
 *
 * @param lang - the language of the messages
 * @returns the line function (it remembers recurring cells: use one per output)
 *
 * @example
 * ```ts
 * const line = createFindingCsvLine('en');
 * line(finding);
 * //=> '130123100201,workers.disasterOfficer,error,disasterOfficers,…\r\n'
 * ```
 */
export function createFindingCsvLine(lang: 'zh' | 'en'): (finding: Finding) => string {
  const cell = createCsvCells();
  return (finding) => `${findingCells(finding, lang).map(cell).join(',')}\r\n`;
}

/**
 * The end of a finding's CSV line that its rule's source gives (document, section, quote), as
 * {@link createFindingCsvLine} writes it: the same for every finding of the rule.
 *
 * @param source - a rule's source
 * @returns `,document,section,quote\r\n` as CSV cells
 *
 * @example
 * ```ts
 * findingCsvSourceTail({ document: '规划', section: '主要指标 4', quote: '每百户, 30' });
 * //=> ',规划,主要指标 4,"每百户, 30"\r\n'
 * ```
 */
export function findingCsvSourceTail(source: RuleSource): string {
  const cells = [source.document, source.section, source.quote].map((value) =>
    cellText(typeof value === 'string' ? maskIdNumbersInText(value) : value),
  );
  return `,${cells.join(',')}\r\n`;
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
  // The one column model of findings (io's findingCells): this writer only makes it fast.
  const line = createFindingCsvLine(lang);
  let wait = sink.write(findingsCsvHeader());
  if (wait !== undefined) await wait;
  for (const finding of findings) {
    wait = sink.write(line(finding));
    if (wait !== undefined) await wait;
  }
}
