// One byte range of a CSV file, read behind the file's title lines and header: what a worker thread does, and what the
// main thread does with the tail of a range it takes over from a worker that is behind. A worker's range is claimed
// 64 KiB at a time through a word shared with the main thread (bytes claimed, range end), so the main thread can move
// the end back to a line start the worker has not reached and read the rest itself: the threads finish together
// whatever the worker's start-up cost or the machine's load.
import { type FileHandle, open } from 'node:fs/promises';
import type { Issue } from '../core/issue.js';
import { yearOfRow } from '../indicators/accumulator-input.js';
import type { CrosswalkEntry } from '../indicators/crosswalk.js';
import { notCountedIssue, ROW_COUNTED } from '../indicators/not-counted.js';
import { createPackingAccumulator } from '../indicators/parts.js';
import type { PackedIndicatorParts, YearUnits } from '../indicators/parts-packed.js';
import type { IndicatorProfileName } from '../indicators/profiles.js';
import { ELSEWHERE } from '../indicators/unit-registry.js';
import type { TextEncodingName } from '../io/decode.js';
import type { ReadCounts, RejectedRow } from '../io/row-reader.js';
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

/**
 * A row of a range whose code the range's accumulator had counted already in its year: where it is, its code and
 * year, and where the first was — a line of the range, or `ELSEWHERE` (a code the range was told another range
 * counted: where is known where the ranges meet).
 */
export interface RepeatedUnit {
  readonly line: number;
  readonly code: string;
  readonly year: number;
  readonly first: number;
}

/** What a range reader gives back once its range is read. */
export interface RangeResult {
  readonly kind: 'done';
  /** Where the range started (ranges are merged in file order). */
  readonly start: number;
  /** Where it ended (a worker's range ends where the main thread took its tail over, if it did). */
  readonly end: number;
  /** The range's sums, packed (their buffers transferred). */
  readonly packed: PackedIndicatorParts;
  /** Rejected rows, lines counted as in a file of the header followed by the range. */
  readonly rejected: readonly RejectedRow[];
  readonly counts: ReadCounts;
  readonly issues: readonly Issue[];
  /** Issues of accepted rows the range's accumulator did not count but repeated units (lines as for `rejected`). */
  readonly notCounted: readonly Issue[];
  /** The repeated units, in file order (their issues are made where the ranges meet, which knows every line). */
  readonly repeated: readonly RepeatedUnit[];
  /** The units counted, year by year (positions: lines as for `rejected`). */
  readonly units: readonly YearUnits[];
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

/**
 * Reads a range into an accumulator of its own; `onRead` hears of the rows read every 50 000 rows. `counted` (a
 * range read again, here, after the merge found units it shares with ranges before it) are the codes of each year
 * another range counted: a row of one of them is a repeat, not counted here.
 */
export async function readRange(
  job: RangeJob,
  onRead?: (read: number) => void,
  signal?: AbortSignal,
  counted: readonly { readonly year: number; readonly codes: Float64Array }[] = [],
): Promise<RangeResult> {
  const packing = createPackingAccumulator({
    profile: job.profile,
    ...(job.year === undefined ? {} : { year: job.year }),
    ...(job.crosswalk === undefined ? {} : { crosswalk: job.crosswalk }),
  });
  for (const { year, codes } of counted)
    packing.absorbUnits(year, { codes, positions: new Float64Array(codes.length).fill(ELSEWHERE) }, 0);
  const notCounted: Issue[] = [];
  const repeated: RepeatedUnit[] = [];
  let withoutYear = 0;
  // The rows are only added (a built-in profile, never kept): views of the reader's values unless a crosswalk
  // spreads them.
  const input = await readRangeRows(
    job,
    (row, line) => {
      const outcome = packing.addAt(row, line);
      if (outcome === ROW_COUNTED) {
        if (row.year === undefined) withoutYear++;
      } else if (outcome >= 0)
        repeated.push({ line, code: row.code, year: yearOfRow(row, job.year ?? 0), first: outcome });
      else notCounted.push(notCountedIssue(row, outcome, { line }));
    },
    { onRead, signal, transient: job.crosswalk === undefined },
  );
  return {
    kind: 'done',
    start: job.start,
    end: job.share === undefined ? job.end : job.start + shareState(new BigInt64Array(job.share)).end,
    packed: packing.pack(),
    rejected: input.rejected.slice(),
    counts: input.counts,
    issues: input.issues.slice(),
    notCounted,
    repeated,
    units: packing.packUnits(),
    withoutYear,
    lines: input.lines,
    endedInQuotes: input.endedInQuotes === true,
  };
}
