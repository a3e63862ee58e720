// The run store as it was before the numeric unit keys (commit 3f59fdd), kept to hold the new one equal to it.
/**
 * Records of text sorted in bounded memory: each record is a key — a unit code and a group (a number whose order
 * the caller gives, once every group is known) — a body of UTF-8 text and a tail (an index into the caller's table
 * of recurring endings). Records are gathered in a run of bounded size, each run sorted and written to a temporary
 * file, framed by lengths (a body may hold line breaks); the runs are merged with a heap that compares keys only and
 * hands out the body's bytes as they were read — nothing is parsed or encoded again. Records that fit in one run
 * never touch the disk.
 *
 * Frame of a record in a run file, little-endian: u32 unit length in UTF-16 code units, the unit's code units
 * (u16 each, so that the merge reads back the very string JS compares), u32 group, u32 tail, u32 body length, body.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../../src/cli/temp-dirs.js';

/** Limits of a run: records and bytes of bodies (whichever is reached first spills it). */
export interface RunLimits {
  readonly records: number;
  readonly bytes: number;
}

/** A record handed out by the merge: its body is `bytes[bodyStart, bodyEnd)`, valid until the next record. */
export interface RunRecord {
  readonly bytes: Uint8Array;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly tail: number;
}

/** The store: `add` records, then read `records()` once; `close` removes the temporary files. */
export interface RunStore {
  add(unit: string, group: number, tail: number, body: string): void;
  /** How many records were added. */
  readonly size: number;
  records(): Iterable<RunRecord>;
  close(): void;
}

const encoder = new TextEncoder();
const utf16 = new TextDecoder('utf-16le');
const HEADER = 16;
const READ_SIZE = 1 << 16;
const WRITE_SIZE = 1 << 20;

/** Writes all of `bytes` (a write to a file may take part of it). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** The frame of a record up to its body. */
function frameHeader(unit: string, group: number, tail: number, bodyLength: number): Uint8Array {
  const header = new Uint8Array(HEADER + 2 * unit.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, unit.length, true);
  for (let c = 0; c < unit.length; c++) view.setUint16(4 + 2 * c, unit.charCodeAt(c), true);
  const at = 4 + 2 * unit.length;
  view.setUint32(at, group, true);
  view.setUint32(at + 4, tail, true);
  view.setUint32(at + 8, bodyLength, true);
  return header;
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
  unit = '';
  rank = 0;
  private start = 0;
  private end = 0;
  private eof = false;

  constructor(
    private readonly fd: number,
    readonly run: number,
    private readonly ranks: Int32Array,
  ) {}

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
    if (!this.ensure(4)) {
      if (this.end > this.start) throw new Error('shequ: a run file ends inside a record');
      return false;
    }
    const unitLength = this.view.getUint32(this.start, true);
    const headerLength = HEADER + 2 * unitLength;
    if (!this.ensure(headerLength)) throw new Error('shequ: a run file ends inside a record');
    const at = this.start + 4 + 2 * unitLength;
    const group = this.view.getUint32(at, true);
    this.tail = this.view.getUint32(at + 4, true);
    const bodyLength = this.view.getUint32(at + 8, true);
    if (!this.ensure(headerLength + bodyLength)) throw new Error('shequ: a run file ends inside a record');
    this.unit = readUnit(this.bytes, this.start + 4, unitLength);
    this.rank = this.ranks[group] ?? 0;
    this.bodyStart = this.start + headerLength;
    this.bodyEnd = this.bodyStart + bodyLength;
    return true;
  }
}

/** Whether reader `a`'s record goes before `b`'s: unit, then group rank, then the earlier run (stable). */
const before = (a: RunReader, b: RunReader): boolean =>
  a.unit < b.unit ? true : a.unit > b.unit ? false : a.rank !== b.rank ? a.rank < b.rank : a.run < b.run;

