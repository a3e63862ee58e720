import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createPackingAccumulator } from '../../src/indicators/parts.js';
import { planRanges } from '../../src/pipeline/range-plan.js';
import {
  claimChunk,
  createRangeShare,
  type RangeJob,
  type RangeResult,
  readRange,
  shareState,
  shortenShare,
} from '../../src/pipeline/range-read.js';
import { readTailsWith } from '../../src/pipeline/range-threads.js';
import { useTempDir } from '../helpers/temp-dir.js';

// The main thread takes over the tail of a worker's range through a shared word (bytes claimed, range end): the
// worker's claims and the main thread's cuts never overlap nor leave a gap, whatever their interleaving.

describe('the shared word of a range', () => {
  const operation = fc.oneof(
    fc.record({ claim: fc.integer({ min: 1, max: 300 }) }),
    fc.record({ shorten: fc.integer({ min: 0, max: 1200 }) }),
  );

  test.prop([fc.integer({ min: 0, max: 1000 }), fc.array(operation, { maxLength: 40 })])(
    'claims are contiguous from 0, never pass the end, and an end never moves below what is claimed',
    (length, operations) => {
      const share = new BigInt64Array(createRangeShare(length) as SharedArrayBuffer);
      let next = 0;
      for (const operation of operations) {
        const before = shareState(share);
        if ('claim' in operation) {
          const claim = claimChunk(share, operation.claim);
          if (claim === undefined) expect(before.claimed).toBe(before.end);
          else {
            expect(claim[0]).toBe(next);
            expect(claim[1]).toBe(Math.min(before.end, next + operation.claim));
            next = claim[1];
          }
        } else {
          const moved = shortenShare(share, operation.shorten);
          expect(moved).toBe(operation.shorten > before.claimed && operation.shorten < before.end);
          expect(shareState(share).end).toBe(moved ? operation.shorten : before.end);
        }
        const after = shareState(share);
        expect(after.claimed).toBe(next);
        expect(after.claimed).toBeLessThanOrEqual(after.end);
        expect(after.end).toBeLessThanOrEqual(length);
      }
    },
  );

  it('holds a range of 4 GiB or more not at all (it is then read to its end)', () => {
    expect(createRangeShare(2 ** 32)).toBeUndefined();
    expect(shareState(new BigInt64Array(createRangeShare(2 ** 32 - 1) as SharedArrayBuffer))).toEqual({
      word: BigInt(2 ** 32 - 1),
      claimed: 0,
      end: 2 ** 32 - 1,
    });
  });
});

/** A CSV file of `rows` villages (a rejected row every 97th, some quoted names), its path. */
/** The sheets of this file's tests, removed when they are done. */
const dir = useTempDir('tails');
let sheets = 0;

function sheet(rows: number): string {
  const lines = ['统计用区划代码,名称,类型,户数,是否建有综合服务设施'];
  for (let i = 0; i < rows; i++) {
    const code = `13${String((i % 9) + 1).padStart(2, '0')}01${String((Math.floor(i / 40) % 90) + 1).padStart(3, '0')}${String((i % 40) + 201).padStart(3, '0')}`;
    const name = i % 13 === 0 ? `"村,${i}"` : `村${i}`;
    lines.push(
      `${code},${name},${i % 97 === 0 ? '街道' : '村委会'},${100 + (i % 50)},${i % 3 === 0 ? '否' : '是'}`,
    );
  }
  const file = join(dir, `sheet-${++sheets}.csv`);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

/** The job of the second of two ranges of a file, read through a shared word. */
async function secondRange(file: string): Promise<RangeJob> {
  const plan = await planRanges(file, 2, {});
  if (plan === undefined) throw new Error('the file must be cut');
  const [start] = plan.cuts as [number];
  return {
    path: file,
    start,
    end: plan.size,
    headerEnd: plan.headerEnd,
    encoding: plan.encoding,
    profile: 'national',
    read: {},
    share: createRangeShare(plan.size - start) as SharedArrayBuffer,
  };
}

/** What ranges read, as one: sums merged, counts and lines added, rejected lines in range order. */
function together(results: readonly RangeResult[]) {
  const packing = createPackingAccumulator();
  let lines = 0;
  const rejected: number[] = [];
  for (const result of [...results].sort((a, b) => a.start - b.start)) {
    expect(packing.mergePacked(result.packed).success).toBe(true);
    for (const row of result.rejected) rejected.push(row.line - 1 + lines); // the header is line 1 of each
    lines += result.lines;
  }
  const read = results.reduce((sum, result) => sum + result.counts.read, 0);
  return { parts: packing.accumulator.parts(), lines, read, rejected };
}

describe('tails taken over from a worker', () => {
  test.prop([fc.integer({ min: 2000, max: 12_000 }), fc.integer({ min: 1, max: 6 }), fc.nat({ max: 3 })], {
    numRuns: 12,
  })(
    'and the rest of its range give exactly what the whole range gives, in any interleaving',
    async (rows, chunks, head) => {
      const file = sheet(rows);
      const job = await secondRange(file);
      const { share: _share, ...plainJob } = job;
      const whole = await readRange(plainJob);
      // The "worker" runs here too, interleaved with the tails at every await: `head` chunks of its own first.
      const worker = readRange(job);
      for (let i = 0; i < head; i++) await new Promise((resolve) => setImmediate(resolve));
      const tails = await readTailsWith(file, [job], readRange, () => undefined, undefined, chunks * 16_384);
      const parts = [await worker, ...tails];
      const ends = parts.map((result) => result.start).sort((a, b) => a - b);
      expect(ends[0]).toBe(job.start);
      expect(together(parts)).toEqual(together([whole]));
      expect(parts.every((result) => !result.endedInQuotes)).toBe(true);
    },
  );

  it('are taken when a worker is far behind, and each starts at a line start', async () => {
    const file = sheet(40_000);
    const job = await secondRange(file);
    const tails = await readTailsWith(file, [job], readRange, () => undefined, undefined, 65_536);
    expect(tails.length).toBeGreaterThan(1);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(file);
    for (const tail of tails) expect(bytes[tail.start - 1]).toBe(0x0a);
    // What is left to the worker: the first half of its range, less and less each time.
    const { end } = shareState(new BigInt64Array(job.share as SharedArrayBuffer));
    expect(job.start + end).toBe(Math.min(...tails.map((tail) => tail.start)));
  });
});
