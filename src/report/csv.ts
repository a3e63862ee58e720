/** The fast CSV writers of indicator rows and findings: the csv format over their column models. */
import { maskIdNumbersInText } from '../core/mask.js';
import type { IndicatorRow } from '../indicators/rows.js';
import type { RuleSource } from '../standards/types.js';
import type { Finding } from '../standards/validate.js';
import { dataHeader, viewColumns } from './columns.js';
import { createCsvByteLine } from './csv-bytes.js';
import { CSV_FORMAT, csvCellText as cellText, createCsvCells, csvHeaderLine } from './formats/csv.js';
import { writePieces } from './formats/format.js';
import { writeRowsAsBytes } from './json-bytes.js';
import { FINDING_MODEL } from './models/findings.js';
import { type IndicatorRowsTableOptions, indicatorRowModel } from './models/indicators.js';
import type { ChunkSink } from './sink.js';
import { findingCells } from './tables.js';

export { createCsvCells };

/** CSV rows: the header first (also when there are none), each line with its own `\r\n`. */
const CSV_LAYOUT = { first: '', separator: '', end: '', empty: '', lineEnd: '' };

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
export function writeIndicatorRowsCsv(
  rows: Iterable<IndicatorRow>,
  sink: ChunkSink,
  options: IndicatorRowsTableOptions = {},
): Promise<void> {
  const model = indicatorRowModel(options);
  // Text sinks get text: a lone surrogate in a name survives in text, not in UTF-8.
  if (sink.encoding !== 'utf-8') return writePieces(CSV_FORMAT.text(model, rows, {}), sink);
  const layout = { ...CSV_LAYOUT, first: csvHeaderLine(dataHeader(viewColumns(model, 'data'))) };
  return writeRowsAsBytes(rows, sink, createCsvByteLine(model, 'zh'), { ...layout, empty: layout.first });
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
  return csvHeaderLine(dataHeader(viewColumns(FINDING_MODEL, 'data')));
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
  // The findings' column model through createFindingCsvLine, the line the CLI's sorted runs hold.
  const line = createFindingCsvLine(lang);
  let wait = sink.write(findingsCsvHeader());
  if (wait !== undefined) await wait;
  for (const finding of findings) {
    wait = sink.write(line(finding));
    if (wait !== undefined) await wait;
  }
}
