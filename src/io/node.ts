/**
 * Node-only helpers that read files by path (the core of `shequ/io` works in browsers and takes bytes or streams).
 *
 * @packageDocumentation
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import {
  type ReadOptions,
  type ReadResult,
  readUnitStatistics,
  type StreamEvent,
  streamUnitStatistics,
} from './read.js';
import { readUnitStatisticsXlsx, streamUnitStatisticsXlsx } from './xlsx.js';
import { XLSX_LIMITS } from './xlsx-limits.js';
import { workbookTooLarge } from './xlsx-read.js';

const EMPTY_COUNTS = { read: 0, accepted: 0, rejected: 0, blankLines: 0, titleLines: 0 };

/** The bytes of a workbook file, or `undefined` when it is over the size limit (checked before reading it). */
async function workbookFile(path: string): Promise<Uint8Array | undefined> {
  if ((await stat(path)).size > XLSX_LIMITS.maxFileBytes) return undefined;
  return new Uint8Array(await readFile(path));
}

/**
 * Reads a statistics file by path: `.xlsx` through the spreadsheet reader, anything else as CSV (encoding detected).
 * The whole file is read into memory; use {@link streamUnitStatisticsFile} for national files.
 *
 * @param path - the file
 * @param options - encoding, delimiter, size limits; `sheet` for .xlsx
 * @returns the rows, rejected rows and counts
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
    return readUnitStatisticsXlsx(workbook, options.sheet === undefined ? {} : { sheet: options.sheet });
  }
  const bytes = await readFile(path);
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
  if (!/\.xlsx$/i.test(path)) {
    yield* streamUnitStatistics(createReadStream(path, { highWaterMark: 65_536 }), options);
    return;
  }
  const workbook = await workbookFile(path);
  if (workbook === undefined) {
    yield { kind: 'end', counts: EMPTY_COUNTS, issues: [workbookTooLarge()], encoding: 'utf-8' };
    return;
  }
  yield* streamUnitStatisticsXlsx(workbook, options.sheet === undefined ? {} : { sheet: options.sheet });
}
export type { ParallelOptions, WorkerPart } from './parallel.js';
export { accumulateIndicatorsInParallel } from './parallel.js';
