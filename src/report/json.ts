/**
 * JSON arrays of result rows, streamed: one row per line (`[\n{…},\n{…}\n]\n`), each row's text exactly
 * `JSON.stringify(row)` with ID numbers masked (see json-text.ts), written through a buffered sink.
 */
import type { IndicatorRow } from '../indicators/rows.js';
import type { RuleSource } from '../standards/types.js';
import type { Finding, ValidationReport } from '../standards/validate.js';
import { indicatorRowJsonWriter } from './indicator-json-bytes.js';
import { createJsonByteWriter, writeJsonRowsAsBytes } from './json-bytes.js';
import { createJsonSerializer } from './json-text.js';
import { FINDING_MODEL } from './models/findings.js';
import type { ChunkSink } from './sink.js';

export { INDICATOR_CONSTANT_KEYS } from './indicator-json-bytes.js';

/** Keys whose object is the same in every finding of a rule (its `source`): the model's. */
export const FINDING_CONSTANT_KEYS = FINDING_MODEL.wholeRowJson?.constantKeys ?? [];

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
  return writeJsonRowsAsBytes(rows, sink, indicatorRowJsonWriter(rows), 'array');
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
  return writeJsonRowsAsBytes(
    findings,
    sink,
    createJsonByteWriter({ constantKeys: FINDING_CONSTANT_KEYS }),
    'array',
  );
}

/**
 * A serialiser of findings to the JSON text the validation writers (JSON and JSON Lines) give each finding.
 *
 * @returns the serialiser (it remembers recurring texts: use one per output)
 *
 * @example
 * ```ts
 * createFindingJsonText()({ rule: 'x', severity: 'info', unit: '1301', index: null, path: [], message: { zh: '甲', en: 'a' }, source: { document: 'd', section: 's', quote: 'q' } });
 * //=> '{"rule":"x","severity":"info","unit":"1301","index":null,"path":[],"message":{"zh":"甲","en":"a"},"source":{"document":"d","section":"s","quote":"q"}}'
 * ```
 */
export function createFindingJsonText(): (finding: Finding) => string {
  return createJsonSerializer({ constantKeys: FINDING_CONSTANT_KEYS });
}

/**
 * The end of a finding's JSON text that its rule's source gives (`,"source":{…}}`), as {@link createFindingJsonText}
 * writes it when the source is the finding's last key (as in every finding `validate` builds).
 *
 * @param source - a rule's source
 * @returns the text
 *
 * @example
 * ```ts
 * findingJsonSourceTail({ document: 'd', section: 's', quote: 'q' });
 * //=> ',"source":{"document":"d","section":"s","quote":"q"}}'
 * ```
 */
export function findingJsonSourceTail(source: RuleSource): string {
  return `,"source":${createJsonSerializer()(source)}}`;
}

/**
 * The text a validation report's JSON begins with, up to its findings: `{"asOf":…,"profile":…,"summary":…,"findings":`.
 *
 * @param report - the report's date, profile and summary
 * @returns the text
 *
 * @example
 * ```ts
 * validationJsonHead({ asOf: '2025-12-31', profile: 'national', summary }).slice(0, 40);
 * //=> '{"asOf":"2025-12-31","profile":"national'
 * ```
 */
export function validationJsonHead(report: Pick<ValidationReport, 'asOf' | 'profile' | 'summary'>): string {
  const serialize = createJsonSerializer();
  return `{"asOf":${serialize(report.asOf)},"profile":${serialize(report.profile)},"summary":${serialize(report.summary)},"findings":`;
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
  const wait = sink.write(validationJsonHead(report));
  if (wait !== undefined) await wait;
  await writeFindingsJson(report.findings, sink);
  const end = sink.write('}\n');
  if (end !== undefined) await end;
}
