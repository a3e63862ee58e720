import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ShequError } from '../../src/index.js';
import {
  createCsvParser,
  encodeCsv,
  type ReadOptions,
  type ReadResult,
  readUnitStatistics,
  streamUnitStatistics,
} from '../../src/io/index.js';

// A hostile-file corpus generated here (nothing large is committed): each file is good rows with hostile lines put
// at chosen positions. For each: no throw, every physical line accounted for, each rejected line right, good rows kept.

const HEADER = '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积';
const code = (i: number) =>
  `13${String(Math.floor(i / 2000) + 1).padStart(2, '0')}${String((Math.floor(i / 200) % 10) + 1).padStart(2, '0')}${String((Math.floor(i / 20) % 10) + 1).padStart(3, '0')}${String((i % 20) + 201).padStart(3, '0')}`;
const good = (i: number) => `${code(i)},村${i},村委会,${100 + (i % 50)},是,${i % 30}.5`;

/** Physical lines as docs/io.md counts them: CR, LF and CRLF end a line; text after the last break is a line. */
function physicalLines(text: string): number {
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      lines++;
      if (text.charCodeAt(i + 1) === 10) i++;
    } else if (c === 10) lines++;
  }
  const last = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return last === text.length - 1 ? lines : lines + 1;
}

/** The accounting identity of docs/io.md, for files whose records are one line each. */
function expectEveryLineAccounted(result: ReadResult, text: string): void {
  const { counts } = result;
  expect(counts.read).toBe(counts.accepted + counts.rejected);
  const header = result.header === undefined ? 0 : 1;
  expect(counts.titleLines + header + counts.blankLines + counts.read).toBe(physicalLines(text));
}

/** Hostile lines, each one physical line that the reader must reject on that line (small limits: see SMALL). */
const SMALL: ReadOptions = { maxRecordLength: 2_000, maxFieldLength: 300, maxFieldsPerRecord: 64 };
const HOSTILE = {
  strayQuote: (i: number) => `${code(i)},"东上泽村,村委会,1,2,是,3`,
  delimiterFlood: () => ','.repeat(5_000),
  wideRecord: () => 'a,'.repeat(100),
  hugeRecord: () => 'x'.repeat(3_000),
  hugeField: (i: number) => `${code(i)},${'名'.repeat(400)},村委会,1,是,1`,
  quotedFlood: (i: number) => `${code(i)},"名${','.repeat(2_500)}",村委会,1,是,1`,
};
type HostileKind = keyof typeof HOSTILE;

/** A file of `goods` good rows with hostile lines inserted before the given good rows; the lines they land on. */
function buildFile(goods: number, inserts: readonly { at: number; kind: HostileKind }[], eol: string) {
  const lines = [HEADER];
  const hostileLines: number[] = [];
  const byPosition = [...inserts].sort((a, b) => a.at - b.at);
  let next = 0;
  for (let i = 0; i <= goods; i++) {
    while (next < byPosition.length && (byPosition[next]?.at ?? 0) % (goods + 1) === i) {
      const insert = byPosition[next] as { at: number; kind: HostileKind };
      lines.push(HOSTILE[insert.kind](10_000 + next));
      hostileLines.push(lines.length);
      next++;
    }
    if (i < goods) lines.push(good(i));
  }
  return { text: lines.join(eol) + eol, hostileLines };
}

async function* chunksOf<T extends string | Uint8Array>(
  input: T,
  sizes: readonly number[],
): AsyncGenerator<T> {
  let at = 0;
  let k = 0;
  while (at < input.length) {
    const size = Math.max(1, sizes.length === 0 ? input.length : (sizes[k++ % sizes.length] as number));
    yield input.slice(at, at + size) as T;
    at += size;
  }
}

async function streamed(source: AsyncIterable<string | Uint8Array>, options?: ReadOptions) {
  const accepted = [];
  const rejected = [];
  let end: { counts: unknown; issues: unknown; encoding: unknown } | undefined;
  for await (const event of streamUnitStatistics(source, options)) {
    if (event.kind === 'row') accepted.push(event.accepted);
    else if (event.kind === 'rejected') rejected.push(event.rejected);
    else if (event.kind === 'end') end = event;
  }
  return { accepted, rejected, end };
}

/** Serial and streamed reads give the same rows, rejections and counts. */
async function expectStreamedSame(
  whole: ReadResult,
  source: AsyncIterable<string | Uint8Array>,
  options?: ReadOptions,
) {
  const stream = await streamed(source, options);
  expect(stream.accepted).toEqual(whole.accepted);
  expect(stream.rejected).toEqual(whole.rejected);
  expect(stream.end).toMatchObject({ counts: whole.counts, encoding: whole.encoding });
}

