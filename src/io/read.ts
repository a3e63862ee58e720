import type { Issue } from '../core/issue.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type CsvParserOptions, type CsvRecord, createCsvParser } from './csv-parser.js';
import { decodeText, type TextEncodingName } from './decode.js';
import { checkReadOptions } from './read-options.js';
import {
  type AcceptedRow,
  createRowReader,
  type HeaderInfo,
  type ReadCounts,
  type ReaderEvent,
  type RejectedRow,
} from './row-reader.js';
import { notTextOrBytes } from './stream-read.js';

// The streaming readers live in stream-read.ts, which loads the zod reporter of refused rows only when a row is
// refused; this module's in-memory reader reports them at once. Re-exported here, where they have always been.
/** Internal: the streaming reader with its byte path on or off (the tests hold the two equal). */
export {
  type ChunkSource,
  chunksOfSource,
  isChunkSource,
  type StreamEvent,
  sourceFailed,
  streamBatches,
  streamUnitStatistics,
  streamUnitStatisticsBatches,
} from './stream-read.js';

/**
 * Options of the readers.
 *
 * @example
 * ```ts
 * import type { ReadOptions } from 'shequ/io';
 * const options: ReadOptions = { encoding: 'gb18030', delimiter: ',' };
 * ```
 */
export interface ReadOptions extends CsvParserOptions {
  /** The file's encoding, when known (default: detected from the bytes). */
  readonly encoding?: TextEncodingName;
}

/**
 * What a reader returns: the accepted rows, the rejected ones with every reason, file-level issues, the header it
 * found, the counts (read = accepted + rejected) and the encoding used.
 *
 * @example
 * ```ts
 * import { readUnitStatistics, type ReadResult } from 'shequ/io';
 * const result: ReadResult = readUnitStatistics('统计用区划代码,类型\n130123100201,村委会\n');
 * result.counts;
 * //=> { read: 1, accepted: 1, rejected: 0, blankLines: 0, titleLines: 0 }
 * ```
 */
export interface ReadResult {
  /** The typed rows, in file order. */
  readonly rows: readonly UnitStatistics[];
  /** The rows with their lines and extra cells. */
  readonly accepted: readonly AcceptedRow[];
  /** The rejected rows. */
  readonly rejected: readonly RejectedRow[];
  /** File-level issues: encoding, header, unknown columns. */
  readonly issues: readonly Issue[];
  /** The header found, if any. */
  readonly header: HeaderInfo | undefined;
  /** The counts. */
  readonly counts: ReadCounts;
  /** The encoding used (`utf-8` for text input). */
  readonly encoding: TextEncodingName;
}

/** Characters handed to the parser at once by the in-memory reader. */
const SLICE = 1 << 20;

function collect(
  event: ReaderEvent | undefined,
  into: { accepted: AcceptedRow[]; rejected: RejectedRow[]; issues: Issue[] },
): void {
  if (event === undefined) return;
  if (event.kind === 'row') into.accepted.push(event.accepted);
  else if (event.kind === 'rejected') into.rejected.push(event.rejected);
  else for (const issue of event.issues) into.issues.push(issue); // no spread: a wide header has many
}

/**
 * Reads statistics rows from a CSV file held in memory — text, or bytes in UTF-8 (with or without BOM), UTF-16LE,
 * UTF-16BE or GB18030 (detected unless given) — as Excel and WPS export them: the header found by key or Chinese name under any
 * title rows, columns in any order, blank lines skipped, cells normalised (是/否, 居委会/村委会, full-width digits,
 * thousands separators). Every bad row is reported with its line, column, value and reason; the good ones are kept;
 * read = accepted + rejected.
 *
 * @param input - CSV text or bytes
 * @param options - encoding, delimiter, size limits (bad ones: an `invalid_option` issue and nothing read, never a throw)
 * @returns the rows, the rejected rows and the counts; a broken record (over a limit, a stray quote, bytes that do not
 * decode) is rejected on its line and the rest of the file read (see docs/io.md)
 *
 * @example
 * ```ts
 * import { readUnitStatistics } from 'shequ/io';
 * const result = readUnitStatistics('社区统计表\n统计用区划代码,类型,户数\n130123100201,村委会,"1,200"\n130123100202,村委会,很多\n');
 * result.rows;
 * //=> [{ code: '130123100201', kind: 'village', households: 1200 }]
 * result.rejected[0]?.issues[0];
 * //=> { code: 'invalid_type', path: ['households'], line: 4, column: '户数', value: '很多', severity: 'error',
 * //     message: { zh: '不是数字', en: 'Not a number' } }
 * ```
 */
export function readUnitStatistics(input: string | Uint8Array, options: ReadOptions = {}): ReadResult {
  const checked = checkReadOptions(options);
  if (checked.issues.length > 0) return emptyResult(checked.issues, 'utf-8');
  const { encoding: given } = checked.options;
  let text: string;
  let encoding: TextEncodingName = 'utf-8';
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else if (input instanceof Uint8Array) {
    const decoded = decodeText(input, given);
    if (!decoded.success) return emptyResult(decoded.error.issues, given ?? 'gb18030');
    ({ text, encoding } = decoded.data);
  } else return emptyResult([notTextOrBytes()], 'utf-8');
  const parser = createCsvParser(checked.options);
  const reader = createRowReader();
  const into = { accepted: [] as AcceptedRow[], rejected: [] as RejectedRow[], issues: [] as Issue[] };
  const read = (records: readonly CsvRecord[]) => {
    for (const record of records) collect(reader.record(record), into);
  };
  // Feed the parser a slice at a time, so that records are read and dropped as they come (no array of them all).
  for (let at = 0; at < text.length; at += SLICE) read(parser.push(text.slice(at, at + SLICE)));
  read(parser.end());
  for (const issue of reader.finalIssues()) into.issues.push(issue);
  return {
    rows: into.accepted.map((a) => a.row),
    ...into,
    header: reader.header,
    counts: reader.counts(),
    encoding,
  };
}

function emptyResult(issues: readonly Issue[], encoding: TextEncodingName): ReadResult {
  return {
    rows: [],
    accepted: [],
    rejected: [],
    issues,
    header: undefined,
    counts: { read: 0, accepted: 0, rejected: 0, blankLines: 0, titleLines: 0 },
    encoding,
  };
}
