/** Rendering a model's rows in a format: streamed into a sink, or as one string (for small outputs). */
import type { ColumnModel } from './columns.js';
import { type FormatOptions, joinPieces, type OutputFormat, writePieces } from './formats/format.js';
import { OUTPUT_FORMATS, type OutputFormatId } from './formats/index.js';
import type { ChunkSink } from './sink.js';

const formatOf = (format: OutputFormat | OutputFormatId): OutputFormat =>
  typeof format === 'string' ? OUTPUT_FORMATS[format] : format;

/**
 * Writes a model's rows in a format into a sink, taking the rows one at a time (call `sink.end()` after).
 *
 * @param format - a format id (`csv`, `md`, …) or a format of one's own
 * @param model - the column model of the rows
 * @param rows - the rows, possibly generated
 * @param sink - where the text goes
 * @param options - language and names
 * @returns when every row is in the sink
 *
 * @example
 * ```ts
 * await writeRows('csv', INDICATOR_ROW_MODEL, computeIndicators(units, { asOf: '2025-12-31' }), sink);
 * ```
 */
export function writeRows<Row>(
  format: OutputFormat | OutputFormatId,
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  sink: ChunkSink,
  options: FormatOptions = {},
): Promise<void> {
  return writePieces(formatOf(format).text(model, rows, options), sink);
}

/**
 * A model's rows in a format, as one string.
 *
 * @param format - a format id or a format of one's own
 * @param model - the column model of the rows
 * @param rows - the rows
 * @param options - language and names
 * @returns the text
 *
 * @example
 * ```ts
 * renderRows('md', FINDING_MODEL, [], { lang: 'en' });
 * //=> '| unit | severity | rule | finding | source |\n|---|---|---|---|---|\n'
 * ```
 */
export function renderRows<Row>(
  format: OutputFormat | OutputFormatId,
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  options: FormatOptions = {},
): string {
  return joinPieces(formatOf(format).text(model, rows, options));
}
