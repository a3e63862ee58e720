/**
 * Findings put in report order (unit code, severity, rule) in memory that does not grow with the file. A national
 * sheet is not in code order (provinces and villages interleave), and its findings — about 1.4 per row — would take
 * gigabytes as objects; so each finding is turned at once into its final text and kept as a record of the run store
 * (run-store.ts), keyed by its unit and its (severity, rule) group: runs of bounded size are sorted and written to
 * temporary files and merged at the end by comparing keys only, the text copied as it was written. A file whose
 * findings fit in one run never touches the disk.
 */
import type { Finding, RuleSource } from 'shequ';
import { type ChunkSink, type FindingTextFormat, writeBytesTo } from 'shequ/report';
import { ByteOutput } from '../report/byte-output.js';
import { indexDigitsAt, writeDigits } from './finding-index.js';
import {
  createRunStore,
  mergeRuns,
  NO_INDEX,
  type RunFiles,
  type RunLimits,
  type RunRecord,
} from './run-store.js';

/**
 * A run: at most 8 MB of finding text (≈ 28 000 national findings, their source's ending kept apart) or this many
 * findings. Measured at 3 000 000 rows (json): 8 MB runs peak at 244 MB RSS, 16 MB at 265 MB, 32 MB at 278 MB; the
 * merge of the ≈ 130 runs that 8 MB gives costs a few seconds more than 32 MB.
 */
export const RUN_LIMITS: RunLimits = { records: 200_000, bytes: 8 << 20 };

/** Findings per run of {@link createFindingSorter} by default. */
export const RUN_SIZE = 50_000;

type Compare = (
  a: Pick<Finding, 'unit' | 'severity' | 'rule'>,
  b: Pick<Finding, 'unit' | 'severity' | 'rule'>,
) => number;

/** No recurring ending: the record's body is its whole text. */
const NO_TAIL = 0xffff_ffff;
/** Most distinct endings remembered (one per rule source in practice). */
const TAIL_LIMIT = 4096;

/** A group's key: findings of one (empty) unit with its severity and rule. */
interface GroupKey {
  readonly unit: string;
  readonly severity: Finding['severity'];
  readonly rule: string;
}

/**
 * The (severity, rule) groups of findings, numbered as first seen, and their ranks in `compare`'s order for one
 * unit: findings of one unit sort by their group's rank, and groups that compare equal share a rank (stability).
 */
function createGroups(compare: Compare) {
  // By rule, then by severity: no string is built per finding to find its group.
  const ids = new Map<string, Map<Finding['severity'], number>>();
  const keys: GroupKey[] = [];
  let ranks = new Int32Array(0);
  return {
    id(severity: Finding['severity'], rule: string): number {
      let ofRule = ids.get(rule);
      if (ofRule === undefined) {
        ofRule = new Map();
        ids.set(rule, ofRule);
      }
      let id = ofRule.get(severity);
      if (id === undefined) {
        id = keys.push({ unit: '', severity, rule }) - 1;
        ofRule.set(severity, id);
      }
      return id;
    },
    keys(): Pick<Finding, 'severity' | 'rule'>[] {
      return keys.map(({ severity, rule }) => ({ severity, rule }));
    },
    ranks(): Int32Array {
      if (ranks.length === keys.length) return ranks;
      const order = keys.map((_, i) => i).sort((a, b) => compare(keys[a] as GroupKey, keys[b] as GroupKey));
      ranks = new Int32Array(keys.length);
      order.forEach((id, i) => {
        const previous = order[i - 1];
        ranks[id] =
          previous !== undefined && compare(keys[previous] as GroupKey, keys[id] as GroupKey) === 0
            ? (ranks[previous] as number)
            : i;
      });
      return ranks;
    },
  };
}

