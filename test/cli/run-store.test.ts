/**
 * The run store (run-store.ts) against the store it replaced (test/helpers/run-store-before.ts, string keys): on
 * arbitrary records — statistics codes and other strings, groups whose ranks tie, texts with and without a cut tail,
 * runs of every size (spilled to disk and merged) — it hands out the same records in the same order, and that
 * order is the stable sort by (unit as a JS string, group rank): it does not depend on how the records were cut
 * into runs, and records with distinct keys come out the same whatever order they were added in.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createRunStore, type RunLimits } from '../../src/cli/run-store.js';
import { createRunStore as createStoreBefore } from '../helpers/run-store-before.js';

interface Entry {
  readonly unit: string;
  readonly group: number;
  readonly text: string;
  /** Characters of `text` that are its tail (ASCII, so as many bytes). */
  readonly cut: number;
}

const UNITS = [
  '130123100201',
  '130123100202',
  '1301',
  '13',
  '',
  '2',
  '130123100201x',
  '😀',
  '\uffff',
  '社区',
];
const entry: fc.Arbitrary<Entry> = fc
  .record({
    unit: fc.oneof(
      fc.constantFrom(...UNITS),
      fc.string({ unit: fc.constantFrom('0', '1', '3'), maxLength: 13 }),
    ),
    group: fc.nat(5),
    body: fc.string({ maxLength: 12 }),
    tail: fc.constantFrom('', ',"source":{}}', '\r\n'),
  })
  .map(({ unit, group, body, tail }) => ({ unit, group, text: body + tail, cut: tail.length }));
const limits: fc.Arbitrary<RunLimits> = fc.record({
  records: fc.integer({ min: 1, max: 9 }),
  bytes: fc.integer({ min: 1, max: 400 }),
});
/** Ranks of the six groups: some tie. */
const RANKS = Int32Array.from([3, 0, 3, 1, 5, 0]);
const decoder = new TextDecoder();

/** What a store hands out: each record's body text and tail, in order. */
function readBack(
  records: Iterable<{ bytes: Uint8Array; bodyStart: number; bodyEnd: number; tail: number }>,
): string[] {
  const out: string[] = [];
  for (const record of records)
    out.push(`${record.tail}|${decoder.decode(record.bytes.subarray(record.bodyStart, record.bodyEnd))}`);
  return out;
}

function throughNew(entries: readonly Entry[], runLimits: RunLimits): string[] {
  const store = createRunStore(() => RANKS, runLimits);
  try {
    for (const { unit, group, text, cut } of entries) store.add(unit, group, cut, text, cut);
    expect(store.size).toBe(entries.length);
    return readBack(store.records());
  } finally {
    store.close();
  }
}

function throughBefore(entries: readonly Entry[], runLimits: RunLimits): string[] {
  const store = createStoreBefore(() => RANKS, runLimits);
  try {
    for (const { unit, group, text, cut } of entries)
      store.add(unit, group, cut, text.slice(0, text.length - cut));
    return readBack(store.records());
  } finally {
    store.close();
  }
}

/** The specification: the stable sort by unit string, then group rank. */
function stableSort(entries: readonly Entry[]): string[] {
  return [...entries]
    .sort(
      (a, b) =>
        (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) ||
        (RANKS[a.group] as number) - (RANKS[b.group] as number),
    )
    .map(({ text, cut }) => `${cut}|${text.slice(0, text.length - cut)}`);
}

describe('createRunStore', () => {
  test.prop([fc.array(entry, { maxLength: 50 }), limits], { numRuns: 150 })(
    'hands out what the string-keyed store did, the stable sort, whatever the runs',
    (entries, runLimits) => {
      const out = throughNew(entries, runLimits);
      expect(out).toEqual(throughBefore(entries, runLimits));
      expect(out).toEqual(stableSort(entries));
      expect(out).toEqual(throughNew(entries, { records: 1 << 20, bytes: 1 << 30 }));
    },
  );

  test.prop([
    fc.uniqueArray(entry, { selector: (e) => `${e.unit}\u0000${RANKS[e.group]}`, maxLength: 30 }),
    limits,
  ])(
    'records with distinct keys come out the same whatever order they were added in',
    (entries, runLimits) => {
      const reversed = [...entries].reverse();
      expect(throughNew(reversed, runLimits)).toEqual(throughNew(entries, runLimits));
    },
  );

  it('worked by hand: prefixes first, ties by rank then in the order added, across runs of 2', () => {
    const entries: Entry[] = [
      { unit: '130123100201', group: 4, text: 'a', cut: 0 },
      { unit: '1301', group: 0, text: 'b', cut: 0 },
      { unit: '130123100201', group: 3, text: 'c,"source":{}}', cut: 13 },
      { unit: '2', group: 0, text: 'd', cut: 0 },
      { unit: '130123100201', group: 3, text: 'e', cut: 0 },
      { unit: '1301a', group: 0, text: 'f', cut: 0 },
    ];
    // '1301' < '130123100201' (rank 1: c, e; rank 5: a) < '1301a' < '2'.
    expect(throughNew(entries, { records: 2, bytes: 1 << 20 })).toEqual([
      '0|b',
      '13|c',
      '0|e',
      '0|a',
      '0|f',
      '0|d',
    ]);
  });
});
