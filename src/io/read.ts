import type { Issue } from '../core/issue.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import type { CsvParserOptions } from './csv-parser.js';
import type { TextEncodingName } from './decode.js';
import { readStatisticsWith } from './read-core.js';
import {
  type AcceptedRow,
  createRowReader,
  type HeaderInfo,
  type ReadCounts,
  type RejectedRow,
} from './row-reader.js';

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
  return readStatisticsWith(input, options, createRowReader());
}
