import type { RowSink } from '../io/byte-records.js';
import type { ReadOptions } from '../io/read.js';
import type { ChunkSource, StreamEvent } from '../io/stream-read.js';
import {
  chunksOfSource,
  isChunkSource,
  notTextOrBytes,
  sourceFailed,
  streamBatches,
  streamUnitStatisticsBatches,
} from '../io/stream-read.js';
import { isWorkbookStart, WORKBOOK_START_LENGTH } from '../io/workbook-start.js';
import { workbookTooLarge, XLSX_LIMITS } from '../io/xlsx-limits.js';

/**
 * What the pipeline reads: CSV text, the bytes of a CSV or .xlsx file, a `Blob` or `File` (browsers), or chunks of
 * a file (a Node stream, a web `ReadableStream`, any async iterable). A workbook is told from CSV by its first bytes
 * (a zip), not by a name.
 *
 * @example
 * ```ts
 * import type { SheetSource } from 'shequ/pipeline';
 * const source: SheetSource = '统计用区划代码,类型\n130123100201,村委会\n';
 * ```
 */
export type SheetSource = string | Uint8Array | ArrayBuffer | Blob | ChunkSource;

/**
 * How to read a source: the CSV options of `shequ/io` and, for a workbook, the sheet.
 *
 * @example
 * ```ts
 * import type { SheetReadOptions } from 'shequ/pipeline';
 * const read: SheetReadOptions = { encoding: 'gb18030', sheet: '社区统计' };
 * ```
 */
export interface SheetReadOptions extends ReadOptions {
  /** The sheet of a workbook, by name or 1-based number (default: the first). */
  readonly sheet?: string | number;
}

/** The source as chunks (a `Blob` through its stream, bytes as one chunk). */
function chunksOf(source: SheetSource): unknown {
  if (typeof source === 'string')
    return (async function* () {
      yield source;
    })();
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
    return (async function* () {
      yield bytes;
    })();
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) return source.stream();
  return source as ChunkSource;
}

/** The batches of a workbook whose first bytes were seen: the whole file is gathered (a zip is read from its end). */
async function* workbookBatches(
  first: Uint8Array,
  rest: AsyncGenerator<Uint8Array | string>,
  options: SheetReadOptions,
): AsyncGenerator<readonly StreamEvent[]> {
  const parts: Uint8Array[] = [first];
  let size = first.length;
  try {
    for await (const chunk of rest) {
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        yield [{ kind: 'end', counts: emptyCounts(), issues: [notTextOrBytes()], encoding: 'utf-8' }];
        return;
      }
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      size += bytes.length;
      if (size > XLSX_LIMITS.maxFileBytes) {
        yield [{ kind: 'end', counts: emptyCounts(), issues: [workbookTooLarge()], encoding: 'utf-8' }];
        return;
      }
      parts.push(bytes);
    }
  } catch (error) {
    // The source failed half-way: its code is named, never its message (which may hold anything).
    yield [{ kind: 'end', counts: emptyCounts(), issues: [sourceFailed(error)], encoding: 'utf-8' }];
    return;
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  // Loaded only for workbooks: a CSV job never pays for the zip and XML readers.
  const { streamUnitStatisticsXlsxBatches } = await import('../io/xlsx.js');
  yield* streamUnitStatisticsXlsxBatches(whole, options.sheet === undefined ? {} : { sheet: options.sheet });
}

function emptyCounts() {
  return { read: 0, accepted: 0, rejected: 0, blankLines: 0, titleLines: 0 };
}

/**
 * The batches of reader events of any source: CSV streamed chunk by chunk, a workbook (found by its first bytes)
 * gathered then streamed out of its zip. The last batch ends with the `end` event. With `sink`, the rows the byte
 * reader of a UTF-8 CSV accepts go there as they are read instead (io/byte-records.ts).
 */
export async function* sourceBatches(
  source: SheetSource,
  options: SheetReadOptions,
  sink?: RowSink,
): AsyncGenerator<readonly StreamEvent[]> {
  let chunks: unknown;
  try {
    chunks = chunksOf(source);
  } catch {
    chunks = undefined; // a Proxy or getter of the caller that throws: not a source we can read
  }
  if (!isChunkSource(chunks)) {
    // Not text, bytes, a Blob or chunks: the reader says so, as it does for any other input.
    yield* streamUnitStatisticsBatches(chunks as unknown as ChunkSource, options);
    return;
  }
  const iterator = chunksOfSource(chunks);
  try {
    // The first bytes tell a workbook (a zip, or an OLE file) from CSV: gathered until there are four, however small the chunks.
    const head: (Uint8Array | string)[] = [];
    let bytes = 0;
    try {
      while (bytes < WORKBOOK_START_LENGTH) {
        const next = await iterator.next();
        if (next.done === true) break;
        head.push(next.value);
        // Text is CSV; a chunk that is neither text nor bytes is the CSV reader's to refuse.
        if (!(next.value instanceof Uint8Array)) break;
        bytes += next.value.length;
      }
    } catch (error) {
      // The source failed at once (a file that does not exist, a folder): its code (ENOENT, EISDIR) is named.
      yield [{ kind: 'end', counts: emptyCounts(), issues: [sourceFailed(error)], encoding: 'utf-8' }];
      return;
    }
    const first = joinBytes(head);
    if (first !== undefined && isWorkbookStart(first)) {
      yield* workbookBatches(first, iterator, options);
      return;
    }
    const { sheet: _sheet, ...csv } = options;
    yield* streamBatches(
      (async function* () {
        yield* head;
        yield* iterator;
      })(),
      csv,
      true,
      sink,
    );
  } finally {
    await iterator.return(undefined).catch(() => undefined);
  }
}

/** The head chunks as one byte array, when they are all bytes. */
function joinBytes(head: readonly (Uint8Array | string)[]): Uint8Array | undefined {
  if (head.length === 0 || head.some((chunk) => !(chunk instanceof Uint8Array))) return undefined;
  if (head.length === 1) return head[0] as Uint8Array;
  const out = new Uint8Array(head.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of head as Uint8Array[]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
