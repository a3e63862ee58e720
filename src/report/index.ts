/**
 * Reports of results for people and programs (`shequ/report`): one column model per result type — indicator rows,
 * findings, rejected rows, a plan evaluation — rendered in any output format (terminal table, CSV, Markdown, JSON,
 * JSON Lines, HTML), streamed from an `Iterable` into a buffered sink, every ID number masked; and the HTML report
 * page (summary, status legend, charts, findings by rule). Works in browsers (no Node built-in).
 *
 * @packageDocumentation
 */
import type { IndicatorRow } from '../indicators/rows.js';
import type { Finding, ValidationReport } from '../standards/validate.js';
import { writeFindingsCsv, writeIndicatorRowsCsv } from './csv.js';
import { writeIndicatorRowsJson, writeValidationJson } from './json.js';
import { writeIndicatorRowsNdjson, writeValidationNdjson } from './ndjson.js';
import type { ChunkSink } from './sink.js';

export { ByteOutput } from './byte-output.js';
export {
  type Bilingual,
  type Column,
  type ColumnModel,
  type ColumnView,
  dataCells,
  dataHeader,
  peopleCells,
  type RenderContext,
  type ReportLang,
  viewColumns,
} from './columns.js';
export { defaultRenderContext, resolveRenderContext } from './context.js';
export {
  createCsvCells,
  createFindingCsvLine,
  findingCsvSourceTail,
  findingsCsvHeader,
  writeFindingsCsv,
  writeIndicatorRowsCsv,
} from './csv.js';
export { type FindingTextFormat, findingTextFormat, type ReportHead } from './finding-text.js';
export { CSV_FORMAT } from './formats/csv.js';
export { type FormatOptions, type OutputFormat, writePieces } from './formats/format.js';
export { HTML_FORMAT, type HtmlTableOptions, htmlTablePieces } from './formats/html.js';
export { OUTPUT_FORMATS, type OutputFormatId } from './formats/index.js';
export { JSON_FORMAT } from './formats/json.js';
export { MARKDOWN_FORMAT, markdownCell } from './formats/markdown.js';
export { NDJSON_FORMAT } from './formats/ndjson.js';
export { TABLE_FORMAT } from './formats/table.js';
export { escapeHtml } from './html/escape.js';
export {
  createFindingDigest,
  type FindingDigest,
  type FindingDigester,
  type FindingDigestOptions,
  type RuleDigest,
} from './html/findings.js';
export {
  type ReportPageInput,
  type ReportPageOptions,
  reportPage,
  reportPagePieces,
  writeReportPage,
} from './html/page.js';
export { FONT_STACK, PAGE_STYLE, STATUS_COLOURS } from './html/style.js';
export { type IndicatorSummary, summarizeIndicators } from './html/summary.js';
export { writeJsonArray, writeValidationJson } from './json.js';
export { createJsonByteWriter } from './json-bytes.js';
export { createJsonSerializer, type JsonSerializerOptions } from './json-text.js';
export { baselineText, SEVERITY_LABELS, STATUS_LABELS, STATUS_ORDER, targetText } from './labels.js';
export { EVALUATION_MODEL, evaluationModel, type PeriodYears } from './models/evaluation.js';
export { FINDING_MODEL } from './models/findings.js';
export {
  INDICATOR_ROW_MODEL,
  INDICATOR_ROW_MODEL_WITH_YEAR,
  type IndicatorRowsTableOptions,
  indicatorRowModel,
} from './models/indicators.js';
export { rejectedRowModel } from './models/rejected.js';
export { writeJsonLines, writeValidationNdjson } from './ndjson.js';
export { renderRows, writeRows } from './render.js';
export {
  BYTE_CHUNK_SIZE,
  type ByteSinkOptions,
  type ByteTarget,
  CHUNK_SIZE,
  type ChunkSink,
  type ChunkTarget,
  createByteSink,
  createChunkSink,
  writeBytesTo,
} from './sink.js';
export {
  findingCells,
  findingsTable,
  findingsToCsv,
  indicatorRowsTable,
  indicatorRowsToCsv,
  modelTable,
} from './tables.js';

/**
 * The formats that stream results of a whole run (indicator rows; a validation report with its summary).
 *
 * @example
 * ```ts
 * const format: StreamFormat = 'ndjson';
 * ```
 */
export type StreamFormat = 'json' | 'ndjson' | 'csv';

/**
 * Whether a format is one of {@link StreamFormat}.
 *
 * @param format - a format name
 * @returns whether it streams
 *
 * @example
 * ```ts
 * [isStreamFormat('csv'), isStreamFormat('md')];
 * //=> [true, false]
 * ```
 */
export const isStreamFormat = (format: string): format is StreamFormat =>
  format === 'json' || format === 'ndjson' || format === 'csv';

/**
 * Writers of indicator rows by format.
 *
 * @example
 * ```ts
 * await INDICATOR_ROW_WRITERS.ndjson(rows, sink);
 * ```
 */
export const INDICATOR_ROW_WRITERS: Readonly<
  Record<StreamFormat, (rows: Iterable<IndicatorRow>, sink: ChunkSink) => Promise<void>>
> = {
  json: writeIndicatorRowsJson,
  ndjson: writeIndicatorRowsNdjson,
  csv: writeIndicatorRowsCsv,
};

/**
 * What the validation writers read of a report.
 *
 * @example
 * ```ts
 * const written: WrittenValidation = { asOf: '2025-12-31', profile: 'national', summary, findings: [] };
 * ```
 */
export type WrittenValidation = Pick<ValidationReport, 'asOf' | 'profile' | 'summary'> & {
  /** The findings in report order: an array, or generated (merged from sorted runs) one at a time. */
  readonly findings: Iterable<Finding>;
};

/**
 * Writers of a validation report by format (CSV: the findings only, with messages in `lang`).
 *
 * @example
 * ```ts
 * await VALIDATION_WRITERS.csv(report, sink, 'en');
 * ```
 */
export const VALIDATION_WRITERS: Readonly<
  Record<StreamFormat, (report: WrittenValidation, sink: ChunkSink, lang: 'zh' | 'en') => Promise<void>>
> = {
  json: (report, sink) => writeValidationJson(report, sink),
  ndjson: (report, sink) => writeValidationNdjson(report, sink),
  csv: (report, sink, lang) => writeFindingsCsv(report.findings, sink, lang),
};
