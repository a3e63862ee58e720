import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { type StreamEvent, streamBatches } from '../../src/io/read.js';
import { villageCodeArbitrary } from '../../src/testing/index.js';

// The byte reader's line scan jumps over a character's continuation bytes by its lead byte, and reads the common
// cells (numbers, 是/否, 居委会/村委会) straight from their bytes: the text positions of what follows a cell (the
// names, the remarks, the lines handed to the string path) must stay right whatever characters — of one, two, three
// or four bytes — stand before them. Held here against the string path, which stays the specification.

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A title longer than the 64 kB the stream holds to detect the encoding: the byte reader reads what follows. */
const PADDING = `${'社区统计表'.repeat(4400)}\n`;

/** Characters of every UTF-8 length, and the ones that break records or cells. */
const CHARACTER = fc.constantFrom(
  'a',
  '1',
  ' ',
  'é',
  '·',
  'Ω',
  '中',
  '社',
  '\u3000',
  '𠀀',
  '😀',
  '"',
  ',',
  '\r',
);

const text = fc.string({ unit: CHARACTER, maxLength: 8 });

const cell = (plain: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 6, arbitrary: plain },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.constant('') },
  );

const record = fc
  .tuple(
    cell(villageCodeArbitrary()),
    text,
    cell(fc.constantFrom('居委会', '村委会')),
    cell(fc.nat({ max: 99_999 }).map(String)),
    cell(fc.constantFrom('是', '否')),
    cell(fc.constantFrom('12.5', '3', '0.25', '7.125')),
    text,
  )
  .map((cells) => cells.join(','));

const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积,备注';

async function events(chunks: readonly Uint8Array[], bytePath: boolean) {
  async function* source() {
    yield* chunks;
  }
  const out: StreamEvent[] = [];
  for await (const batch of streamBatches(source(), {}, bytePath)) for (const event of batch) out.push(event);
  return out;
}

describe('the byte reader on characters of every length', () => {
  test.prop(
    [
      fc.array(record, { minLength: 1, maxLength: 40 }),
      fc.array(fc.noBias(fc.nat({ max: 1 << 16 })), { maxLength: 6 }),
    ],
    { numRuns: 150 },
  )('gives the string path’s events, however the bytes are chunked', async (records, cuts) => {
    const bytes = utf8(`${PADDING}${HEADER}\n${records.join('\n')}\n`);
    const start = utf8(PADDING).length;
    const points = [...new Set(cuts.map((at) => start + (at % (bytes.length - start))))].sort(
      (a, b) => a - b,
    );
    const chunks: Uint8Array[] = [];
    let at = 0;
    for (const point of points) {
      chunks.push(bytes.slice(at, point));
      at = point;
    }
    chunks.push(bytes.slice(at));
    const fast = await events(chunks, true);
    const slow = await events(chunks, false);
    expect(fast).toStrictEqual(slow);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
  });
});