describe('hostile lines among good rows (fast-check: positions, kinds, line ends, chunking)', () => {
  const insert = fc.record({
    at: fc.nat(1_000),
    kind: fc.constantFrom<HostileKind>(
      'strayQuote',
      'delimiterFlood',
      'wideRecord',
      'hugeRecord',
      'hugeField',
      'quotedFlood',
    ),
  });
  test.prop(
    [
      fc.integer({ min: 1, max: 40 }),
      fc.array(insert, { maxLength: 5 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 6 }),
    ],
    { numRuns: 60 },
  )(
    'each hostile line is rejected on its line, the rest read, however chunked',
    async (goods, inserts, eol, sizes) => {
      const { text, hostileLines } = buildFile(goods, inserts, eol);
      const whole = readUnitStatistics(text, SMALL);
      expect(whole.rejected.map((r) => r.line)).toEqual(hostileLines);
      expect(whole.rejected.every((r) => r.issues[0]?.code === 'malformed_record')).toBe(true);
      expect(whole.rows.map((r) => r.code)).toEqual(Array.from({ length: goods }, (_, i) => code(i)));
      expectEveryLineAccounted(whole, text);
      await expectStreamedSame(whole, chunksOf(text, sizes), SMALL);
      await expectStreamedSame(whole, chunksOf(new TextEncoder().encode(text), sizes), SMALL);
    },
  );

  test.prop([
    fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', '\r\n', '社', '\0'), maxLength: 60 }),
    fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 5 }),
  ])(
    'the parser cuts the same records however arbitrary text is chunked, and every line starts at most one record',
    (text, sizes) => {
      const parse = (pieces: readonly string[]) => {
        const parser = createCsvParser({ maxRecordLength: 12, maxFieldLength: 5, maxFieldsPerRecord: 4 });
        const out = [];
        for (const piece of pieces) for (const record of parser.push(piece)) out.push(record);
        for (const record of parser.end()) out.push(record);
        return out;
      };
      const pieces: string[] = [];
      let at = 0;
      for (let k = 0; at < text.length; k++) {
        const size = sizes.length === 0 ? text.length : (sizes[k % sizes.length] as number);
        pieces.push(text.slice(at, at + size));
        at += size;
      }
      const whole = parse([text]);
      expect(parse(pieces)).toEqual(whole);
      const starts = whole.map((r) => r.line);
      expect(starts).toEqual([...new Set(starts)].sort((a, b) => a - b));
      expect(starts.at(-1) ?? 0).toBeLessThanOrEqual(Math.max(physicalLines(text), 1));
      for (const record of whole) {
        expect(record.fields.length).toBeLessThanOrEqual(4);
        expect(record.fields.join('').length).toBeLessThanOrEqual(12);
      }
    },
  );
});

