// One byte range of a CSV file, read behind the file's title lines and header: what a worker thread does, and what the
// main thread does with the tail of a range it takes over from a worker that is behind. A worker's range is claimed
// 64 KiB at a time through a word shared with the main thread (bytes claimed, range end), so the main thread can move
// the end back to a line start the worker has not reached and read the rest itself: the threads finish together
// whatever the worker's start-up cost or the machine's load.
import { type FileHandle, open } from 'node:fs/promises';
import type { Issue } from '../core/issue.js';
import { notCountedIssue } from '../indicators/compute.js';
import type { CrosswalkEntry } from '../indicators/crosswalk.js';
import { createPackingAccumulator } from '../indicators/parts.js';
import type { PackedIndicatorParts } from '../indicators/parts-packed.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import type { TextEncodingName } from '../io/decode.js';
import type { ReadCounts, RejectedRow } from '../io/row-reader.js';
import { unitKindOfTotal } from '../model/row-kind-predicates.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { type JobInput, readSourceWith } from './job.js';
import { createLineCounter } from './record-walk.js';
import type { SheetReadOptions } from './source.js';

/** What a range reader is given: its byte range, where the header ends, how to read. */
export interface RangeJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** Bytes [0, headerEnd) hold the title lines and the header. */
  readonly headerEnd: number;
  readonly encoding: TextEncodingName;
  readonly profile: IndicatorProfileName;
  /** The year of rows without one (the job's `year` option). */
  readonly year?: number;
  /** The job's crosswalk entries (plain data: they cross to the worker as they are). */
  readonly crosswalk?: readonly CrosswalkEntry[];
  readonly read: Omit<SheetReadOptions, 'encoding'>;
  /** The word shared with the main thread (see {@link createRangeShare}); without it the range is read to `end`. */
  readonly share?: SharedArrayBuffer;
}

/** What a range reader gives back once its range is read. */
export interface RangeResult {
  readonly kind: 'done';
  /** Where the range started (ranges are merged in file order). */
  readonly start: number;
  /** The range's sums, packed (their buffers transferred). */
  readonly packed: PackedIndicatorParts;
  /** Rejected rows, lines counted as in a file of the header followed by the range. */
  readonly rejected: readonly RejectedRow[];
  readonly counts: ReadCounts;
  readonly issues: readonly Issue[];
  /** Issues of accepted rows the range's accumulator did not count (lines as for `rejected`). */
  readonly notCounted: readonly Issue[];
  /** Rows counted without a year of their own. */
  readonly withoutYear: number;
  /** Physical lines of the range. */
  readonly lines: number;
  readonly endedInQuotes: boolean;
}

/** Bytes a reader claims at a time. */
const CHUNK_BYTES = 65_536;
const LOW = 0xffff_ffffn;

/** Bytes claimed and the end, both relative to the range's start, from a shared word. */
export function shareState(share: BigInt64Array): {
  readonly word: bigint;
  readonly claimed: number;
  readonly end: number;
} {
  const word = Atomics.load(share, 0);
  return { word, claimed: Number(word >> 32n), end: Number(word & LOW) };
}

function packWord(claimed: number, end: number): bigint {
  return (BigInt(claimed) << 32n) | BigInt(end);
}

/** The shared word of a range of `length` bytes (none claimed yet); `undefined` past 4 GiB (read to its end). */
export function createRangeShare(length: number): SharedArrayBuffer | undefined {
  if (length >= 2 ** 32) return undefined;
  const share = new SharedArrayBuffer(8);
  Atomics.store(new BigInt64Array(share), 0, packWord(0, length));
  return share;
}

/** Claims the next bytes of a shared range: [from, to) relative to its start, or `undefined` at its end. */
export function claimChunk(share: BigInt64Array, size: number): readonly [number, number] | undefined {
  for (;;) {
    const { word, claimed, end } = shareState(share);
    if (claimed >= end) return undefined;
    const next = Math.min(end, claimed + size);
    if (Atomics.compareExchange(share, 0, word, packWord(next, end)) === word) return [claimed, next];
  }
}

/**
 * Moves a shared range's end back to `end` (relative to its start) unless its reader has claimed that far already;
 * whether it did. Only the main thread moves an end, so the end seen is the end replaced.
 */
export function shortenShare(share: BigInt64Array, end: number): boolean {
  for (;;) {
    const { word, claimed, end: current } = shareState(share);
    if (end <= claimed || end >= current) return false;
    if (Atomics.compareExchange(share, 0, word, packWord(claimed, end)) === word) return true;
  }
}

/** Reads `length` bytes at `position` (fewer at the file's end). */
export async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** Claims the next bytes of a range: through its shared word, or alone when it has none. */
function claimer(
  job: Pick<RangeJob, 'start' | 'end' | 'share'>,
): () => readonly [number, number] | undefined {
  if (job.share !== undefined) {
    const share = new BigInt64Array(job.share);
    return () => claimChunk(share, CHUNK_BYTES);
  }
  const length = job.end - job.start;
  let position = 0;
  return () => {
    if (position >= length) return undefined;
    const from = position;
    position = Math.min(length, position + CHUNK_BYTES);
    return [from, position];
  };
}

