/**
 * Node-only helpers that read files by path (the core of `shequ/io` works in browsers and takes bytes or streams).
 *
 * @module shequ/io/node
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import {
  type ChunkSource,
  type ReadOptions,
  type ReadResult,
  readUnitStatistics,
  type StreamEvent,
  streamUnitStatistics,
} from './read.js';
import { readUnitStatisticsXlsx, streamUnitStatisticsXlsx } from './xlsx.js';
import { workbookTooLarge, XLSX_LIMITS } from './xlsx-limits.js';

const EMPTY_COUNTS = { read: 0, accepted: 0, rejected: 0, blankLines: 0, titleLines: 0 };

/** The bytes of a workbook file, or `undefined` when it is over the size limit (checked before reading it). */
async function workbookFile(path: string): Promise<Uint8Array | undefined> {
  try {
    if ((await stat(path)).size > XLSX_LIMITS.maxFileBytes) return undefined;
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw withoutPath(error);
  }
}

/**
 * The error of a file that cannot be read, without the path in its message (a path may hold anything, an ID number
 * included): the same `code` (`ENOENT`, `EACCES`, …) for callers that branch on it.
 */
function withoutPath(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const failure: NodeJS.ErrnoException = new Error(
    `Cannot read the file${typeof code === 'string' ? ` (${code})` : ''}`,
  );
  if (typeof code === 'string') failure.code = code;
  return failure;
}

/** The chunks of a file; an error of the file system is thrown without the path in its message. */
async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 65_536 })) yield chunk as Uint8Array;
  } catch (error) {
    throw withoutPath(error);
  }
}

/** The `sheet` option, read without trusting the options object. */
function sheetOf(options: unknown): { sheet?: string | number } {
  const sheet =
    options !== null && typeof options === 'object' ? (options as { sheet?: unknown }).sheet : undefined;
  return typeof sheet === 'string' || typeof sheet === 'number' ? { sheet } : {};
}

/**
 * Reads a statistics file by path: `.xlsx` through the spreadsheet reader, anything else as CSV (encoding detected).
 * The whole file is read into memory; use {@link streamUnitStatisticsFile} for national files.
 *
 * @param path - the file
 * @param options - encoding, delimiter, size limits; `sheet` for .xlsx
 * @returns the rows, rejected rows and counts (bad options or a path that is not text: a result with the issue)
 * @throws an `Error` with the `code` of the file system (`ENOENT`, `EACCES`, …) when the file cannot be read; its
 * message does not repeat the path
 *
 * @example
 * ```ts
 * import { readUnitStatisticsFile } from 'shequ/io/node';
 * const result = await readUnitStatisticsFile('examples/data/sample-units.csv');
 * result.counts.accepted;
 * //=> 243
 * ```
 */
export async function readUnitStatisticsFile(
  path: string,
  options: ReadOptions & { readonly sheet?: string | number } = {},
): Promise<ReadResult> {
  if (typeof path !== 'string') return readUnitStatistics(path as unknown as string, options);
  if (/\.xlsx$/i.test(path)) {
    const workbook = await workbookFile(path);
    if (workbook === undefined)
      return {
        rows: [],
        accepted: [],
        rejected: [],
        issues: [workbookTooLarge()],
        header: undefined,
        counts: EMPTY_COUNTS,
        encoding: 'utf-8',
      };
    return readUnitStatisticsXlsx(workbook, sheetOf(options));
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw withoutPath(error);
  }
  return readUnitStatistics(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
}

/**
 * Streams a statistics file by path in bounded memory: CSV in 64 kB chunks, `.xlsx` with its sheet inflated a slice
 * at a time (the compressed workbook is read whole, its rows never are). Yields the header, each row, then the counts.
 *
 * @param path - the CSV or .xlsx file
 * @param options - encoding, delimiter, size limits; `sheet` for .xlsx
 * @returns the events
 *
 * @example
 * ```ts
 * import { streamUnitStatisticsFile } from 'shequ/io/node';
 * let rows = 0;
 * for await (const event of streamUnitStatisticsFile('examples/data/sample-units.csv')) if (event.kind === 'row') rows++;
 * rows;
 * //=> 243
 * ```
 */
export async function* streamUnitStatisticsFile(
  path: string,
  options: ReadOptions & { readonly sheet?: string | number } = {},
): AsyncGenerator<StreamEvent> {
  // A path that is not text is not a source: the reader says so in its `end` event (a number would be a descriptor).
  if (typeof path !== 'string') {
    yield* streamUnitStatistics(undefined as unknown as ChunkSource, options);
    return;
  }
  if (!/\.xlsx$/i.test(path)) {
    yield* streamUnitStatistics(fileChunks(path), options);
    return;
  }
  const workbook = await workbookFile(path);
  if (workbook === undefined) {
    yield { kind: 'end', counts: EMPTY_COUNTS, issues: [workbookTooLarge()], encoding: 'utf-8' };
    return;
  }
  yield* streamUnitStatisticsXlsx(workbook, sheetOf(options));
}
