import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { encodeCsv, readUnitStatistics } from '../../src/io/index.js';
import { computeIndicatorsFromSource, validateSource } from '../../src/pipeline/index.js';
import { findIdNumbers } from '../helpers/id-leaks.js';

// The counts promise of the pipeline, over generated files of good rows, bad rows, blank lines, stray quotes, quoted
// line breaks, ID numbers in any cell, a title line, a BOM, LF, CRLF or CR line ends, UTF-8 or GB18030, given as text
// or as bytes in chunks of any sizes: rows read = accepted + rejected; the same result whatever the chunking; the same
// counts, rejected rows and issues as the in-memory reader; the same input for validateSource; progress monotone and
// ending with the counts; no full ID number in any issue.

const ID = '11010519491231002X';
const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施';
const code = (i: number) =>
  `1301${String((i % 9) + 1).padStart(2, '0')}${String((i % 7) + 100).padStart(3, '0')}${String((i % 300) + 201).padStart(3, '0')}`;
const LINES: readonly ((i: number) => string)[] = [
  (i) => `${code(i)},村${i},村委会,${100 + i},是`,
  (i) => `${code(i)},村${i},村委会,${100 + i},否`,
  (i) => `${code(i)},村${i},村委会,很多,是`, // a bad number
  (i) => `${ID},村${i},村委会,1,是`, // an ID number where a code goes
  (i) => `${code(i)},${ID},村委会,${ID},是`, // an ID number in a name and a count
  (i) => `${code(i)},"东上泽村,村委会,1,是`, // a stray quote
  (i) => `${code(i)},"村\n${i}",村委会,1,是`, // a quoted line break
  () => '',
  () => ',,,,',
  () => ' ',
  (i) => `${code(i)},村${i},居委会,${i},是,多余`,
];

const file = fc.record({
  title: fc.boolean(),
  lines: fc.array(fc.tuple(fc.nat(LINES.length - 1), fc.nat(999)), { maxLength: 30 }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  mixedEol: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { maxLength: 30 }),
  trailing: fc.boolean(),
  bom: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'gb18030') as fc.Arbitrary<'utf-8' | 'gb18030'>,
  sizes: fc.array(fc.oneof(fc.integer({ min: 1, max: 399 }), fc.constant(400)), { maxLength: 6 }),
});

type Spec = typeof file extends fc.Arbitrary<infer T> ? T : never;
function build(spec: Spec) {
  const lines = [...(spec.title ? ['2025年社区统计表'] : []), HEADER];
  for (const [kind, i] of spec.lines as [number, number][])
    lines.push((LINES[kind] as (i: number) => string)(i));
  let text = '';
  lines.forEach((line, k) => {
    text += line;
    if (k < lines.length - 1 || spec.trailing) text += (spec.mixedEol as string[])[k] ?? spec.eol;
  });
  const bytes = encodeCsv(text, { encoding: spec.encoding, bom: spec.bom });
  return { text, bytes: bytes as Uint8Array };
}

/** The bytes in chunks of the given sizes (cycled); a size of 400 stands for an empty chunk. */
async function* chunked(bytes: Uint8Array, sizes: readonly number[]) {
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = sizes.length === 0 ? bytes.length : (sizes[k++ % sizes.length] as number);
    if (size === 400 && sizes.some((other) => other !== 400)) {
      yield new Uint8Array(0);
      continue;
    }
    yield bytes.slice(at, at + size);
    at += size;
  }
}

const OPTIONS = { asOf: '2025-12-31', groupBy: ['county'] } as const;

async function job(source: unknown) {
  const progress: { read: number; rejected: number }[] = [];
  const result = await computeIndicatorsFromSource(source as never, {
    ...OPTIONS,
    onProgress: (now) => progress.push(now),
  });
  if (!result.success) throw new Error('refused');
  const { counts, rejected, issues, header, encoding, lines, endedInQuotes } = result.data;
  return {
    input: { counts, rejected, issues, header, encoding, lines, endedInQuotes },
    rows: [...result.data.rows()],
    progress,
  };
}

describe('the counts promise', () => {
  test.prop([file], { numRuns: 150 })(
    'any file, any chunking: read = accepted + rejected, the same result, the in-memory reader’s counts, progress ending with them, no ID',
    async (spec) => {
      const { bytes } = build(spec);
      const whole = await job(bytes);
      const pieces = await job(chunked(bytes, spec.sizes));
      expect(pieces.input).toEqual(whole.input);
      expect(pieces.rows).toEqual(whole.rows);
      // The same bytes as a Blob, a web stream, an ArrayBuffer; UTF-8 as text too.
      const stream = new ReadableStream({
        async pull(controller) {
          for await (const piece of chunked(bytes, spec.sizes)) controller.enqueue(piece);
          controller.close();
        },
      });
      // (Progress comes once per chunk: how often depends on the source; what it ends with does not.)
      const same = async (source: unknown) => {
        const { input, rows, progress } = await job(source);
        expect({ input, rows }).toEqual({ input: whole.input, rows: whole.rows });
        expect(progress.at(-1)).toEqual(whole.progress.at(-1));
      };
      for (const other of [new Blob([bytes.slice()]), stream, bytes.slice().buffer]) await same(other);
      if (spec.encoding === 'utf-8') await same(`${spec.bom ? '\ufeff' : ''}${build(spec).text}`);
      const { counts, rejected, issues } = whole.input;
      expect(counts.read).toBe(counts.accepted + counts.rejected);
      expect(rejected.length).toBe(counts.rejected);
      const memory = readUnitStatistics(bytes);
      expect(counts).toEqual(memory.counts);
      expect(rejected).toEqual(memory.rejected);
      expect(issues).toEqual(memory.issues);
      for (const { progress } of [whole, pieces]) {
        for (const [i, now] of progress.entries()) {
          const before = progress[i - 1] ?? { read: 0, rejected: 0 };
          expect(now.read).toBeGreaterThanOrEqual(before.read);
          expect(now.rejected).toBeGreaterThanOrEqual(before.rejected);
        }
        expect(progress.at(-1)).toEqual({ read: counts.read, rejected: counts.rejected });
      }
      const validated = await validateSource(chunked(bytes, spec.sizes), { asOf: '2026-01-01' });
      if (!validated.success) throw new Error('refused');
      expect(validated.data.counts).toEqual(counts);
      expect(validated.data.rejected).toEqual(rejected);
      const said = JSON.stringify([
        issues,
        rejected.map((row) => [row.line, row.issues]),
        validated.data.report.findings,
        whole.rows,
      ]);
      expect(findIdNumbers(said)).toEqual([]);
    },
  );
});