/** A sorter of findings' final text: `add` each finding, then `write` them once in order; `close` cleans up. */
export interface FindingTextSorter {
  add(finding: Finding): void;
  /** How many findings were added. */
  readonly size: number;
  /** Writes every finding's text in order, `separator` between two. */
  write(sink: ChunkSink, separator: string): Promise<void>;
  /** Writes what is left to run files and says how to read them (instead of `write`: another thread merges them). */
  finish(): FindingRuns;
  close(): void;
}

/**
 * The sorted runs of the findings of one byte range of a file, as plain data that crosses to the thread that merges
 * every range's runs: the run files, the (severity, rule) groups their records are numbered by, and the source
 * endings their tails are numbered by.
 */
export interface FindingRuns {
  readonly runs: readonly string[];
  readonly groups: readonly Pick<Finding, 'severity' | 'rule'>[];
  readonly tails: readonly Uint8Array[];
  readonly size: number;
}

/** Where a sorter's runs go and whether it keeps each finding's `index` apart (a range's findings, merged later). */
export interface FindingRunOptions {
  /** Run files the caller merges (see {@link FindingTextSorter.finish}) rather than a folder of the sorter's own. */
  readonly files?: RunFiles;
  /**
   * Keep where each finding's `index` digits are in its JSON text, so that the merge can shift it by the rows of
   * the ranges before (JSON formats: `format.bytes` is used).
   */
  readonly shiftIndex?: boolean;
}

/**
 * Creates a sorter of findings' text in `compare`'s order, stable (findings that compare equal keep the order they
 * were added in, as `validate`'s sort keeps them). `format.text` is called once per finding, when it is added; the
 * text that a finding's source gives at its end is kept once, not in every record.
 */