describe('regressions of issue 12', () => {
  it('a stray quote on line 4 of a 10 001-line file: 1 rejected on line 4, every other row read', async () => {
    const lines = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => good(i))];
    lines[3] = '130123100202,"东上泽村,村委会,1,2,是,3';
    const text = `${lines.join('\n')}\n`;
    const whole = readUnitStatistics(text);
    expect(whole.counts).toEqual({
      read: 10_000,
      accepted: 9_999,
      rejected: 1,
      blankLines: 0,
      titleLines: 0,
    });
    expect(whole.rejected.map((r) => [r.line, r.issues[0]?.code])).toEqual([[4, 'malformed_record']]);
    expectEveryLineAccounted(whole, text);
    await expectStreamedSame(whole, chunksOf(encodeCsv(text), [4093]));
  });

  it('a quote still open at the end of the input rejects its line and reads the lines after it', () => {
    const text = `${HEADER}\n${good(0)}\n${code(1)},"西上,村委会,1,是,1\n${good(2)}\n${good(3)}`;
    const result = readUnitStatistics(text);
    expect(result.rejected.map((r) => r.line)).toEqual([3]);
    expect(result.rows.map((r) => r.code)).toEqual([code(0), code(2), code(3)]);
    expectEveryLineAccounted(result, text);
  });

  it('a row of 10^6 commas is rejected on its line, in bounded cells, and the next row read', () => {
    const text = `${HEADER}\n${','.repeat(1_000_000)}\n${good(1)}\n`;
    const result = readUnitStatistics(text);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.line).toBe(2);
    expect(result.rejected[0]?.cells.length).toBe(16_384);
    expect(result.rejected[0]?.issues[0]?.code).toBe('malformed_record');
    expect(result.rows.map((r) => r.code)).toEqual([code(1)]);
  });

  it('125 000 unknown columns: no stack overflow, one summarised issue (limits raised to let the header in)', () => {
    const wide = Array.from({ length: 125_000 }, (_, i) => `x${i}`).join(',');
    const text = `统计用区划代码,类型,${wide}\n${code(1)},村委会\n`;
    const result = readUnitStatistics(text, { maxRecordLength: 2_000_000, maxFieldsPerRecord: 200_000 });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ code: 'unknown_column', severity: 'warning', line: 1 });
    expect(result.issues[0]?.message.en).toContain('125000 unknown columns');
    expect(result.rows).toEqual([{ code: code(1), kind: 'village' }]);
    // Under the default limits the header is over the field limit: said so, and the row still read.
    const capped = readUnitStatistics(text);
    expect(capped.issues.map((i) => i.code)).toEqual(['unknown_column', 'malformed_record']);
    expect(capped.rows).toHaveLength(1);
  });

  it('one truncated UTF-8 character on line 3: UTF-8 kept, line 3 rejected (invalid_encoding), the rest read', () => {
    const bytes = encodeCsv(
      `${HEADER}\n${code(0)},西上泽村委会,村委会,5,是,3\n${code(1)},东上泽村委会,村委会,5,是,3\n${good(2)}\n`,
      {
        bom: false,
      },
    );
    const dong = [0xe4, 0xb8, 0x9c]; // 东
    const at = bytes.findIndex(
      (b, i) => b === dong[0] && bytes[i + 1] === dong[1] && bytes[i + 2] === dong[2],
    );
    const damaged = new Uint8Array([...bytes.subarray(0, at + 2), ...bytes.subarray(at + 3)]);
    const result = readUnitStatistics(damaged);
    expect(result.encoding).toBe('utf-8');
    expect(result.counts).toMatchObject({ read: 3, accepted: 2, rejected: 1 });
    expect(result.rejected[0]?.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['invalid_encoding', 3, '名称'],
    ]);
  });

  it('a GB18030 name inside a UTF-8 file is rejected with invalid_encoding, not read as mojibake', () => {
    const utf8 = (text: string) => encodeCsv(text, { bom: false });
    const gbName = encodeCsv('东上泽村委会', { encoding: 'gb18030' });
    const before = Array.from({ length: 10 }, (_, i) => good(i)).join('\n');
    const after = Array.from({ length: 10 }, (_, i) => good(i + 11)).join('\n');
    const bytes = new Uint8Array([
      ...utf8(`${HEADER}\n${before}\n${code(10)},`),
      ...gbName,
      ...utf8(`,村委会,5,是,3\n${after}\n`),
    ]);
    const result = readUnitStatistics(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.counts).toMatchObject({ read: 21, accepted: 20, rejected: 1 });
    expect(result.rejected[0]).toMatchObject({
      line: 12,
      issues: [{ code: 'invalid_encoding', column: '名称' }],
    });
  });

  it('UTF-16LE and UTF-16BE with a BOM are read', async () => {
    const text = `${HEADER}\r\n${good(0)}\r\n${good(1)}\r\n`;
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...[...text].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]),
    ]);
    const be = new Uint8Array([
      0xfe,
      0xff,
      ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255]),
    ]);
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const result = readUnitStatistics(bytes);
      expect(result.encoding).toBe(encoding);
      expect(result.rows.map((r) => r.code)).toEqual([code(0), code(1)]);
      await expectStreamedSame(result, chunksOf(bytes, [3]));
    }
  });

  it('a stray quote paired with a later quoted field does not swallow the rows between', () => {
    const text = `${HEADER}\n${code(0)},"东上泽村,村委会,1,是,1\n${good(1)}\n${good(2)}\n${code(3)},"西上泽, 村",村委会,1,是,1\n`;
    const result = readUnitStatistics(text);
    expect(result.rejected.map((r) => r.line)).toEqual([2]);
    expect(result.rows.map((r) => r.code)).toEqual([code(1), code(2), code(3)]);
    expectEveryLineAccounted(result, text);
  });

  it('bad options and input give an invalid_option or invalid_type issue, never a throw, and echo nothing', async () => {
    const secret = '11010519491231002X';
    const bad: unknown[] = [
      { delimiter: [] },
      { delimiter: '' },
      { delimiter: '"' },
      { delimiter: '\n' },
      { maxRecordLength: -1 },
      { maxFieldsPerRecord: 1.5 },
      { encoding: secret },
      null,
      7,
      Object.defineProperty({}, 'delimiter', {
        get() {
          throw new Error('boom');
        },
      }),
    ];
    for (const options of bad) {
      const result = readUnitStatistics(`${HEADER}\n${good(0)}\n`, options as ReadOptions);
      expect(result.issues[0]?.code).toBe('invalid_option');
      expect(result.rows).toEqual([]);
      expect(JSON.stringify(result)).not.toContain(secret);
      const stream = await streamed(chunksOf(`${HEADER}\n${good(0)}\n`, []), options as ReadOptions);
      expect(stream.end).toMatchObject({ issues: [{ code: 'invalid_option' }] });
    }
    for (const input of [42, null, undefined, {}, [1, 2]]) {
      expect(readUnitStatistics(input as string).issues[0]?.code).toBe('invalid_type');
    }
    expect(() => createCsvParser({ delimiter: [] as unknown as string })).toThrow(ShequError);
  });
});