/** A binary min-heap merge of the run files. */
function* merge(paths: readonly string[], ranks: Int32Array): Generator<RunRecord> {
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
  const fds = paths.map((path) => openSync(path, 'r'));
  try {
    fds.forEach((fd, run) => {
      const reader = new RunReader(fd, run, ranks);
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

/**
 * Creates a store of records sorted by unit (string order), then `ranks()[group]`, then the order they were added.
 *
 * @param ranks - the rank of each group, asked when a run is sorted and when runs are merged (groups added since
 * are ranked then)
 * @param limits - the size of a run
 */
export function createRunStore(ranks: () => Int32Array, limits: RunLimits): RunStore {
  let store = new Uint8Array(1 << 16);
  let used = 0;
  const units: string[] = [];
  const groups: number[] = [];
  const tails: number[] = [];
  const ends: number[] = [];
  const runs: string[] = [];
  let dir: string | undefined;
  let size = 0;

  /** The indices of the current run's records in order. */
  const sortedIndices = (): number[] => {
    const rank = ranks();
    const order = Array.from({ length: units.length }, (_, i) => i);
    // Array sort is stable: equal keys keep the order they were added in.
    return order.sort((a, b) => {
      const ua = units[a] as string;
      const ub = units[b] as string;
      return ua < ub
        ? -1
        : ua > ub
          ? 1
          : (rank[groups[a] as number] as number) - (rank[groups[b] as number] as number);
    });
  };
  const reset = () => {
    used = 0;
    units.length = 0;
    groups.length = 0;
    tails.length = 0;
    ends.length = 0;
  };
  const spill = () => {
    dir ??= makeTempDir('shequ-validate-');
    const path = join(dir, `run-${runs.length}`);
    const fd = openSync(path, 'w');
    try {
      const out = new Uint8Array(WRITE_SIZE);
      let at = 0;
      for (const i of sortedIndices()) {
        const bodyStart = i === 0 ? 0 : (ends[i - 1] as number);
        const body = store.subarray(bodyStart, ends[i]);
        const header = frameHeader(units[i] as string, groups[i] as number, tails[i] as number, body.length);
        if (at + header.length + body.length > out.length) {
          writeAll(fd, out.subarray(0, at));
          at = 0;
        }
        if (header.length + body.length > out.length) {
          // Larger than the write buffer: written on its own.
          writeAll(fd, header);
          writeAll(fd, body);
          continue;
        }
        out.set(header, at);
        out.set(body, at + header.length);
        at += header.length + body.length;
      }
      writeAll(fd, out.subarray(0, at));
    } finally {
      closeSync(fd);
    }
    runs.push(path);
    reset();
  };
  function* inMemory(): Generator<RunRecord> {
    const record = { bytes: store, bodyStart: 0, bodyEnd: 0, tail: 0 };
    for (const i of sortedIndices()) {
      record.bodyStart = i === 0 ? 0 : (ends[i - 1] as number);
      record.bodyEnd = ends[i] as number;
      record.tail = tails[i] as number;
      yield record;
    }
  }
  return {
    add(unit, group, tail, body) {
      if (store.length - used < 3 * body.length) {
        // Doubling, but not far past a run's size: the buffer is kept for the next run.
        const want = Math.min(2 * store.length, limits.bytes + 3 * body.length);
        const larger = new Uint8Array(Math.max(want, used + 3 * body.length));
        larger.set(store.subarray(0, used));
        store = larger;
      }
      used += encoder.encodeInto(body, store.subarray(used)).written;
      units.push(unit);
      groups.push(group);
      tails.push(tail);
      ends.push(used);
      size++;
      if (units.length >= limits.records || used >= limits.bytes) spill();
    },
    get size() {
      return size;
    },
    records() {
      if (runs.length === 0) return inMemory();
      if (units.length > 0) spill();
      return merge(runs, ranks());
    },
    close() {
      if (dir !== undefined) removeTempDir(dir);
      dir = undefined;
    },
  };
}