export function createFindingTextSorter(
  compare: Compare,
  format: Pick<FindingTextFormat, 'text' | 'sourceTail' | 'bytes'>,
  limits: RunLimits = RUN_LIMITS,
  options: FindingRunOptions = {},
): FindingTextSorter {
  const groups = createGroups(compare);
  const store = createRunStore(() => groups.ranks(), limits, options.files);
  const shiftIndex = options.shiftIndex === true;
  const tailIds = new Map<RuleSource, number>();
  // Each source's ending, as text (to compare with a finding's text) and encoded once (to compare with a finding's
  // bytes, to cut by its length, to write back after the body).
  const tailTexts: string[] = [];
  const tailEncoded: Buffer[] = [];
  const encoder = new TextEncoder();
  const tailOf = (source: RuleSource): number => {
    let id = tailIds.get(source);
    if (id === undefined) {
      if (tailTexts.length >= TAIL_LIMIT) return NO_TAIL;
      const ending = format.sourceTail(source);
      // An ending that begins with a low surrogate could pair with the body's last character: never cut there.
      if (isLowSurrogate(ending.charCodeAt(0))) return NO_TAIL;
      id = tailTexts.push(ending) - 1;
      const encoded = encoder.encode(ending);
      tailEncoded.push(Buffer.from(encoded.buffer, encoded.byteOffset, encoded.length));
      tailIds.set(source, id);
    }
    return id;
  };
  const cutOf = (tail: number) => (tail === NO_TAIL ? 0 : (tailEncoded[tail] as Uint8Array).length);
  const out = new ByteOutput();
  /** Adds a finding written as bytes: the ending is cut off when the bytes end with its bytes. */
  const addBytes = (finding: Finding, write: (finding: Finding, out: ByteOutput) => void) => {
    out.used = 0;
    write(finding, out);
    let tail = tailOf(finding.source);
    if (tail !== NO_TAIL && !endsWith(out.bytes, out.used, tailEncoded[tail] as Buffer)) tail = NO_TAIL;
    const body = out.bytes.subarray(0, out.used - cutOf(tail));
    const group = groups.id(finding.severity, finding.rule);
    if (!shiftIndex || typeof finding.index !== 'number')
      return store.addBytes(finding.unit, group, tail, body);
    store.addBytes(finding.unit, group, tail, body, finding.index, indexDigitsAt(body, finding.index));
  };
  return {
    add(finding) {
      if (format.bytes !== undefined) return addBytes(finding, format.bytes);
      if (shiftIndex) throw new Error('shequ: an index is shifted in JSON bytes only');
      const text = format.text(finding);
      let tail = tailOf(finding.source);
      const ending = tailTexts[tail];
      // The ending is cut off only when the text ends with it, so text = body + ending always; it begins on a
      // character of its own, so the body's UTF-8 is the text's without the ending's bytes.
      if (ending === undefined || !text.endsWith(ending)) tail = NO_TAIL;
      store.add(finding.unit, groups.id(finding.severity, finding.rule), tail, text, cutOf(tail));
    },
    get size() {
      return store.size;
    },
    write(sink, separator) {
      return writeRecords(store.records(), sink, encoder.encode(separator), tailEncoded);
    },
    finish() {
      const keys = groups.keys();
      return { runs: store.finish(), groups: keys, tails: tailEncoded.slice(), size: store.size };
    },
    close: () => store.close(),
  };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Whether bytes [0, used) end with `ending`: compared by Node's `Buffer#compare` (memcmp), not byte by byte in
 * JavaScript — every finding's bytes end with its rule's source, a few hundred bytes (161 ms of a thread's 3.6 s
 * on the national file, measured).
 */
function endsWith(bytes: Uint8Array, used: number, ending: Buffer): boolean {
  if (ending.length > used) return false;
  return ending.compare(bytes, used - ending.length, used) === 0;
}

/**
 * Merges the runs of byte ranges given in file order and writes their findings in report order, each `index`
 * shifted by its range's `shift` (the rows the ranges before it hold): byte for byte the report of one sorter that
 * was given every range's findings in turn.
 */
export function writeFindingRuns(
  ranges: readonly { readonly runs: FindingRuns; readonly shift: number }[],
  compare: Compare,
  sink: ChunkSink,
  separator: string,
): Promise<void> {
  // Every range's groups ranked together in compare's order (groups that compare equal share a rank: stability).
  const all = ranges.flatMap(({ runs }) => runs.groups.map((key) => ({ key })));
  const order = all.map((_, i) => i).sort((a, b) => compare(groupKey(all[a]), groupKey(all[b])));
  const flat = new Int32Array(all.length);
  order.forEach((at, i) => {
    const previous = order[i - 1];
    flat[at] =
      previous !== undefined && compare(groupKey(all[previous]), groupKey(all[at])) === 0
        ? (flat[previous] as number)
        : i;
  });
  let offset = 0;
  const ranks = ranges.map(({ runs }) => {
    const from = offset;
    offset += runs.groups.length;
    return flat.subarray(from, offset);
  });
  const tails: Uint8Array[] = [];
  const sources = ranges.flatMap(({ runs, shift }, r) => {
    const tailOffset = tails.length;
    for (const tail of runs.tails) tails.push(tail);
    return runs.runs.map((path) => ({ path, ranks: ranks[r] as Int32Array, tailOffset, shift }));
  });
  return writeRecords(mergeRuns(sources), sink, new TextEncoder().encode(separator), tails);
}

const groupKey = (entry: { key: Pick<Finding, 'severity' | 'rule'> } | undefined): GroupKey => ({
  unit: '',
  ...(entry as { key: Pick<Finding, 'severity' | 'rule'> }).key,
});

const BLOCK_SIZE = 1 << 20;

/**
 * Copies the records' bytes into blocks of about 1 MB handed to the sink (a record larger than that alone), a
 * record's index written shifted where its range asks it.
 */
async function writeRecords(
  records: Iterable<RunRecord>,
  sink: ChunkSink,
  separator: Uint8Array,
  tails: readonly Uint8Array[],
): Promise<void> {
  let block = new Uint8Array(BLOCK_SIZE);
  let used = 0;
  let first = true;
  const hand = async (bytes: Uint8Array) => {
    const wait = writeBytesTo(sink, bytes);
    if (wait !== undefined) await wait;
  };
  for (const record of records) {
    const tail = record.tail === NO_TAIL ? undefined : tails[record.tail];
    const shifted = record.shift !== 0 && record.index !== NO_INDEX;
    const digits = shifted ? String(record.index) : '';
    const newDigits = shifted ? String(record.index + record.shift) : '';
    const length =
      (first ? 0 : separator.length) +
      record.bodyEnd -
      record.bodyStart +
      newDigits.length -
      digits.length +
      (tail === undefined ? 0 : tail.length);
    if (used + length > block.length) {
      if (used > 0) await hand(block.subarray(0, used));
      used = 0;
      if (length > block.length) block = new Uint8Array(length);
    }
    if (!first) {
      block.set(separator, used);
      used += separator.length;
    }
    first = false;
    if (shifted) {
      // The body up to the index, the shifted digits, the rest after the old digits.
      const at = record.bodyStart + record.indexAt;
      block.set(record.bytes.subarray(record.bodyStart, at), used);
      used = writeDigits(block, used + at - record.bodyStart, newDigits);
      block.set(record.bytes.subarray(at + digits.length, record.bodyEnd), used);
      used += record.bodyEnd - at - digits.length;
    } else {
      block.set(record.bytes.subarray(record.bodyStart, record.bodyEnd), used);
      used += record.bodyEnd - record.bodyStart;
    }
    if (tail !== undefined) {
      block.set(tail, used);
      used += tail.length;
    }
  }
  if (used > 0) await hand(block.subarray(0, used));
}

/** What sorts findings as objects: gather with `add`, then read `sorted()` once; `close` removes the temporary files. */
export interface FindingSorter {
  add(finding: Finding): void;
  sorted(): Iterable<Finding>;
  close(): void;
}

/** Flags of values JSON cannot carry: `undefined` would come back as `null`. */
const EXPECTED_UNDEFINED = 1;
const ACTUAL_UNDEFINED = 2;

/**
 * Creates a sorter of findings as objects in `compare`'s order, stable — the same runs, each finding kept as a line
 * of JSON (its source by number: a rule's source is the same object in every finding) and read back as an object.
 * For callers that need the objects; the CLI's report writes text with {@link createFindingTextSorter}.
 */
export function createFindingSorter(compare: Compare, runSize: number = RUN_SIZE): FindingSorter {
  const groups = createGroups(compare);
  const store = createRunStore(() => groups.ranks(), { records: runSize, bytes: RUN_LIMITS.bytes });
  const sources: RuleSource[] = [];
  const sourceIndex = new Map<RuleSource, number>();
  const sourceOf = (source: RuleSource): number => {
    let index = sourceIndex.get(source);
    if (index === undefined) {
      index = sources.push(source) - 1;
      sourceIndex.set(source, index);
    }
    return index;
  };
  return {
    add(finding) {
      const flags =
        (finding.expected === undefined ? EXPECTED_UNDEFINED : 0) |
        (finding.actual === undefined ? ACTUAL_UNDEFINED : 0);
      const { rule, severity, unit, index, path, message, expected, actual } = finding;
      const line = JSON.stringify([
        sourceOf(finding.source),
        flags,
        rule,
        severity,
        unit,
        index,
        path,
        message,
        expected,
        actual,
      ]);
      store.add(unit, groups.id(severity, rule), NO_TAIL, line, 0);
    },
    *sorted() {
      const decoder = new TextDecoder();
      for (const record of store.records()) {
        const line = decoder.decode(record.bytes.subarray(record.bodyStart, record.bodyEnd));
        const [source, flags, rule, severity, unit, index, path, message, expected, actual] =
          JSON.parse(line);
        yield {
          rule,
          severity,
          unit,
          index,
          path,
          message,
          expected: flags & EXPECTED_UNDEFINED ? undefined : expected,
          actual: flags & ACTUAL_UNDEFINED ? undefined : actual,
          source: sources[source] as RuleSource,
        };
      }
    },
    close: () => store.close(),
  };
}
