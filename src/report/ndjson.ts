/**
 * Newline-delimited JSON (JSON Lines) of result rows, streamed: one object per line, no array around them, each line
 * exactly `JSON.stringify(row)` with ID numbers masked (see json-text.ts). For scripts that read line by line.
 */
import type { IndicatorRow } from '../indicators/rows.js';
import type { Finding, ValidationReport } from '../standards/validate.js';
import { indicatorRowJsonWriter } from './indicator-json-bytes.js';
import { FINDING_CONSTANT_KEYS } from './json.js';
import { createJsonByteWriter, writeJsonRowsAsBytes } from './json-bytes.js';
import { createJsonSerializer } from './json-text.js';
import type { ChunkSink } from './sink.js';

/**
 * Writes items one JSON object per line (`{…}\n`), awaiting the sink only when it hands a chunk over.
 *
 * @param items - the items, taken one at a time
 * @param sink - where the text goes
 * @param serialize - the text of one item
 * @returns when every item is in the sink
 *
 * @example
 * ```ts
 * await writeJsonLines([{ a: 1 }, { a: 2 }], sink, createJsonSerializer());
 * await sink.end();
 * chunks.join('');
 * //=> '{"a":1}\n{"a":2}\n'
 * ```
 */
export async function writeJsonLines<Item>(
  items: Iterable<Item>,
  sink: ChunkSink,
  serialize: (item: Item) => string,
): Promise<void> {
  for (const item of items) {
    const wait = sink.write(`${serialize(item)}\n`);
    if (wait !== undefined) await wait;
  }
}

/**
 * Writes indicator rows as JSON Lines: one row per line.
 *
 * @param rows - the rows, possibly generated region by region
 * @param sink - where the text goes
 * @returns when every row is in the sink
 *
 * @example
 * ```ts
 * await writeIndicatorRowsNdjson(rows, sink);
 * ```
 */
export function writeIndicatorRowsNdjson(rows: Iterable<IndicatorRow>, sink: ChunkSink): Promise<void> {
  return writeJsonRowsAsBytes(rows, sink, indicatorRowJsonWriter(rows), 'lines');
}

/**
 * Writes findings as JSON Lines: one finding per line (a caller adds its own summary line after them).
 *
 * @param findings - the findings
 * @param sink - where the text goes
 * @returns when every finding is in the sink
 *
 * @example
 * ```ts
 * await writeFindingsNdjson(report.findings, sink);
 * ```
 */
export function writeFindingsNdjson(findings: Iterable<Finding>, sink: ChunkSink): Promise<void> {
  return writeJsonRowsAsBytes(
    findings,
    sink,
    createJsonByteWriter({ constantKeys: FINDING_CONSTANT_KEYS }),
    'lines',
  );
}

/**
 * The last line of a validation report's JSON Lines: the report without its findings, `{"asOf","profile","summary"}\n`.
 *
 * @param report - the report's date, profile and summary
 * @returns the line, with its `\n`
 *
 * @example
 * ```ts
 * validationNdjsonLastLine({ asOf: '2025-12-31', profile: 'national', summary }).slice(0, 40);
 * //=> '{"asOf":"2025-12-31","profile":"national'
 * ```
 */
export function validationNdjsonLastLine(
  report: Pick<ValidationReport, 'asOf' | 'profile' | 'summary'>,
): string {
  const line = createJsonSerializer()({
    asOf: report.asOf,
    profile: report.profile,
    summary: report.summary,
  });
  return `${line}\n`;
}

/**
 * Writes a validation report as JSON Lines: one line per finding, then one last line that is the report without its
 * findings — `{"asOf","profile","summary"}` — so a script streams the findings and reads the counts at the end (a
 * finding never has a `summary` key, which tells the two kinds of line apart).
 *
 * @param report - the report of `validate`
 * @param sink - where the text goes
 * @returns when every line is in the sink
 *
 * @example
 * ```ts
 * await writeValidationNdjson(validate(units, { asOf: '2025-12-31' }), sink);
 * // …{"unit":"130123100201","rule":…}\n{"asOf":"2025-12-31","profile":"national","summary":{…}}\n
 * ```
 */
export async function writeValidationNdjson(
  report: Pick<ValidationReport, 'asOf' | 'profile' | 'summary'> & { readonly findings: Iterable<Finding> },
  sink: ChunkSink,
): Promise<void> {
  await writeFindingsNdjson(report.findings, sink);
  const wait = sink.write(validationNdjsonLastLine(report));
  if (wait !== undefined) await wait;
}
