/**
 * Records of text sorted in bounded memory: each record is a key — a unit code and a group (a number whose order
 * the caller gives, once every group is known) — a body of UTF-8 text and a tail (an index into the caller's table
 * of recurring endings). Records are gathered in a run of bounded size, each run sorted and written to a temporary
 * file, framed by lengths (a body may hold line breaks); the runs are merged with a heap that compares keys only and
 * hands out the body's bytes as they were read — nothing is parsed or encoded again. Records that fit in one run
 * never touch the disk.
 *
 * Units are compared by their numeric key (unit-key.ts): a statistics code costs a number comparison, not a string
 * one, and no string is built when a run is read back. A run's metadata live in typed arrays (no object or array
 * entry per record); a code without a key (rare: letters, more than 12 characters) is kept as a string beside.
 *
 * A record may also carry a number written in its body (a finding's `index`, local to a byte range of the file: the
 * merge of ranges shifts it by the rows of the ranges before) and where its digits begin in the body.
 *
 * Frame of a record in a run file, little-endian: f64 unit key (NaN: no key), u32 group, u32 tail, u32 body length,
 * u32 index (NO_INDEX: none), u32 where its digits begin in the body; when the key is NaN, u32 unit length in UTF-16 code units and the unit's code units (u16 each, so that the merge
 * reads back the very string JS compares); then the body.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HEADER, mergeRuns, NO_INDEX, type RunRecord, type RunSource } from './run-merge.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';
import { compareUnits, unitKey, unitOfKey } from './unit-key.js';

export { mergeRuns, NO_INDEX, type RunRecord, type RunSource };

/** Limits of a run: records and bytes of bodies (whichever is reached first spills it). */
export interface RunLimits {
  readonly records: number;
  readonly bytes: number;
}

/** Where a store puts its run files when its caller keeps them (a range's runs, merged by another store's owner). */
export interface RunFiles {
  /** A folder the caller removes. */
  readonly dir: string;
  /** The start of each file's name (unique in the folder). */
  readonly prefix: string;
}

/** The store: `add` records, then read `records()` once; `close` removes the temporary files. */
export interface RunStore {
  /**
   * Adds a record whose body is the UTF-8 of `text` without its last `cut` bytes (the caller has checked that
   * the text ends with a tail of that many bytes, which begins on a character of its own).
   */
  add(unit: string, group: number, tail: number, text: string, cut: number): void;
  /**
   * Adds a record whose body is `body` (copied: the caller may reuse the array), with the number written in it at
   * `indexAt` (default none).
   */
  addBytes(
    unit: string,
    group: number,
    tail: number,
    body: Uint8Array,
    index?: number,
    indexAt?: number,
  ): void;
  /** How many records were added. */
  readonly size: number;
  records(): Iterable<RunRecord>;
  /** Writes what is left to a run file and gives every run file (with {@link RunFiles}: the caller merges them). */
  finish(): readonly string[];
  close(): void;
}

const encoder = new TextEncoder();
const WRITE_SIZE = 1 << 20;

/** Writes all of `bytes` (a write to a file may take part of it). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** A larger copy of `array` (typed arrays of a run grow by doubling and are kept for the next run). */
function grown<T extends Float64Array | Int32Array | Uint32Array>(array: T, make: (length: number) => T): T {
  const larger = make(2 * array.length);
  larger.set(array);
  return larger;
}

/** The records of the run being gathered, in typed arrays. */
class Run {
  bytes = new Uint8Array(1 << 16);
  used = 0;
  count = 0;
  keys = new Float64Array(1024);
  groups = new Int32Array(1024);
  tails = new Uint32Array(1024);
  ends = new Uint32Array(1024);
  indices = new Uint32Array(1024);
  indexAts = new Uint32Array(1024);
  /** The units that have no key, by record. */
  texts = new Map<number, string>();

  add(unit: string, group: number, tail: number, text: string, cut: number, limit: number): void {
    this.reserve(3 * text.length, limit);
    this.used += encoder.encodeInto(text, this.bytes.subarray(this.used)).written - cut;
    this.push(unit, group, tail, NO_INDEX, 0);
  }

  addBytes(
    unit: string,
    group: number,
    tail: number,
    body: Uint8Array,
    limit: number,
    index: number,
    indexAt: number,
  ): void {
    this.reserve(body.length, limit);
    this.bytes.set(body, this.used);
    this.used += body.length;
    this.push(unit, group, tail, index, indexAt);
  }

  /** Room for `count` more bytes of bodies. */
  private reserve(count: number, limit: number): void {
    if (this.bytes.length - this.used >= count) return;
    // Doubling, but not far past a run's size: the buffer is kept for the next run.
    const want = Math.min(2 * this.bytes.length, limit + count);
    const larger = new Uint8Array(Math.max(want, this.used + count));
    larger.set(this.bytes.subarray(0, this.used));
    this.bytes = larger;
  }

  /** Records the metadata of the body just written. */
  private push(unit: string, group: number, tail: number, index: number, indexAt: number): void {
    const i = this.count++;
    if (i === this.keys.length) {
      this.keys = grown(this.keys, (n) => new Float64Array(n));
      this.groups = grown(this.groups, (n) => new Int32Array(n));
      this.tails = grown(this.tails, (n) => new Uint32Array(n));
      this.ends = grown(this.ends, (n) => new Uint32Array(n));
      this.indices = grown(this.indices, (n) => new Uint32Array(n));
      this.indexAts = grown(this.indexAts, (n) => new Uint32Array(n));
    }
    this.indices[i] = index;
    this.indexAts[i] = indexAt;
    const key = unitKey(unit);
    this.keys[i] = key;
    if (Number.isNaN(key)) this.texts.set(i, unit);
    this.groups[i] = group;
    this.tails[i] = tail;
    this.ends[i] = this.used;
  }

