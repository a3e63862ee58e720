/**
 * Findings put in report order (unit code, severity, rule) in memory that does not grow with the file. A national
 * sheet is not in code order (provinces and villages interleave), and its findings — about 1.4 per row — would take
 * gigabytes as objects; so they are gathered in runs of a bounded size, each run sorted and written to a temporary
 * file as one JSON line per finding, and the runs are merged at the end, one finding at a time. A file whose
 * findings fit in one run never touches the disk.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, RuleSource } from 'shequ';

/** Findings per run: about 20 MB of objects. */
export const RUN_SIZE = 50_000;

/** What sorts findings: gather with `add`, then read `sorted()` once; `close` removes the temporary files. */
export interface FindingSorter {
  add(finding: Finding): void;
  sorted(): Iterable<Finding>;
  close(): void;
}

type Compare = (a: Finding, b: Finding) => number;

/** Flags of values JSON cannot carry: `undefined` would come back as `null`. */
const EXPECTED_UNDEFINED = 1;
const ACTUAL_UNDEFINED = 2;

/** One finding as one line of JSON (its source by number: a rule's source is the same object in every finding). */
function encode(finding: Finding, sourceOf: (source: RuleSource) => number): string {
  const flags =
    (finding.expected === undefined ? EXPECTED_UNDEFINED : 0) |
    (finding.actual === undefined ? ACTUAL_UNDEFINED : 0);
  return JSON.stringify([
    sourceOf(finding.source),
    flags,
    finding.rule,
    finding.severity,
    finding.unit,
    finding.index,
    finding.path,
    finding.message,
    finding.expected,
    finding.actual,
  ]);
}

/** The finding of a line, its keys in the order `validate` builds them (the JSON written is the same). */
function decode(line: string, sources: readonly RuleSource[]): Finding {
  const [source, flags, rule, severity, unit, index, path, message, expected, actual] = JSON.parse(line);
  return {
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

/** Writes all of a text (a write to a file may take part of it). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** The lines of a run file, read in 64 kB pieces. */
function* runLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  const bytes = new Uint8Array(65_536);
  const decoder = new TextDecoder();
  let rest = '';
  try {
    for (;;) {
      const count = readSync(fd, bytes, 0, bytes.length, null);
      rest += count === 0 ? decoder.decode() : decoder.decode(bytes.subarray(0, count), { stream: true });
      let start = 0;
      for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
        yield rest.slice(start, end);
        start = end + 1;
      }
      rest = rest.slice(start);
      if (count === 0) return;
    }
  } finally {
    closeSync(fd);
  }
}

interface Head {
  readonly finding: Finding;
  readonly run: number;
  readonly lines: Iterator<string>;
}

/** A binary min-heap of the runs' first findings; ties go to the earlier run, so the merge is stable. */
function* merge(
  runs: readonly string[],
  sources: readonly RuleSource[],
  compare: Compare,
): Generator<Finding> {
  const before = (a: Head, b: Head) => (compare(a.finding, b.finding) || a.run - b.run) < 0;
  const heap: Head[] = [];
  const push = (head: Head) => {
    let i = heap.push(head) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Head, heap[parent] as Head)) break;
      [heap[i], heap[parent]] = [heap[parent] as Head, heap[i] as Head];
      i = parent;
    }
  };
  const popFirst = (): Head => {
    const first = heap[0] as Head;
    const last = heap.pop() as Head;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && before(heap[left] as Head, heap[least] as Head)) least = left;
        if (right < heap.length && before(heap[right] as Head, heap[least] as Head)) least = right;
        if (least === i) break;
        [heap[i], heap[least]] = [heap[least] as Head, heap[i] as Head];
        i = least;
      }
    }
    return first;
  };
  const advance = (run: number, lines: Iterator<string>) => {
    const next = lines.next();
    if (next.done !== true) push({ finding: decode(next.value, sources), run, lines });
  };
  runs.forEach((path, run) => {
    advance(run, runLines(path));
  });
  while (heap.length > 0) {
    const head = popFirst();
    yield head.finding;
    advance(head.run, head.lines);
  }
}

/**
 * Creates a sorter of findings in `compare`'s order, stable (findings that compare equal keep the order they were
 * added in, as `validate`'s sort keeps them).
 */
export function createFindingSorter(compare: Compare, runSize: number = RUN_SIZE): FindingSorter {
  let buffer: Finding[] = [];
  const runs: string[] = [];
  const sources: RuleSource[] = [];
  const sourceIndex = new Map<RuleSource, number>();
  let dir: string | undefined;
  const sourceOf = (source: RuleSource): number => {
    let index = sourceIndex.get(source);
    if (index === undefined) {
      index = sources.push(source) - 1;
      sourceIndex.set(source, index);
    }
    return index;
  };
  const spill = () => {
    buffer.sort(compare);
    dir ??= mkdtempSync(join(tmpdir(), 'shequ-validate-'));
    const path = join(dir, `run-${runs.length}`);
    const fd = openSync(path, 'w');
    try {
      let text = '';
      for (const finding of buffer) {
        text += `${encode(finding, sourceOf)}\n`;
        if (text.length >= 1 << 20) {
          writeAll(fd, text);
          text = '';
        }
      }
      if (text.length > 0) writeAll(fd, text);
    } finally {
      closeSync(fd);
    }
    runs.push(path);
    buffer = [];
  };
  return {
    add(finding) {
      buffer.push(finding);
      if (buffer.length >= runSize) spill();
    },
    sorted() {
      if (runs.length === 0) return buffer.sort(compare);
      if (buffer.length > 0) spill();
      return merge(runs, sources, compare);
    },
    close() {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
