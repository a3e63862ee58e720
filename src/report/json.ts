/**
 * JSON arrays of result rows, streamed: one row per line (`[\n{…},\n{…}\n]\n`), each row's text exactly
 * `JSON.stringify(row)` with ID numbers masked (see json-text.ts), written through a buffered sink.
 */
import type { IndicatorRow } from '../indicators/rows.js';
import type { Finding, ValidationReport } from '../standards/validate.js';
import { createJsonSerializer } from './json-text.js';
import type { ChunkSink } from './sink.js';

/** Keys whose object is the same in every row of an indicator (rows) or of a rule (findings). */
export const INDICATOR_CONSTANT_KEYS = ['target', 'baseline'] as const;
export const FINDING_CONSTANT_KEYS = ['source'] as const;

/**
 * Writes items as a JSON array, one item per line, awaiting the sink only when it hands a chunk over.
 *
 * @param items - the items, taken one at a time (a generator is never collected)
 * @param sink - where the text goes
 * @param serialize - the text of one item
 * @returns when every item is in the sink (call `sink.end()` after)
 *
 * @example
 * ```ts
 * const chunks: string[] = [];
 * const sink = createChunkSink({ write: (chunk) => void chunks.push(chunk) });
 * await writeJsonArray([{ a: 1 }, { a: 2 }], sink, createJsonSerializer());
 * await sink.end();
 * chunks.join('');
 * //=> '[\n{"a":1},\n{"a":2}\n]\n'
 * ```
 */
export async function writeJsonArray<Item>(
  items: Iterable<Item>,
  sink: ChunkSink,
  serialize: (item: Item) => string,
): Promise<void> {
  let separator = '[\n';
  for (const item of items) {
    const wait = sink.write(separator + serialize(item));
    separator = ',\n';
    if (wait !== undefined) await wait;
  }
  const wait = sink.write(separator === '[\n' ? '[]\n' : '\n]\n');
  if (wait !== undefined) await wait;
}

/**
 * Writes indicator rows as a JSON array (the `target` of each indicator serialised once).
 *
 * @param rows - the rows, possibly generated region by region
 * @param sink - where the text goes
 * @returns when every row is in the sink
 *
 * @example
 * ```ts
 * await writeIndicatorRowsJson(computeIndicators(units, { asOf: '2025-12-31' }), sink);
 * ```
 */
export function writeIndicatorRowsJson(rows: Iterable<IndicatorRow>, sink: ChunkSink): Promise<void> {
  return writeJsonArray(rows, sink, createJsonSerializer({ constantKeys: INDICATOR_CONSTANT_KEYS }));
}

/**
 * Writes findings as a JSON array (the `source` of each rule serialised once).
 *
 * @param findings - the findings
 * @param sink - where the text goes
 * @returns when every finding is in the sink
 *
 * @example
 * ```ts
 * await writeFindingsJson(validate(units, { asOf: '2025-12-31' }).findings, sink);
 * ```
 */
export function writeFindingsJson(findings: Iterable<Finding>, sink: ChunkSink): Promise<void> {
  return writeJsonArray(findings, sink, createJsonSerializer({ constantKeys: FINDING_CONSTANT_KEYS }));
}

/**
 * Writes a validation report as one JSON object: `{"asOf","profile","summary","findings":[…]}`, the findings one
 * per line (the layout `shequ validate --format json` has always had).
 *
 * @param report - the report of `validate` (its `skipped` inputs are not written, as before)
 * @param sink - where the text goes
 * @returns when the whole object is in the sink
 *
 * @example
 * ```ts
 * await writeValidationJson(validate(units, { asOf: '2025-12-31' }), sink);
 * ```
 */
export async function writeValidationJson(
  report: Pick<ValidationReport, 'asOf' | 'profile' | 'summary'> & { readonly findings: Iterable<Finding> },
  sink: ChunkSink,
): Promise<void> {
  const serialize = createJsonSerializer();
  const head = `{"asOf":${serialize(report.asOf)},"profile":${serialize(report.profile)},"summary":${serialize(report.summary)},"findings":`;
  const wait = sink.write(head);
  if (wait !== undefined) await wait;
  await writeFindingsJson(report.findings, sink);
  const end = sink.write('}\n');
  if (end !== undefined) await end;
}