  start(i: number): number {
    return i === 0 ? 0 : (this.ends[i - 1] as number);
  }

  /** The indices of the records in order: unit, group rank, then the order added (the sort is stable). */
  sorted(rank: Int32Array): number[] {
    const { keys, groups, texts } = this;
    const order = Array.from({ length: this.count }, (_, i) => i);
    const unitOf = (i: number) => () => texts.get(i) ?? unitOfKey(keys[i] as number);
    return order.sort((a, b) => {
      const ka = keys[a] as number;
      const kb = keys[b] as number;
      const units =
        ka === kb
          ? 0
          : !Number.isNaN(ka) && !Number.isNaN(kb)
            ? ka - kb
            : compareUnits(ka, unitOf(a), kb, unitOf(b));
      return units !== 0
        ? units
        : (rank[groups[a] as number] as number) - (rank[groups[b] as number] as number);
    });
  }

  reset(): void {
    this.used = 0;
    this.count = 0;
    this.texts.clear();
  }
}

/** Writes a run, sorted, framed, to `path`. */
function writeRun(run: Run, rank: Int32Array, path: string): void {
  const fd = openSync(path, 'w');
  try {
    let out = new Uint8Array(WRITE_SIZE);
    let view = new DataView(out.buffer);
    let at = 0;
    for (const i of run.sorted(rank)) {
      const bodyStart = run.start(i);
      const bodyEnd = run.ends[i] as number;
      const unit = run.texts.get(i);
      const length = HEADER + (unit === undefined ? 0 : 4 + 2 * unit.length) + bodyEnd - bodyStart;
      if (at + length > out.length) {
        writeAll(fd, out.subarray(0, at));
        at = 0;
        if (length > out.length) {
          out = new Uint8Array(length);
          view = new DataView(out.buffer);
        }
      }
      view.setFloat64(at, run.keys[i] as number, true);
      view.setUint32(at + 8, run.groups[i] as number, true);
      view.setUint32(at + 12, run.tails[i] as number, true);
      view.setUint32(at + 16, bodyEnd - bodyStart, true);
      view.setUint32(at + 20, run.indices[i] as number, true);
      view.setUint32(at + 24, run.indexAts[i] as number, true);
      at += HEADER;
      if (unit !== undefined) {
        view.setUint32(at, unit.length, true);
        for (let c = 0; c < unit.length; c++) view.setUint16(at + 4 + 2 * c, unit.charCodeAt(c), true);
        at += 4 + 2 * unit.length;
      }
      out.set(run.bytes.subarray(bodyStart, bodyEnd), at);
      at += bodyEnd - bodyStart;
    }
    writeAll(fd, out.subarray(0, at));
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates a store of records sorted by unit (string order), then `ranks()[group]`, then the order they were added.
 *
 * @param ranks - the rank of each group, asked when a run is sorted and when runs are merged (groups added since
 * are ranked then)
 * @param limits - the size of a run
 * @param files - where the run files go when the caller keeps them (default: a folder of the store's own)
 */
export function createRunStore(ranks: () => Int32Array, limits: RunLimits, files?: RunFiles): RunStore {
  const run = new Run();
  const runs: string[] = [];
  let dir: string | undefined;
  let size = 0;
  const spill = () => {
    // Removed by close(), or when the process ends or is interrupted before it (temp-dirs.ts).
    dir ??= files?.dir ?? makeTempDir('shequ-validate-');
    const path = join(dir, `${files?.prefix ?? ''}run-${runs.length}`);
    writeRun(run, ranks(), path);
    runs.push(path);
    run.reset();
  };
  function* inMemory(): Generator<RunRecord> {
    const record = {
      bytes: run.bytes,
      bodyStart: 0,
      bodyEnd: 0,
      tail: 0,
      index: NO_INDEX,
      indexAt: 0,
      shift: 0,
    };
    for (const i of run.sorted(ranks())) {
      record.bodyStart = run.start(i);
      record.bodyEnd = run.ends[i] as number;
      record.tail = run.tails[i] as number;
      record.index = run.indices[i] as number;
      record.indexAt = run.indexAts[i] as number;
      yield record;
    }
  }
  return {
    add(unit, group, tail, text, cut) {
      run.add(unit, group, tail, text, cut, limits.bytes);
      size++;
      if (run.count >= limits.records || run.used >= limits.bytes) spill();
    },
    addBytes(unit, group, tail, body, index = NO_INDEX, indexAt = 0) {
      run.addBytes(unit, group, tail, body, limits.bytes, index, indexAt);
      size++;
      if (run.count >= limits.records || run.used >= limits.bytes) spill();
    },
    get size() {
      return size;
    },
    records() {
      if (runs.length === 0) return inMemory();
      if (run.count > 0) spill();
      const rank = ranks();
      return mergeRuns(runs.map((path) => ({ path, ranks: rank, tailOffset: 0, shift: 0 })));
    },
    finish() {
      if (run.count > 0) spill();
      return runs.slice();
    },
    close() {
      // A caller's folder is the caller's to remove.
      if (dir !== undefined && files === undefined) removeTempDir(dir);
      dir = undefined;
    },
  };
}
