/**
 * The output formats by id. A new format is one file in this folder exporting an {@link OutputFormat}, and its line
 * here (see CONTRIBUTING.md, "Adding an output format").
 */
import { CSV_FORMAT } from './csv.js';
import type { OutputFormat } from './format.js';
import { HTML_FORMAT } from './html.js';
import { JSON_FORMAT } from './json.js';
import { MARKDOWN_FORMAT } from './markdown.js';
import { NDJSON_FORMAT } from './ndjson.js';
import { TABLE_FORMAT } from './table.js';

/**
 * The output formats of the report layer, by id.
 *
 * @example
 * ```ts
 * Object.keys(OUTPUT_FORMATS);
 * //=> ['table', 'csv', 'md', 'json', 'ndjson', 'html']
 * ```
 */
export const OUTPUT_FORMATS: {
  /** The aligned terminal table. */
  readonly table: OutputFormat;
  /** CSV with a BOM. */
  readonly csv: OutputFormat;
  /** Markdown. */
  readonly md: OutputFormat;
  /** A JSON array. */
  readonly json: OutputFormat;
  /** JSON Lines. */
  readonly ndjson: OutputFormat;
  /** An accessible HTML table in a self-contained page. */
  readonly html: OutputFormat;
} = {
  table: TABLE_FORMAT,
  csv: CSV_FORMAT,
  md: MARKDOWN_FORMAT,
  json: JSON_FORMAT,
  ndjson: NDJSON_FORMAT,
  html: HTML_FORMAT,
};

/**
 * The id of a built-in output format.
 *
 * @example
 * ```ts
 * const format: OutputFormatId = 'md';
 * ```
 */
export type OutputFormatId = keyof typeof OUTPUT_FORMATS;
