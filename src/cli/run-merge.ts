/**
 * The merge of run files (run-store.ts): each file read back in pieces, the records handed out in order of unit (by
 * their numeric key, unit-key.ts), group rank and the file's place in the list, their bodies as they were written.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { compareUnits, unitOfKey } from './unit-key.js';

const utf16 = new TextDecoder('utf-16le');
const READ_SIZE = 1 << 16;

/** Bytes of a record's frame before its unit (when it has no key) and its body. */
export const HEADER = 28;

/** A record handed out by the merge: its body is `bytes[bodyStart, bodyEnd)`, valid until the next record. */
export interface RunRecord {
  readonly bytes: Uint8Array;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly tail: number;
  /** The number written in the body at `indexAt` (its decimal digits), or {@link NO_INDEX}. */
  readonly index: number;
  readonly indexAt: number;
  /** What the body's number is to be shifted by when written (its range's place in the file). */
  readonly shift: number;
}

/** A record without a number to shift. */
export const NO_INDEX = 0xffff_ffff;

/** One run file of a merge: how its groups rank, where its tails start in the merged table, its records' shift. */
export interface RunSource {
  readonly path: string;
  readonly ranks: Int32Array;
  readonly tailOffset: number;
  readonly shift: number;
}

/** The string of `length` UTF-16 code units stored little-endian at `at`. */
function readUnit(bytes: Uint8Array, at: number, length: number): string {
  if (length > 64) return utf16.decode(bytes.subarray(at, at + 2 * length));
  let text = '';
  for (let i = 0; i < length; i++)
    text += String.fromCharCode((bytes[at + 2 * i] as number) | ((bytes[at + 2 * i + 1] as number) << 8));
  return text;
}

/** The records of one run file, read in pieces; the reader is itself the current record. */
class RunReader implements RunRecord {
  bytes = new Uint8Array(READ_SIZE);
  private view = new DataView(this.bytes.buffer);
  bodyStart = 0;
  bodyEnd = 0;
  tail = 0;
  index = NO_INDEX;
  indexAt = 0;
  key = 0;
  rank = 0;
  private text: string | undefined = undefined;
  private start = 0;
  private end = 0;
  private eof = false;

  private readonly ranks: Int32Array;
  private readonly tailOffset: number;
  readonly shift: number;

  constructor(
    private readonly fd: number,
    readonly run: number,
    source: RunSource,
  ) {
    this.ranks = source.ranks;
    this.tailOffset = source.tailOffset;
    this.shift = source.shift;
  }

  /** The current record's unit as a string (made from its key when it has one; only for a mixed comparison). */
  readonly unit = (): string => {
    this.text ??= unitOfKey(this.key);
    return this.text;
  };

  /** Makes `count` bytes from `start` available (fewer only at the end of the file). */
  private ensure(count: number): boolean {
    if (this.end - this.start >= count) return true;
    if (this.start > 0) {
      this.bytes.copyWithin(0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (count > this.bytes.length) {
      const larger = new Uint8Array(Math.max(count, 2 * this.bytes.length));
      larger.set(this.bytes.subarray(0, this.end));
      this.bytes = larger;
      this.view = new DataView(larger.buffer);
    }
    while (this.end < count && !this.eof) {
      const read = readSync(this.fd, this.bytes, this.end, this.bytes.length - this.end, null);
      if (read === 0) this.eof = true;
      this.end += read;
    }
    return this.end >= count;
  }

  /** Moves to the next record; false at the end of the run. */
  next(): boolean {
    this.start = this.bodyEnd; // past the record handed out last (0 at first)
    if (!this.ensure(HEADER)) {
      if (this.end > this.start) throw new Error('shequ: a run file ends inside a record');
      return false;
    }
    const key = this.view.getFloat64(this.start, true);
    const group = this.view.getUint32(this.start + 8, true);
    const tail = this.view.getUint32(this.start + 12, true);
    this.tail = tail === NO_TAIL ? tail : tail + this.tailOffset;
    const bodyLength = this.view.getUint32(this.start + 16, true);
    this.index = this.view.getUint32(this.start + 20, true);
    this.indexAt = this.view.getUint32(this.start + 24, true);
    let headerLength = HEADER;
    this.key = key;
    this.text = undefined;
    if (Number.isNaN(key)) {
      if (!this.ensure(HEADER + 4)) throw new Error('shequ: a run file ends inside a record');
      const unitLength = this.view.getUint32(this.start + HEADER, true);
      headerLength += 4 + 2 * unitLength;
      if (!this.ensure(headerLength)) throw new Error('shequ: a run file ends inside a record');
      this.text = readUnit(this.bytes, this.start + HEADER + 4, unitLength);
    }
    if (!this.ensure(headerLength + bodyLength)) throw new Error('shequ: a run file ends inside a record');
    this.rank = this.ranks[group] ?? 0;
    this.bodyStart = this.start + headerLength;
    this.bodyEnd = this.bodyStart + bodyLength;
    return true;
  }
}

/** Whether reader `a`'s record goes before `b`'s: unit, then group rank, then the earlier run (stable). */
function before(a: RunReader, b: RunReader): boolean {
  const units = compareUnits(a.key, a.unit, b.key, b.unit);
  if (units !== 0) return units < 0;
  return a.rank !== b.rank ? a.rank < b.rank : a.run < b.run;
}

/** A tail table's "none" (finding-runs.ts): kept as it is when tails are offset. */
const NO_TAIL = 0xffff_ffff;

/**
 * A binary min-heap merge of run files: records in order of unit, group rank, then the file's place in `runs` (so
 * that records that compare equal come in the order the runs are given: the order they were added in).
 */
export function* mergeRuns(runs: readonly RunSource[]): Generator<RunRecord> {
  const heap: RunReader[] = [];
  const siftDown = (from: number) => {
    for (let i = from; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && before(heap[left] as RunReader, heap[least] as RunReader)) least = left;
      if (right < heap.length && before(heap[right] as RunReader, heap[least] as RunReader)) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least] as RunReader, heap[i] as RunReader];
      i = least;
    }
  };
  const fds: number[] = [];
  try {
    runs.forEach((source, run) => {
      const fd = openSync(source.path, 'r');
      fds.push(fd);
      const reader = new RunReader(fd, run, source);
      if (reader.next()) heap.push(reader);
    });
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
    while (heap.length > 0) {
      const first = heap[0] as RunReader;
      yield first;
      if (!first.next()) {
        const last = heap.pop() as RunReader;
        if (heap.length === 0) break;
        heap[0] = last;
      }
      siftDown(0);
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
}
