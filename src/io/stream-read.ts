import { createIssue, type Issue } from '../core/issue.js';
import { type ByteRecordReader, createByteRecordReader, type RowSink } from './byte-records.js';
import {
  CSV_LIMITS,
  type CsvParserOptions,
  type CsvRecord,
  createResumableCsvParser,
  type ResumableCsvParser,
} from './csv-parser.js';
import { beginsWithUtf8Bom, createTextDecoder, detectEncoding, type TextEncodingName } from './decode.js';
import type { ReadOptions } from './read.js';
import { checkReadOptions } from './read-options.js';
import type { ReadCounts, ReaderEvent } from './row-reader.js';
import { createRowReaderWith } from './row-reader-core.js';

// The streaming readers, apart from read.ts: a refused row's issues come from the zod reporter (row-issues.ts), which
// is imported on the first refused row, when the batch holding it is complete; a file of valid rows loads no zod
// (issue 13, the command line's start-up).

/** The issue of input that is neither text nor bytes. */
export function notTextOrBytes(): Issue {
  return createIssue('invalid_type', {
    zh: '输入应为文本（字符串）或字节（Uint8Array）',
    en: 'The input must be text (a string) or bytes (a Uint8Array)',
  });
}

/**
 * What {@link streamUnitStatistics} yields: the header (once), each accepted or rejected row as it is read, and at
 * the end the counts and file-level issues.
 *
 * @example
 * ```ts
 * import type { StreamEvent } from 'shequ/io';
 * const handle = (event: StreamEvent) => (event.kind === 'row' ? event.accepted.row.code : undefined);
 * ```
 */
export type StreamEvent =
  | ReaderEvent
  | {
      /** The input ended. */
      readonly kind: 'end';
      /** The counts. */
      readonly counts: ReadCounts;
      /** File-level issues (encoding, missing header). */
      readonly issues: readonly Issue[];
      /** The encoding used. */
      readonly encoding: TextEncodingName;
      /**
       * The input ended inside a quoted field (that record was rejected as `unterminated_quote`): a slice of a file
       * that ends here was cut inside a record, so the parallel reader reads the file in one piece instead.
       */
      readonly endedInQuotes?: boolean;
      /**
       * Physical lines of a CSV input: its line breaks, CR, LF and CRLF one each (absent for a workbook). The parallel
       * reader shifts a byte range's lines by those of the ranges before it.
       */
      readonly lines?: number;
    };

/**
 * A source of file contents: an async iterable of chunks (a Node `Readable` is one), or a web `ReadableStream`.
 *
 * @example
 * ```ts
 * import type { ChunkSource } from 'shequ/io';
 * async function* chunks(): AsyncGenerator<string> { yield '统计用区划代码,类型\n'; }
 * const source: ChunkSource = chunks();
 * ```
 */
export type ChunkSource = AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array | string>;

/**
 * The chunks of a source as one async generator. A consumer that stops early (`return()`: an abort, a `break`) stops
 * the source too: a Node stream is destroyed through its iterator, a web stream is cancelled.
 */
