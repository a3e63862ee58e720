import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { unitStatisticsToCsv } from '../../src/io/index.js';
import { unitStatisticsToXlsx } from '../../src/io/xlsx.js';
import { computeIndicatorsFromSource, validateSource } from '../../src/pipeline/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

// Sources a hostile (or careless) caller hands the pipeline: chunks that are neither text nor bytes, text and bytes
// mixed in one stream, objects whose every trap throws. Each must end in a result with issues, never a throw, and
// never lose or reorder what the source delivered.

const OPTIONS = { asOf: '2025-12-31', groupBy: ['county'] } as const;
const encoder = new TextEncoder();

async function* chunksOf(chunks: readonly unknown[], failAt = -1) {
  for (let i = 0; i < chunks.length; i++) {
    if (i === failAt) throw Object.assign(new Error('gone'), { code: 'EIO' });
    yield chunks[i] as Uint8Array | string;
  }
  if (failAt === chunks.length) throw Object.assign(new Error('gone'), { code: 'EIO' });
}

/** What a job gave, comparable across sources (the rows' figures, counts, rejected rows, issue codes). */
async function outcome(source: unknown) {
  const job = await computeIndicatorsFromSource(source as never, OPTIONS);
  if (!job.success) throw new Error('options refused');
  const { counts, rejected, header, encoding } = job.data;
  return {
    counts,
    rejected,
    header,
    encoding,
    codes: job.data.issues.map((issue) => issue.code),
    rows: [...job.data.rows()],
  };
}

/** Cuts text at character boundaries (code points) into pieces at the given cut fractions. */
function cutText(text: string, fractions: readonly number[]): string[] {
  const chars = Array.from(text);
  const cuts = [...new Set(fractions.map((f) => Math.floor(f * chars.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const cut of [...cuts, chars.length]) {
    if (cut > at) out.push(chars.slice(at, cut).join(''));
    at = Math.max(at, cut);
  }
  return out;
}

const csvText = fc
  .array(unitStatisticsArbitrary(), { minLength: 1, maxLength: 12 })
  .map((rows) => unitStatisticsToCsv(rows));
const notTextOrBytes = fc.constantFrom<unknown>(null, undefined, 0, 42, {}, [], new ArrayBuffer(4), true, 1n);

describe('a chunk that is neither text nor bytes', () => {
  test.prop(
    [
      csvText,
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }),
      fc.nat(),
      notTextOrBytes,
    ],
    { numRuns: 60 },
  )(
    'ends the read as a failing source does at that point (what came before is read, none of it lost), with invalid_type',
    async (text, fractions, at, bad) => {
      const pieces = cutText(text, fractions).map((piece) => encoder.encode(piece));
      const k = at % (pieces.length + 1);
      const withBad = await outcome(chunksOf([...pieces.slice(0, k), bad, ...pieces.slice(k)]));
      const failing = await outcome(chunksOf(pieces.slice(0, k), k));
      expect(withBad.codes).toEqual(
        failing.codes.map((code) => (code === 'read_failed' ? 'invalid_type' : code)),
      );
      expect({ ...withBad, codes: [] }).toEqual({ ...failing, codes: [] });
    },
  );

  it('after a workbook’s first bytes: invalid_type, as for CSV', async () => {
    const xlsx = await unitStatisticsToXlsx([{ code: '130123100201', kind: 'village' }]);
    for (const bad of [null, 7, {}]) {
      const job = await outcome(chunksOf([xlsx.subarray(0, 100), bad, xlsx.subarray(100)]));
      expect(job.codes).toEqual(['invalid_type']);
    }
  });
});

describe('text and bytes mixed in one stream', () => {
  test.prop(
    [csvText, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }), fc.array(fc.boolean())],
    { numRuns: 60 },
  )(
    'read in the order they came: the same as the text whole, whichever pieces are bytes',
    async (text, fractions, asBytes) => {
      const pieces = cutText(text, fractions).map((piece, i) =>
        asBytes[i] === true ? encoder.encode(piece) : piece,
      );
      expect(await outcome(chunksOf(pieces))).toEqual(await outcome(text));
    },
  );
});

describe('sources whose traps throw', () => {
  const throwing = () => {
    throw new Error('trap 11010519491231002X');
  };
  const hostile = [
    new Proxy({}, { getPrototypeOf: throwing }),
    new Proxy({}, { has: throwing, get: throwing, getPrototypeOf: throwing }),
    new Proxy(new Uint8Array(4), { getPrototypeOf: throwing }),
    Object.defineProperty({}, Symbol.asyncIterator, { get: throwing }),
    { [Symbol.asyncIterator]: throwing },
    { getReader: throwing },
    { [Symbol.asyncIterator]: () => ({ next: throwing }) },
    { [Symbol.asyncIterator]: () => null },
  ];
  it('are issues of the result, never a throw, never the error’s message', async () => {
    for (const [i, source] of hostile.entries()) {
      for (const job of [
        await computeIndicatorsFromSource(source as never, OPTIONS),
        await validateSource(source as never, { asOf: '2026-01-01' }),
      ]) {
        expect(job.success, `source ${i}`).toBe(true);
        const issues = job.success ? job.data.issues : [];
        expect(
          issues.map((issue) => issue.severity),
          `source ${i}`,
        ).toContain('error');
        expect(JSON.stringify(issues)).not.toContain('11010519491231002X');
      }
    }
  });
});