/**
 * The header's bytes, read before a range's own (which need not follow them in the file). They end where the header's
 * line ends: with an LF, or with a lone CR (a CR followed by an LF would end with it). A lone CR would join an LF the
 * range begins with (a blank line after a CRLF) into one CRLF — a line less for the parser than in the file, every
 * line of the range counted one short — so it becomes an LF, which ends the header's line as the CR did.
 */
function headerAlone(header: Uint8Array): Uint8Array {
  if (header[header.length - 1] === 0x0d) header[header.length - 1] = 0x0a;
  return header;
}

/**
 * The header bytes (their line breaks counted into `headerLines`), then the range's bytes as they are claimed; the
 * next chunk is read while this one is parsed (as a read stream reads ahead).
 */
export async function* rangeChunks(
  job: Pick<RangeJob, 'path' | 'start' | 'end' | 'headerEnd' | 'share'>,
  headerLines: ReturnType<typeof createLineCounter>,
): AsyncGenerator<Uint8Array> {
  const handle = await open(job.path, 'r');
  const claim = claimer(job);
  const readNext = async () => {
    const claimed = claim();
    if (claimed === undefined) return undefined;
    const bytes = await readAt(handle, job.start + claimed[0], claimed[1] - claimed[0]);
    return { bytes, short: bytes.length < claimed[1] - claimed[0] };
  };
  let pending: ReturnType<typeof readNext> = Promise.resolve(undefined);
  try {
    const header = headerAlone(await readAt(handle, 0, job.headerEnd));
    headerLines.count(header);
    yield header;
    pending = readNext();
    for (let next = await pending; next !== undefined; next = await pending) {
      // A short read: the file was cut short under us, nothing follows.
      pending = next.short ? Promise.resolve(undefined) : readNext();
      yield next.bytes;
    }
  } finally {
    await pending.catch(() => undefined);
    await handle.close();
  }
}

/** Rows between two progress messages of a range: the main thread sums them for its progress line. */
const PROGRESS_ROWS = 50_000;

/** Where a range's job reads: the file, the byte range behind the header, how to read it. */
type RangeSource = Pick<RangeJob, 'path' | 'start' | 'end' | 'headerEnd' | 'encoding' | 'read' | 'share'>;

/**
 * Reads a range's rows into `onRow` (the `indicators` and the `validate` ranges): its bytes behind the header, its
 * physical lines counted (the reader's, less the header's), `onRead` told every {@link PROGRESS_ROWS} rows;
 * `transient` as `readSourceWith` takes it.
 */
export async function readRangeRows(
  job: RangeSource,
  onRow: (row: UnitStatistics, line: number) => void,
  options: {
    onRead?: ((read: number) => void) | undefined;
    signal?: AbortSignal | undefined;
    transient: boolean;
  },
): Promise<JobInput & { readonly lines: number }> {
  const headerLines = createLineCounter();
  let lastProgress = 0;
  const { onRead, signal } = options;
  const input = await readSourceWith(
    rangeChunks(job, headerLines),
    {
      read: { ...job.read, encoding: job.encoding },
      onProgress: ({ read }) => {
        // A message per 50 000 rows, not per batch.
        if (read - lastProgress < PROGRESS_ROWS) return;
        lastProgress = read;
        onRead?.(read);
      },
      ...(signal === undefined ? {} : { signal }),
    },
    onRow,
    options.transient,
  );
  return { ...input, lines: linesOf(input) - headerLines.lines };
}

/** The physical lines a CSV source was read in (always counted for one: a range is never a workbook). */
export function linesOf(input: JobInput): number {
  if (input.lines === undefined) throw new Error('shequ: a CSV range was read without its lines counted');
  return input.lines;
}

/** Reads a range into an accumulator of its own; `onRead` hears of the rows read every 50 000 rows. */
export async function readRange(
  job: RangeJob,
  onRead?: (read: number) => void,
  signal?: AbortSignal,
): Promise<RangeResult> {
  const packing = createPackingAccumulator({
    profile: job.profile,
    ...(job.year === undefined ? {} : { year: job.year }),
    ...(job.crosswalk === undefined ? {} : { crosswalk: job.crosswalk }),
  });
  const { accumulator } = packing;
  const notCounted: Issue[] = [];
  let withoutYear = 0;
  // The rows are only added (a built-in profile, never kept): views of the reader's values unless a crosswalk
  // spreads them.
  const input = await readRangeRows(
    job,
    (row, line) => {
      if (accumulator.add(row)) {
        if (row.year === undefined) withoutYear++;
      } else notCounted.push(notCountedIssue(row, unitKindOfTotal(row.kind) !== undefined, { line }));
    },
    { onRead, signal, transient: job.crosswalk === undefined },
  );
  return {
    kind: 'done',
    start: job.start,
    packed: packing.pack(),
    rejected: input.rejected.slice(),
    counts: input.counts,
    issues: input.issues.slice(),
    notCounted,
    withoutYear,
    lines: input.lines,
    endedInQuotes: input.endedInQuotes === true,
  };
}
