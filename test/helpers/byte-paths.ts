import { expect } from 'vitest';
import { type ReadOptions, type StreamEvent, streamBatches } from '../../src/io/read.js';
import { STATISTICS_FIELD_KEYS, type StatisticsFieldKey, statisticsField } from '../../src/model/fields.js';
import type { UnitStatistics } from '../../src/model/unit-statistics.js';

// The byte reader (src/io/byte-records.ts) against the string path it stands in for, on the same chunks: the helpers
// of test/io/byte-records.test.ts and test/io/byte-stream-edges.test.ts.

/** A chunk a source yields: bytes, or text. */
export type Chunk = Uint8Array | string;

/** Every event of a read of `chunks`, through the byte path or the string path alone. */
export async function pathEvents(
  chunks: readonly Chunk[],
  options: ReadOptions,
  bytePath: boolean,
): Promise<StreamEvent[]> {
  async function* source() {
    yield* chunks;
  }
  const out: StreamEvent[] = [];
  for await (const batch of streamBatches(source(), options, bytePath))
    for (const event of batch) out.push(event);
  return out;
}

/** A view's fields as a plain row (the keys it reads defined, in catalogue order), copied while it is valid. */
function copyOfView(view: UnitStatistics): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of STATISTICS_FIELD_KEYS) {
    const value = (view as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The row without its text fields, which a sink's view does not read. */
function withoutText(row: UnitStatistics): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    if (statisticsField(key as StatisticsFieldKey).kind !== 'text') out[key] = value;
  return out;
}

/** Both paths on the same chunks: equal events, and equal as JSON (keys in the same order). Returns the events. */
export async function expectSamePaths(
  chunks: readonly Chunk[],
  options: ReadOptions = {},
): Promise<StreamEvent[]> {
  const slow = await pathEvents(chunks, options, false);
  const fast = await pathEvents(chunks, options, true);
  expect(fast).toStrictEqual(slow);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
  return slow;
}

/**
 * The byte path with a sink against the string path: every row the string path accepts came to the sink once (its
 * text fields and extra data not read) or as the same event; every other event is the string path's, in its order.
 * Returns how many rows the sink took.
 */
export async function expectSinkMatches(
  chunks: readonly Chunk[],
  options: ReadOptions = {},
): Promise<number> {
  async function* source() {
    yield* chunks;
  }
  const sunk = new Map<number, Record<string, unknown>>();
  const other: StreamEvent[] = [];
  for await (const batch of streamBatches(source(), options, true, (row, line) => {
    expect(sunk.has(line)).toBe(false);
    sunk.set(line, copyOfView(row));
  }))
    for (const event of batch) other.push(event);
  const slow = await pathEvents(chunks, options, false);
  expect(other).toStrictEqual(slow.filter((event) => event.kind !== 'row' || !sunk.has(event.accepted.line)));
  const sunkRows = slow.filter((event) => event.kind === 'row' && sunk.has(event.accepted.line));
  for (const event of sunkRows)
    if (event.kind === 'row')
      expect(sunk.get(event.accepted.line)).toStrictEqual(withoutText(event.accepted.row));
  expect(sunkRows).toHaveLength(sunk.size);
  return sunk.size;
}