describe('the rest of the corpus: no throw, every line accounted for', () => {
  const files: Record<string, string | Uint8Array> = {
    empty: '',
    'only a BOM': '\ufeff',
    'NUL bytes': `${HEADER}\n${code(0)},a\0b,村委会,1,是,1\n\0\0\0\n${good(1)}\n`,
    'CR-only line ends': `标题\r${HEADER}\r${good(0)}\r\r${good(1)}\r`,
    'lone surrogates': `${HEADER}\n${code(0)},\ud800村,村委会,1,是,1\n${good(1)}\n`,
    'lone surrogates as UTF-8 bytes': new TextEncoder().encode(
      `${HEADER}\n${code(0)},\udc00村,村委会,1,是,1\n${good(1)}\n`,
    ),
    'a huge field': `${HEADER}\n${code(0)},${'名'.repeat(50_000)},村委会,1,是,1\n${good(1)}\n`,
    'a huge record': `${HEADER}\n${'x'.repeat(300_000)}\n${good(1)}\n`,
    'a quoted field with every line break kind': `${HEADER}\n${code(0)},"a\rb\r\nc\nd",村委会,1,是,1\n${good(1)}\n`,
  };
  for (const [name, file] of Object.entries(files)) {
    it(name, async () => {
      const whole = readUnitStatistics(file);
      const text = typeof file === 'string' ? file.replace(/^\ufeff/, '') : new TextDecoder().decode(file);
      const continuation = name === 'a quoted field with every line break kind' ? 3 : 0;
      const { counts } = whole;
      const header = whole.header === undefined ? 0 : 1;
      expect(counts.titleLines + header + counts.blankLines + counts.read + continuation).toBe(
        physicalLines(text),
      );
      expect(counts.read).toBe(counts.accepted + counts.rejected);
      await expectStreamedSame(whole, chunksOf(file, [5, 1, 64]));
    });
  }

  it('rejects the huge field and the huge record on their lines; the lone surrogate of bytes is invalid_encoding', () => {
    expect(readUnitStatistics(files['a huge field'] as string).rejected.map((r) => r.line)).toEqual([2]);
    expect(readUnitStatistics(files['a huge record'] as string).rejected.map((r) => r.line)).toEqual([2]);
    const surrogate = readUnitStatistics(files['lone surrogates as UTF-8 bytes'] as Uint8Array);
    expect(surrogate.rejected.map((r) => [r.line, r.issues[0]?.code])).toEqual([[2, 'invalid_encoding']]);
    expect(readUnitStatistics('').issues.map((i) => i.code)).toEqual(['header_not_found']);
  });
});

describe('bounded memory', () => {
  it('a header and a 200 MB line of commas, streamed in 1 MB chunks: one rejected row, small heap growth', async () => {
    const mb = ','.repeat(1 << 20);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    async function* flood() {
      yield `${HEADER}\n`;
      for (let k = 0; k < 200; k++) {
        yield mb;
        if (k % 10 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
      yield `\n${good(0)}\n`;
    }
    const stream = await streamed(flood());
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    expect(stream.rejected.map((r) => [r.line, r.cells.length])).toEqual([[2, 16_384]]);
    expect(stream.accepted.map((a) => a.line)).toEqual([3]);
    // Generous: garbage of the chunks may not be collected yet; storing the record would take gigabytes.
    expect(peak - before).toBeLessThan(128 * 1024 * 1024);
  }, 120_000);
});
