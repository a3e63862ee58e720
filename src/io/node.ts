/**
 * Node-only helpers that read files by path (the core of `shequ/io` works in browsers and takes bytes or streams).
 *
 * @packageDocumentation
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  type ReadOptions,
  type ReadResult,
  readUnitStatistics,
  type StreamEvent,
  streamUnitStatistics,
} from './read.js';
import { readUnitStatisticsXlsx } from './xlsx.js';

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
  const bytes = await readFile(path);
  if (/\.xlsx$/i.test(path))
    return readUnitStatisticsXlsx(
      new Uint8Array(bytes),
      options.sheet === undefined ? {} : { sheet: options.sheet },
    );
  return readUnitStatistics(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), options);
}

/**
 * Streams a CSV statistics file by path in bounded memory (64 kB chunks): the header, each row, then the counts.
 *
 * @param path - the CSV file
 * @param options - encoding, delimiter, size limits
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
export function streamUnitStatisticsFile(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<StreamEvent> {
  return streamUnitStatistics(createReadStream(path, { highWaterMark: 65_536 }), options);
}
export type { ParallelOptions, WorkerPart } from './parallel.js';
export { accumulateIndicatorsInParallel } from './parallel.js';
