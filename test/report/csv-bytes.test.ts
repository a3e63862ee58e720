import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../src/indicators/rows.js';
import { ByteOutput } from '../../src/report/byte-output.js';
import { writeIndicatorRowsCsv } from '../../src/report/csv.js';
import { createCsvByteLine } from '../../src/report/csv-bytes.js';
import { CSV_FORMAT } from '../../src/report/formats/csv.js';
import { INDICATOR_ROW_MODEL } from '../../src/report/models/indicators.js';
import { createByteSink, createChunkSink } from '../../src/report/sink.js';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** The lines the csv format gives (its header dropped), as UTF-8 holds them (a lone surrogate becomes U+FFFD). */
const textLines = (rows: readonly IndicatorRow[]) =>
  [...CSV_FORMAT.text(INDICATOR_ROW_MODEL, rows, {})]
    .slice(1)
    .map((line) => decoder.decode(encoder.encode(line)));

function byteLines(rows: readonly IndicatorRow[]): string[] {
  const line = createCsvByteLine(INDICATOR_ROW_MODEL, 'zh');
  const out = new ByteOutput(8);
  return rows.map((row) => {
    out.used = 0;
    line(row, out);
    return decoder.decode(out.bytes.subarray(0, out.used));
  });
}

/** Cells that take every path: plain, formula starts, quotes, commas, line breaks, ID numbers, Chinese, long. */
const cell = fc.oneof(
  fc.constantFrom(
    '130123000000',
    '=1+1',
    '+86',
    '-5',
    '@x',
    ' =x',
    '\t1',
    'a,b',
    'say "hi"',
    'two\r\nlines',
    '11010519491231002X',
    '北京市',
    '',
    'x'.repeat(100),
    '>= 80',
    // Formula starts behind non-ASCII white space, in full width; ID numbers in other digit scripts.
    '\u3000=1+1',
    '\ufeff@x',
    '\u00a0-1',
    '\u2028=x',
    '＝1+1',
    '＠x',
    '身份证１１０１０５１９４９１２３１００２Ｘ',
    '١١٠١٠٥١٩٤٩١٢٣١٠٠٢X',
    '西上泽村'.repeat(80),
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
  fc.constantFrom(-0, 1101054912310021, 1e21),
);
const row = fc
  .record({
    region: cell,
    level: fc.constantFrom('province', 'county', 'township'),
    name: fc.option(cell, { nil: undefined }),
    indicator: cell,
    numerator: number,
    denominator: number,
    missing: fc.nat(),
    value: fc.option(number, { nil: null }),
    unit: fc.constantFrom('%', 'm²', cell as never),
    status: cell,
    expected: fc.option(number, { nil: null }),
    gap: fc.option(number, { nil: null }),
    asOf: cell,
  })
  .map((r) => r as unknown as IndicatorRow);

describe('createCsvByteLine', () => {
  test.prop([fc.array(row, { maxLength: 20 })], { numRuns: 300 })(
    'writes the UTF-8 of the lines of the csv format, row after row',
    (rows) => {
      expect(byteLines(rows)).toEqual(textLines(rows));
    },
  );

  test.prop([fc.array(row, { maxLength: 20 }), fc.boolean()])(
    'writeIndicatorRowsCsv gives a byte sink the UTF-8 of what it gives a text sink, header included',
    async (rows, withYear) => {
      const bytes: Uint8Array[] = [];
      const byteSink = createByteSink({ write: (chunk) => void bytes.push(chunk.slice()) }, 64);
      const texts: string[] = [];
      const textSink = createChunkSink({ write: (chunk) => void texts.push(chunk) }, 7);
      for (const sink of [byteSink, textSink]) {
        await writeIndicatorRowsCsv(rows, sink, { year: withYear });
        await sink.end();
      }
      const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat(bytes));
      expect(decoded).toBe(decoder.decode(encoder.encode(texts.join(''))));
      expect(decoded.startsWith('\ufeffregion,level,')).toBe(true);
    },
  );

  it('guards a formula, quotes a comma and masks an ID number, by hand', () => {
    const [line] = byteLines([
      {
        region: '=1+1',
        level: 'county',
        name: '西上泽村, 正定',
        indicator: '11010519491231002X',
        numerator: 79.8,
        denominator: -0,
      } as unknown as IndicatorRow,
    ]);
    expect(line?.startsWith(`'=1+1,county,"西上泽村, 正定",110105********002X,79.8,0,`)).toBe(true);
    expect(line?.endsWith('\r\n')).toBe(true);
  });
});
