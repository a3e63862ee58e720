/**
 * The streaming writers of results, keyed by format (the start of the report layer of issue 16; not a public
 * subpath yet — the CLI imports it from the source). Every writer takes an `Iterable` (rows may be
 * generated region by region), writes through a {@link ChunkSink} in large chunks and awaits only when a chunk goes
 * out; its text is masked by construction (ID numbers), equal to what the CLI wrote before through its output filter.
 */
import type { IndicatorRow } from '../indicators/rows.js';
import type { Finding, ValidationReport } from '../standards/validate.js';
import { writeFindingsCsv, writeIndicatorRowsCsv } from './csv.js';
import { writeIndicatorRowsJson, writeValidationJson } from './json.js';
import { writeIndicatorRowsNdjson, writeValidationNdjson } from './ndjson.js';
import type { ChunkSink } from './sink.js';

export { type FindingTextFormat, findingTextFormat } from './finding-text.js';
export {
  type ByteSinkOptions,
  type ByteTarget,
  type ChunkSink,
  type ChunkTarget,
  createByteSink,
  createChunkSink,
  writeBytesTo,
} from './sink.js';

/**
 * The formats that stream.
 *
 * @example
 * ```ts
 * const format: StreamFormat = 'ndjson';
 * ```
 */
export type StreamFormat = 'json' | 'ndjson' | 'csv';

/** Whether a format is one of {@link StreamFormat}. */
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

/** What the validation writers read of a report. */
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
