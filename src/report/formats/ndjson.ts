/** JSON Lines (data view): one row object per line, nothing around them, for scripts that read line by line. */
import type { ColumnModel } from '../columns.js';
import type { FormatOptions, OutputFormat } from './format.js';
import { rowJsonText } from './json.js';

function* ndjsonText<Row>(
  model: ColumnModel<Row>,
  rows: Iterable<Row>,
  options: FormatOptions,
): Iterable<string> {
  const serialize = rowJsonText(model, options);
  for (const row of rows) yield `${serialize(row)}\n`;
}

/**
 * JSON Lines of a model's rows.
 *
 * @example
 * ```ts
 * joinPieces(NDJSON_FORMAT.text(INDICATOR_ROW_MODEL, [], {}));
 * //=> ''
 * ```
 */
export const NDJSON_FORMAT: OutputFormat = { id: 'ndjson', view: 'data', text: ndjsonText };