export async function* chunksOfSource(source: ChunkSource): AsyncGenerator<Uint8Array | string> {
  if (Symbol.asyncIterator in source) {
    yield* source as AsyncIterable<Uint8Array | string>;
    return;
  }
  const reader = (source as ReadableStream<Uint8Array | string>).getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * The issue of a source that failed while being read: its error's `code` (`ENOENT`, `EACCES`, …) when it has one,
 * never its message (a caller's error may say anything, a path with an ID number included).
 */
export function sourceFailed(error: unknown): Issue {
  let code: unknown;
  try {
    code = (error as { code?: unknown } | null)?.code;
  } catch {
    code = undefined;
  }
  const shown = typeof code === 'string' && /^[A-Z][A-Z_]{1,30}$/.test(code) ? ` (${code})` : '';
  return createIssue('read_failed', {
    zh: `输入未能读完：数据源出错${shown}`,
    en: `The input could not be read to its end: the source failed${shown}`,
  });
}

/** True when `source` can be read as chunks. */
export function isChunkSource(source: unknown): source is ChunkSource {
  if (source === null || typeof source !== 'object') return false;
  try {
    return (
      Symbol.asyncIterator in source || typeof (source as { getReader?: unknown }).getReader === 'function'
    );
  } catch {
    return false; // a Proxy or getter of the caller that throws: not a source we can read
  }
}

/**
 * Characters read without finding a header after which a source is not taken for a sheet (a binary file, an endless
 * device): a header sits under at most a few title lines, far inside the first million characters.
 */
const HEADER_SEARCH_CHARACTERS = 1 << 20;

/** Bytes of a piece the string path reads while it looks for the header (see {@link pieceEnd}). */
const HEADER_PIECE = 4096;

/**
 * Where the first piece of a chunk read before the byte reader starts ends: after the first LF at or past
 * {@link HEADER_PIECE} bytes, or 0 when the chunk is to be read whole (no such LF: it is short, or one long line).
 */
function pieceEnd(chunk: Uint8Array): number {
  if (chunk.length <= HEADER_PIECE) return 0;
  const end = chunk.indexOf(10, HEADER_PIECE - 1) + 1;
  return end === chunk.length ? 0 : end;
}

/**
 * Bytes looked at to detect an encoding: byte chunks are held until this many have come (or the input ends), unless
 * the encoding is given or the bytes begin with a BOM.
 */
const DETECTION_SAMPLE = 65_536;

/**
 * Turns chunks of bytes or text into text: the encoding is detected from the first 64 kB however the bytes are
 * chunked (so that any chunking reads the same), then decoded incrementally; a given encoding or a BOM needs no
 * detection.
 */
function createChunkDecoder(given: TextEncodingName | undefined) {
  let decoder: TextDecoder | undefined;
  let encoding: TextEncodingName = given ?? 'utf-8';
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let first = true;
  const start = (): Issue[] => {
    const sample = new Uint8Array(Math.min(heldBytes, DETECTION_SAMPLE));
    let at = 0;
    for (const part of held) {
      if (at >= sample.length) break;
      const piece = part.subarray(0, sample.length - at);
      sample.set(piece, at);
      at += piece.length;
    }
    encoding = given ?? detectEncoding(sample);
    const created = createTextDecoder(encoding);
    if (!created.success) return created.error.issues as Issue[];
    decoder = created.data;
    return [];
  };
  const drain = (last: boolean): string => {
    let text = '';
    for (const part of held) text += (decoder as TextDecoder).decode(part, { stream: true });
    held = [];
    return last ? text + (decoder as TextDecoder).decode() : text;
  };
  return {
    get encoding() {
      return encoding;
    },
    /** The decoder is started: bytes pushed now come out as text at once. */
    get started() {
      return decoder !== undefined;
    },
    /** The text of a chunk (may be `''` while bytes are held for detection), or the issues that stop the read. */
    push(chunk: Uint8Array | string): string | Issue[] {
      if (typeof chunk === 'string') {
        const text = first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
        first = false;
        if (held.length === 0) return text;
        // Text after bytes held for the detection: the bytes came first, so they are decoded first.
        const issues = start();
        return issues.length > 0 ? issues : drain(false) + text;
      }
      if (!(chunk instanceof Uint8Array)) return [notTextOrBytes()];
      first = false;
      if (decoder !== undefined) return decoder.decode(chunk, { stream: true });
      // A copy (not `slice`, a view for a Node Buffer): a source may read its next chunk into the same buffer.
      held.push(new Uint8Array(chunk));
      heldBytes += chunk.length;
      // Nothing to detect when the encoding is given or the bytes begin with UTF-8's BOM: the text comes at once.
      if (heldBytes < DETECTION_SAMPLE && given === undefined && !beginsWithUtf8Bom(held[0] as Uint8Array))
        return '';
      const issues = start();
      return issues.length > 0 ? issues : drain(false);
    },
    /** The text left at the end. */
    end(): string | Issue[] {
      if (decoder === undefined) {
        if (held.length === 0) return '';
        const issues = start();
        if (issues.length > 0) return issues;
      }
      return drain(true);
    },
  };
}

/**
 * Reads statistics rows from a stream, one record at a time, in bounded memory: a 620 000-row national file never
 * sits in memory whole. Yields the header, then each accepted or rejected row, then an `end` event with the counts.
 * Byte chunks are decoded incrementally (encoding detected from the first chunk unless given); text chunks are used
 * as they are. Accumulate indicators on the fly by feeding the rows to an indicator accumulator.
 *
 * @param source - chunks of the file (Node stream, web stream, any async iterable)
 * @param options - encoding, delimiter, size limits
 * @returns the events, as an async iterable
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator } from 'shequ';
 * import { streamUnitStatistics } from 'shequ/io';
 * async function* file() { yield '统计用区划代码,类型,是否建有综合服务设施\n'; yield '130123100201,村委会,是\n'; }
 * const accumulator = createIndicatorAccumulator();
 * for await (const event of streamUnitStatistics(file())) {
 *   if (event.kind === 'row') accumulator.add(event.accepted.row);
 *   if (event.kind === 'end') console.log(event.counts.accepted);
 * }
 * //=> 1
 * ```
 */
export async function* streamUnitStatistics(
  source: ChunkSource,
  options: ReadOptions = {},
): AsyncGenerator<StreamEvent> {
  for await (const batch of streamUnitStatisticsBatches(source, options)) yield* batch;
}

/**
 * The events of {@link streamUnitStatistics} in batches: one array per chunk of the source, so that a consumer pays
 * one promise per chunk (64 kB of a file), not one per row. The last batch ends with the `end` event. This is what
 * the pipeline (`computeIndicatorsFromSource`, `validateSource`) reads; `streamUnitStatistics` flattens it.
 *
 * @param source - chunks of the file (Node stream, web stream, any async iterable)
 * @param options - encoding, delimiter, size limits
 * @returns the batches of events, as an async iterable
 *
 * @example
 * ```ts
 * import { streamUnitStatisticsBatches } from 'shequ/io';
 * async function* file() { yield '统计用区划代码,类型\n130123100201,村委会\n'; yield '130123100202,村委会\n'; }
 * const sizes = [];
 * for await (const batch of streamUnitStatisticsBatches(file())) sizes.push(batch.map((event) => event.kind));
 * sizes;
 * //=> [['header', 'row'], ['row'], ['end']]
 * ```
 */
export async function* streamUnitStatisticsBatches(
  source: ChunkSource,
  options: ReadOptions = {},
): AsyncGenerator<readonly StreamEvent[]> {
  yield* streamBatches(source, options, true);
}

/**
 * {@link streamUnitStatisticsBatches}, with the byte reader (byte-records.ts) on or off: off, every chunk goes
 * through the decoder and the string parser (internal: the tests hold the two equal). With `sink`, the rows the byte
 * reader accepts go there as they are read, not as events (see {@link RowSink}).
 */
export async function* streamBatches(
  source: ChunkSource,
  options: ReadOptions,
  bytePath: boolean,
  sink?: RowSink,
): AsyncGenerator<readonly StreamEvent[]> {
  const reader = createRowReaderWith(undefined);
  for await (const batch of readBatches(source, options, reader, bytePath, sink)) {
    // A refused row's issues are found before its batch is handed out: the reporter (and zod) load on the first.
    if (reader.hasDeferred) reader.completeRejected((await import('./row-issues.js')).rowIssues);
    yield batch;
  }
}

/** The batches of the reader, its refused rows' issues still to complete. */
async function* readBatches(
  source: ChunkSource,
  options: ReadOptions,
  reader: ReturnType<typeof createRowReaderWith>,
  bytePath: boolean,
  sink: RowSink | undefined,
): AsyncGenerator<StreamEvent[]> {
  const checked = checkReadOptions(options);
  const given = checked.options.encoding;
  let parser: ResumableCsvParser | undefined;
  const stop = (
    issues: readonly Issue[],
    encoding: TextEncodingName,
  ): Extract<StreamEvent, { kind: 'end' }> => ({
    kind: 'end',
    counts: reader.counts(),
    issues,
    encoding,
    ...(parser === undefined ? {} : { lines: parser.linesRead() }),
  });
  if (checked.issues.length > 0) {
    yield [stop(checked.issues, 'utf-8')];
    return;
  }
  if (!isChunkSource(source)) {
    yield [stop([notTextOrBytes()], 'utf-8')];
    return;
  }
  parser = createResumableCsvParser(checked.options);
  const decoder = createChunkDecoder(given);
  const eventsOf = (records: readonly CsvRecord[], into: StreamEvent[]) => {
    for (const record of records) {
      const event = reader.record(record);
      if (event !== undefined) into.push(event);
    }
    return into;
  };
  // The byte reader, once the string path has found the header of a UTF-8 stream; its bytes not read yet are
  // decoded before anything else.
  let bytes: ByteRecordReader | undefined;
  let lastByte = 0; // of the byte chunks given to the decoder
  const flushCarry = (into: StreamEvent[]) => {
    const carried = bytes?.takeCarry();
    if (carried !== undefined) eventsOf(parser.push(decoder.push(carried) as string), into);
    return into;
  };
  const startBytes = () => {
    if (bytePath && reader.header !== undefined && decoder.started && decoder.encoding === 'utf-8')
      bytes = byteReaderOf(parser, reader, checked.options, decoder.push, eventsOf, lastByte < 0x80, sink);
  };
  // The source failed, or gave a chunk that is neither text nor bytes: what it delivered is read (the bytes held for
  // the encoding's detection too), then the read ends with an issue, not a throw.
  const endEarly = (issue: Issue): StreamEvent[] => {
    const last = flushCarry([]);
    const rest = decoder.end();
    if (typeof rest === 'string') eventsOf(parser.end(), eventsOf(parser.push(rest), last));
    last.push(stop([issue], decoder.encoding));
    return last;
  };
  const chunks = chunksOfSource(source);
  let searched = 0;
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array | string>;
      try {
        next = await chunks.next();
      } catch (error) {
        yield endEarly(sourceFailed(error));
        return;
      }
      if (next.done === true) break;
      if (bytes !== undefined && next.value instanceof Uint8Array) {
        const batch: StreamEvent[] = [];
        bytes.push(next.value, batch);
        // With a sink, a batch per chunk even when every row went there: the consumer's progress and abort checks
        // come between batches.
        if (batch.length > 0 || sink !== undefined) yield batch;
        continue;
      }
      if (typeof next.value !== 'string' && !(next.value instanceof Uint8Array)) {
        yield endEarly(notTextOrBytes());
        return;
      }
      const batch = flushCarry([]);
      let chunk = next.value;
      let ended: StreamEvent | undefined;
      for (;;) {
        // Until the header is found, bytes are read a piece of whole lines at a time: the header's chunk is the string
        // path's only up to the piece the header ends in, the rest is the byte reader's (when it starts).
        const cut =
          bytePath && reader.header === undefined && chunk instanceof Uint8Array ? pieceEnd(chunk) : 0;
        const piece = cut === 0 ? chunk : (chunk as Uint8Array).subarray(0, cut);
        if (piece instanceof Uint8Array && piece.length > 0) lastByte = piece[piece.length - 1] as number;
        const text = decoder.push(piece);
        if (typeof text !== 'string') {
          ended = stop(text, decoder.encoding);
          break;
        }
        eventsOf(parser.push(text), batch);
        if (bytes === undefined) startBytes();
        searched += text.length;
        if (cut === 0) break;
        chunk = (chunk as Uint8Array).subarray(cut);
        if (bytes !== undefined) {
          bytes.push(chunk, batch);
          break;
        }
      }
      // No header in the first million characters (a binary file, /dev/zero): not a sheet; stop reading it. Asked
      // after the whole chunk, as the string path asks it, not after each piece: a header that a long chunk holds past
      // the millionth character is found by both.
      if (ended === undefined && reader.header === undefined && searched > HEADER_SEARCH_CHARACTERS)
        ended = stop(reader.finalIssues(), decoder.encoding);
      if (ended !== undefined) {
        batch.push(ended);
        yield batch;
        return;
      }
      if (batch.length > 0) yield batch;
    }
  } finally {
    // Ended early (an abort, a break, an undecodable file): the source is closed, not left open.
    await chunks.return(undefined).catch(() => undefined);
  }
  const last = flushCarry([]);
  const rest = decoder.end();
  if (typeof rest !== 'string') {
    last.push(stop(rest, decoder.encoding));
    yield last;
    return;
  }
  eventsOf(parser.push(rest), last);
  const tail = parser.end(); // after the push: end() flushes what the push left
  eventsOf(tail, last);
  const ended = stop(reader.finalIssues(), decoder.encoding);
  last.push(
    tail.some((record) => record.error === 'unterminated_quote') ? { ...ended, endedInQuotes: true } : ended,
  );
  yield last;
}

/** The byte reader of a stream whose header was found, or `undefined` when its delimiter is not one ASCII byte. */
function byteReaderOf(
  parser: ReturnType<typeof createResumableCsvParser>,
  reader: ReturnType<typeof createRowReaderWith>,
  options: CsvParserOptions,
  decode: (chunk: Uint8Array) => string | Issue[],
  eventsOf: (records: readonly CsvRecord[], into: StreamEvent[]) => StreamEvent[],
  decoderClean: boolean,
  sink: RowSink | undefined,
): ByteRecordReader | undefined {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const header = reader.header;
  if (delimiter >= 0x80 || header === undefined) return undefined;
  return createByteRecordReader({
    parser,
    decode: (chunk) => decode(chunk) as string, // a started decoder gives text
    parse: (text, into) => eventsOf(parser.push(text), into as StreamEvent[]),
    countAccepted: reader.countAccepted,
    fields: reader.fields,
    names: header.columns.map((column) => column.header),
    delimiter,
    longestLine: Math.min(
      options.maxFieldLength ?? CSV_LIMITS.maxFieldLength,
      options.maxRecordLength ?? CSV_LIMITS.maxRecordLength,
    ),
    decoderClean,
    sink,
  });
}
