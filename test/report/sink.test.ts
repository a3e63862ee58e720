/**
 * The chunk sink: text in equals text out in any chunk size; a target's promise holds the writer back (never two
 * chunks in flight); rows of a generator are written while it runs (nothing collected: memory flat in the rows).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../src/indicators/rows.js';
import { writeIndicatorRowsCsv } from '../../src/report/csv.js';
import { writeIndicatorRowsJson } from '../../src/report/json.js';
import { writeIndicatorRowsNdjson } from '../../src/report/ndjson.js';
import { createByteSink, createChunkSink } from '../../src/report/sink.js';

describe('createChunkSink', () => {
  test.prop([fc.array(fc.string()), fc.integer({ min: 1, max: 50 })])(
    'hands every text over, in order, in chunks of at least the chunk size (but the last)',
    async (texts, size) => {
      const chunks: string[] = [];
      const sink = createChunkSink({ write: (chunk) => void chunks.push(chunk) }, size);
      for (const text of texts) sink.write(text);
      await sink.end();
      expect(chunks.join('')).toBe(texts.join(''));
      for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(size);
      expect(chunks.every((chunk) => chunk.length > 0)).toBe(true);
    },
  );

  it('gathers small writes into one chunk: ab + cde with a chunk of 4', async () => {
    const chunks: string[] = [];
    const sink = createChunkSink({ write: (chunk) => void chunks.push(chunk) }, 4);
    expect(sink.write('ab')).toBeUndefined();
    expect(sink.write('cde')).toBeUndefined(); // the target returned nothing: no promise to await
    sink.write('f');
    await sink.end();
    expect(chunks).toEqual(['abcde', 'f']);
  });
});

const rowAt = (i: number): IndicatorRow => ({
  region: String(130123000000 + i * 1000),
  level: 'township',
  indicator: 'facilityAreaPer100Households',
  numerator: i,
  denominator: 100,
  missing: 0,
  value: i / 100,
  unit: 'm²',
  status: 'no-target',
  expected: null,
  gap: null,
  asOf: '2025-12-31',
});

describe('writers over a generator', () => {
  for (const [format, write] of [
    ['json', writeIndicatorRowsJson],
    ['ndjson', writeIndicatorRowsNdjson],
    ['csv', writeIndicatorRowsCsv],
  ] as const) {
    it(`${format}: writes while the rows are generated and waits for a slow target`, async () => {
      let generated = 0;
      let inFlight = 0;
      let mostInFlight = 0;
      const generatedAtWrite: number[] = [];
      function* rows() {
        for (let i = 0; i < 20_000; i++) {
          generated++;
          yield rowAt(i);
        }
      }
      const target = {
        write: async () => {
          generatedAtWrite.push(generated);
          inFlight++;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 1));
          inFlight--;
        },
      };
      const sink = createChunkSink(target, 1 << 16);
      await write(rows(), sink);
      await sink.end();
      expect(generatedAtWrite.length).toBeGreaterThan(3);
      // The first chunk went out when a fraction of the rows existed: they are not collected first.
      expect(generatedAtWrite[0]).toBeLessThan(20_000 / 3);
      expect(mostInFlight).toBe(1);
    });
  }
});

describe('createByteSink with recycle', () => {
  test.prop([fc.array(fc.string({ unit: 'grapheme' })), fc.integer({ min: 16, max: 64 })])(
    'hands over the same bytes as without, in order, reusing at most three arrays when the writer awaits',
    async (texts, size) => {
      const copies: Uint8Array[] = [];
      const arrays = new Set<ArrayBufferLike>();
      const sink = createByteSink(
        {
          write: async (chunk) => {
            copies.push(chunk.slice()); // what a file gets: the bytes as they are when written
            arrays.add(chunk.buffer);
            await Promise.resolve();
          },
        },
        size,
        { recycle: true },
      );
      for (const text of texts) {
        const wait = sink.write(text);
        if (wait !== undefined) await wait;
      }
      await sink.end();
      const joined = new Uint8Array(copies.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const copy of copies) {
        joined.set(copy, at);
        at += copy.length;
      }
      expect(new TextDecoder().decode(joined)).toBe(texts.join(''));
      // Texts larger than a chunk go out alone in their own array; the chunk arrays themselves are three at most: one
      // being filled, one being written, one whose write the writer waits for (it is filled next).
      const large = texts.filter((text) => new TextEncoder().encode(text).length >= size).length;
      expect(arrays.size).toBeLessThanOrEqual(3 + large);
    },
  );
});

describe('createByteSink with recycle, when the target fails', () => {
  it('rejects the writer at the next hand-over or at end(), never as an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      let writes = 0;
      const sink = createByteSink(
        {
          write: async () => {
            writes++;
            await new Promise((resolve) => setTimeout(resolve, 1));
            if (writes === 1) throw new Error('disk full');
          },
        },
        16,
        { recycle: true },
      );
      expect(sink.write('a'.repeat(10))).toBeUndefined(); // gathered
      // The chunk of a's goes out; the writer does not wait for it (only for the chunk before, none)…
      expect(sink.write('b'.repeat(10))).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 10)); // …and its write fails meanwhile, handled.
      // The next hand-over makes the writer wait for the a's: it gets their failure.
      await expect(sink.write('c'.repeat(10))).rejects.toThrow('disk full');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('rejects end() when the last chunk fails', async () => {
    const sink = createByteSink({ write: () => Promise.reject(new Error('gone')) }, 16, { recycle: true });
    sink.write('abc');
    await expect(sink.end()).rejects.toThrow('gone');
  });
});
