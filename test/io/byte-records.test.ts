import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type ByteReaderParts, createByteRecordReader, type EventSink } from '../../src/io/byte-records.js';
import {
  type CsvParserOptions,
  type CsvRecord,
  createCsvParser,
  createResumableCsvParser,
} from '../../src/io/csv-parser.js';
import { type StreamEvent, streamBatches } from '../../src/io/read.js';
import { createRowReader, type ReaderEvent } from '../../src/io/row-reader.js';
import { STATISTICS_FIELD_KEYS, type StatisticsFieldKey, statisticsField } from '../../src/model/fields.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';
import { expectSamePaths, expectSinkMatches } from '../helpers/byte-paths.js';

// The byte reader (src/io/byte-records.ts) is a fast path of the string path (csv-parser.ts + row-reader.ts), which
// stays the specification: on any file — valid rows, bad cells, quotes spanning lines and chunks, CRLF and lone CR,
// a BOM, title and blank lines, extra and missing cells, bytes that are not UTF-8, small limits — cut into chunks
// anywhere, the stream gives exactly the events of the string path: the same rows (keys, order, values), rejected
// rows with their cells and issues, header, counts and lines.

/** The bytes cut at the given points (sorted, deduplicated; empty chunks kept: a source may yield them). */
function cut(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const point of points) {
    chunks.push(bytes.slice(at, Math.max(at, point)));
    at = Math.max(at, point);
  }
  chunks.push(bytes.slice(at));
  return chunks;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Cells that the byte converters decline or that the readers reject, and text that breaks records. */
const AWKWARD = fc.constantFrom(
  '',
  ' ',
  '\u3000',
  '-1',
  '1.234',
  '5.',
  '.5',
  '１２',
  '1,200',
  '"1,200"',
  '很多',
  '\uFFFD',
  '是\uFFFD',
  '有',
  'Y',
  '村',
  '街道',
  '130123100000',
  '130123100201',
  '999999999999',
  '9007199254740993',
  '2025',
  '1800',
  '111',
  '999',
  '𠀀名',
  'a"b',
  '"open',
  '"multi\nline"',
  '"a""b"',
  'x\ry',
  'x\r\ny',
  'tab\t',
  ';',
  '|',
);

/** Mostly the plain spelling (what sheets hold), now and then another one the readers accept. */
const mostly = (plain: string, ...others: string[]) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(plain) },
    { weight: 1, arbitrary: fc.constantFrom(...others) },
  );

/** The cell of a valid value. */
function spelled(key: StatisticsFieldKey, value: unknown): fc.Arbitrary<string> {
  if (value === undefined) return mostly('', ' ', '\u3000');
  const kind = statisticsField(key).kind;
  if (kind === 'flag') return value ? mostly('是', '有', ' 是', 'Y') : mostly('否', '无', '0');
  if (kind === 'unitKind') return value === 'community' ? mostly('居委会', '社区') : mostly('村委会', '村');
  if (kind === 'count' || kind === 'area')
    return mostly(String(value), (value as number).toFixed(2), ` ${String(value)}`, `${value}.0`);
  return mostly(String(value), ` ${String(value)} `);
}

const headerName = (key: StatisticsFieldKey) =>
  fc.constantFrom(key, statisticsField(key).label.zh, ...(statisticsField(key).aliases ?? []));

/** A header: code, kind, other fields and unknown or repeated columns, in any order. */
const headerArbitrary = fc
  .tuple(
    fc.subarray(
      STATISTICS_FIELD_KEYS.filter((key) => key !== 'code' && key !== 'kind'),
      { maxLength: 8 },
    ),
    fc.array(fc.constantFrom('备注', 'remark', '户数'), { maxLength: 2 }),
  )
  .chain(([keys, extras]) =>
    fc
      .tuple(...(['code', 'kind', ...keys] as StatisticsFieldKey[]).map(headerName))
      .map((names) => [...names, ...extras]),
  )
  .chain((names) => fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }));

const DELIMITERS = [',', ',', ';', '\t', '|'] as const;

/** A cell as a CSV writer puts it (quoted when it must be, sometimes when not), or raw (stray quotes and all). */
function written(cell: string, delimiter: string, style: number): string {
  const must = cell.includes(delimiter) || /["\r\n]/.test(cell);
  if (style === 2) return cell; // raw: whatever the cell holds breaks the record as it may
  if (must || style === 1) return `"${cell.replace(/"/g, '""')}"`;
  return cell;
}

/** Mostly nothing, now and then some. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T[]>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary });

/** A record: a valid row under the header, with some cells changed, cut short or made longer. */
const recordArbitrary = (names: readonly string[], fields: readonly (StatisticsFieldKey | null)[]) =>
  fc
    .tuple(
      unitStatisticsArbitrary().chain((row) =>
        fc.tuple(
          ...fields.map((field) =>
            field === null
              ? fc.constantFrom('', '', 'x', '备注内容')
              : spelled(field, (row as Record<string, unknown>)[field]),
          ),
        ),
      ),
      sometimes(
        fc.array(
          fc.tuple(fc.nat({ max: names.length - 1 }), fc.oneof(AWKWARD, fc.string({ maxLength: 6 }))),
          {
            minLength: 1,
            maxLength: 2,
          },
        ),
      ),
      fc.constantFrom('same', 'same', 'same', 'short', 'long'),
      // Mostly as a writer puts cells; now and then quoted for nothing (1) or raw (2).
      fc.array(
        fc.nat({ max: 39 }).map((n) => (n === 0 ? 1 : n === 1 ? 2 : 0)),
        { minLength: names.length + 1, maxLength: names.length + 1 },
      ),
    )
    .map(([cells, changes, length, styles]) => {
      const out = [...cells];
      for (const [i, value] of changes) out[i] = value;
      const sized = length === 'short' ? out.slice(0, -1) : length === 'long' ? [...out, '1'] : out;
      return { cells: sized, styles };
    });

const LINE_ENDS = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r\n', '\r');
const BLANK_LINES = fc.constantFrom('', ' ', ',,', '\u3000', ';');
const BAD_BYTES = fc.constantFrom(
  [0xff],
  [0xc3],
  [0xe6, 0x98],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xef, 0xbf, 0xbd],
);

/** A whole file as bytes, with its options. */
const fileArbitrary = fc
  .record({
    names: headerArbitrary,
    delimiter: fc.constantFrom(...DELIMITERS),
    bom: fc.boolean(),
    titles: fc.array(fc.constantFrom('社区统计表', '单位：户', ''), { maxLength: 2 }),
    limits: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      fc.record({
        maxFieldLength: fc.integer({ min: 3, max: 40 }),
        maxRecordLength: fc.integer({ min: 20, max: 300 }),
        maxFieldsPerRecord: fc.integer({ min: 2, max: 14 }),
      }),
    ),
  })
  .chain((file) => {
    const fields = fieldsOf(file.names);
    const line = fc.oneof(
      { weight: 12, arbitrary: recordArbitrary(file.names, fields).map((record) => ({ record })) },
      { weight: 1, arbitrary: BLANK_LINES.map((blank) => ({ blank })) },
    );
    return fc.record({
      file: fc.constant(file),
      lines: fc.array(fc.tuple(line, LINE_ENDS), { minLength: 5, maxLength: 50 }),
      lastEnd: fc.boolean(),
      damage: sometimes(fc.array(fc.tuple(fc.nat(), BAD_BYTES), { minLength: 1, maxLength: 2 })),
      cuts: fc.array(fc.noBias(fc.nat({ max: 1 << 20 })), { maxLength: 20 }),
      cutAfterHeader: fc.boolean(),
    });
  });

/** The fields of header names as the reader matches them (a repeated field is extra data). */
function fieldsOf(names: readonly string[]): (StatisticsFieldKey | null)[] {
  const byName = new Map<string, StatisticsFieldKey>();
  for (const key of STATISTICS_FIELD_KEYS) {
    for (const name of [key, statisticsField(key).label.zh, ...(statisticsField(key).aliases ?? [])])
      byName.set(name, key);
  }
  const seen = new Set<string>();
  return names.map((name) => {
    const field = byName.get(name) ?? null;
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

type GeneratedFile = typeof fileArbitrary extends fc.Arbitrary<infer T> ? T : never;

/**
 * A title line longer than the bytes a stream holds to detect the encoding (64 kB): the decoder starts, and the byte
 * reader takes over, after the header and not only at the end of a small file.
 */
const PADDING = `${'社区统计表'.repeat(4400)}\n`;

/** The file's bytes: BOM, titles, header, lines; then bytes that are not UTF-8 put in (after the header's line). */
function bytesOf({ file, lines, lastEnd, damage }: GeneratedFile): Uint8Array {
  const d = file.delimiter;
  let text = (file.bom ? '\uFEFF' : '') + PADDING;
  for (const title of file.titles) text += `${title}\n`;
  text += `${file.names.map((name) => written(name, d, 0)).join(d)}\r\n`;
  const headerBytes = utf8(text).length;
  lines.forEach(([content, end], i) => {
    const body =
      'blank' in content
        ? content.blank
        : content.record.cells.map((cell, j) => written(cell, d, content.record.styles[j] ?? 0)).join(d);
    text += i === lines.length - 1 && !lastEnd ? body : body + end;
  });
  let bytes = utf8(text);
  for (const [at, bad] of damage) {
    const where = headerBytes + (bytes.length > headerBytes ? at % (bytes.length - headerBytes) : 0);
    const out = new Uint8Array(bytes.length + bad.length);
    out.set(bytes.subarray(0, where));
    out.set(bad, where);
    out.set(bytes.subarray(where), where + bad.length);
    bytes = out;
  }
  return bytes;
}

/** Where the header's line ends in the file's bytes. */
function headerEnd({ file }: GeneratedFile): number {
  const titles = file.titles.map((title) => `${title}\n`).join('');
  const header = `${file.names.map((name) => written(name, file.delimiter, 0)).join(file.delimiter)}\r\n`;
  return utf8((file.bom ? '\uFEFF' : '') + PADDING + titles + header).length;
}

/** The file's bytes, cut anywhere from just before the header on (the first chunk holds the 64 kB of the detection). */
function chunkedFile(generated: GeneratedFile) {
  const bytes = bytesOf(generated);
  const options = { delimiter: generated.file.delimiter, ...(generated.file.limits ?? {}) };
  const start = utf8(PADDING).length - 100;
  const cuts = generated.cuts.map((at) => start + (at % (bytes.length - start + 1)));
  if (generated.cutAfterHeader) cuts.push(headerEnd(generated));
  return { bytes, chunks: cut(bytes, cuts), options };
}

describe('the byte reader', () => {
  test.prop([fileArbitrary], { numRuns: 400 })(
    'gives the string path’s events on any file, however its bytes are chunked',
    async (generated) => {
      const { bytes, chunks, options } = chunkedFile(generated);
      const events = await expectSamePaths(chunks, options);
      // The end counts the file's physical lines (the parallel reader shifts a range's lines by them): CR, LF and CRLF
      // one each, whatever the quotes, the limits' recoveries and the damaged bytes.
      const breaks =
        Buffer.from(bytes)
          .toString('latin1')
          .match(/\r\n|\r|\n/g)?.length ?? 0;
      expect(events.at(-1)).toMatchObject({ kind: 'end', lines: breaks });
    },
  );
});

describe('the byte reader with a sink (rows not kept)', () => {
  test.prop([fileArbitrary], { numRuns: 300 })(
    'gives the sink the string path’s rows (text fields not read) and the string path’s other events, however chunked',
    async (generated) => {
      const { chunks, options } = chunkedFile(generated);
      await expectSinkMatches(chunks, options);
    },
  );
});

/** A byte from the edges of UTF-8: lead bytes of every length, continuations, bytes it never holds, ASCII. */
const EDGE_BYTE = fc.constantFrom(
  0x2c,
  0x22,
  0x0a,
  0x0d,
  0x41,
  0x80,
  0x8f,
  0x90,
  0x9f,
  0xa0,
  0xbd,
  0xbf,
  0xc0,
  0xc1,
  0xc2,
  0xdf,
  0xe0,
  0xe6,
  0xed,
  0xef,
  0xf0,
  0xf4,
  0xf5,
  0xff,
);

describe('the byte reader with a sink, on names of any bytes', () => {
  test.prop(
    [
      fc.array(
        fc.oneof(
          fc.string({ maxLength: 6, unit: 'binary' }).map((text) => utf8(text)),
          fc.array(EDGE_BYTE, { maxLength: 6 }).map((bytes) => Uint8Array.from(bytes)),
          fc.constant(Uint8Array.from([0xef, 0xbf, 0xbd])),
          // A sequence of two to four bytes at UTF-8's edges: overlong forms, surrogates, past U+10FFFF, cut short.
          fc
            .tuple(
              fc.constantFrom(0xc2, 0xdf, 0xe0, 0xe6, 0xed, 0xef, 0xf0, 0xf1, 0xf4),
              fc.array(fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbd, 0xbf, 0xc0), {
                minLength: 1,
                maxLength: 3,
              }),
            )
            .map(([lead, rest]) => Uint8Array.from([lead, ...rest])),
        ),
        { minLength: 1, maxLength: 30 },
      ),
      fc.array(fc.nat(), { maxLength: 4 }),
    ],
    { numRuns: 500 },
  )(
    'takes a row only when its name is UTF-8 without U+FFFD, as the string path does',
    async (names, cuts) => {
      // The header in a chunk of its own and the encoding given: the byte reader reads every line after it.
      const header = utf8('统计用区划代码,名称,类型,户数\n');
      const parts: Uint8Array[] = [header];
      names.forEach((name, i) => {
        parts.push(utf8(`1101010010${String(10 + i)},`), name, utf8(`,居委会,${i}\n`));
      });
      const bytes = Uint8Array.from(parts.flatMap((part) => [...part]));
      const start = header.length;
      const points = [start, ...cuts.map((at) => start + (at % (bytes.length - start + 1)))];
      await expectSinkMatches(cut(bytes, points), { encoding: 'utf-8' });
    },
  );
});

describe('a source that reads every chunk into the same buffer', () => {
  it('gives each path the rows of the file, the chunks held for the encoding’s detection included', async () => {
    let text = '统计用区划代码,名称,类型,户数\n';
    for (let i = 1; i <= 5000; i++) text += `130123${100_000 + 2 * i + 1},社区${i},居委会,${i}\n`; // odd: never a township's 000
    const file = utf8(text); // ≈ 190 kB: the detection holds the first 64 kB, the byte reader reads the rest
    async function* reusing() {
      const buffer = Buffer.alloc(1000); // a Buffer: its slice is a view, a copy must be made otherwise
      for (let at = 0; at < file.length; at += buffer.length) {
        const piece = file.subarray(at, at + buffer.length);
        buffer.set(piece);
        yield buffer.subarray(0, piece.length);
      }
    }
    for (const bytePath of [false, true]) {
      const rows: string[] = [];
      let end: StreamEvent | undefined;
      for await (const batch of streamBatches(reusing(), {}, bytePath))
        for (const event of batch) {
          if (event.kind === 'row') rows.push(`${event.accepted.line}:${event.accepted.row.code}`);
          if (event.kind === 'end') end = event;
        }
      expect(rows).toHaveLength(5000);
      expect(rows[0]).toBe('2:130123100003');
      expect(rows[4999]).toBe('5001:130123110001');
      expect(end).toMatchObject({ counts: { read: 5000, accepted: 5000, rejected: 0 }, issues: [] });
    }
  });
});

// The byte reader gives the string parser whole lines where the source cut them anywhere: the parser must cut the same
// records however its text is chunked. It did not for a record over the record limit cut inside a field (found by
// the property above): the rest of the line was skipped from inside the field, its delimiters not counted.
describe('the string parser, chunked anywhere', () => {
  const parse = (pieces: readonly string[], options: CsvParserOptions) => {
    const parser = createCsvParser(options);
    const out: CsvRecord[] = [];
    for (const piece of pieces) for (const record of parser.push(piece)) out.push(record);
    for (const record of parser.end()) out.push(record);
    return out;
  };

  it('a record over the limit cut just before a delimiter keeps its last, empty field', () => {
    const line = '110101001001\t\t100\t居委会\t　\t否\t15014.71\t1000\t1\n';
    const options = { delimiter: '\t', maxFieldLength: 6, maxRecordLength: 24, maxFieldsPerRecord: 12 };
    // Kept: 6 + 0 + 3 + 3 + 1 + 1 + 6 + 4 = 24 characters, the limit: the field after 1000 is kept empty.
    const expected = [
      {
        line: 1,
        fields: ['110101', '', '100', '居委会', '　', '否', '15014.', '1000', ''],
        error: 'field_too_long',
      },
    ];
    expect(parse([line], options)).toEqual(expected);
    expect(parse([line.slice(0, 39), line.slice(39)], options)).toEqual(expected);
  });

  test.prop(
    [
      fc.string({ unit: fc.constantFrom('a', 'aaaa', ',', '\n', '\r', '"', '社'), maxLength: 40 }),
      fc.record({
        maxFieldLength: fc.integer({ min: 1, max: 6 }),
        maxRecordLength: fc.integer({ min: 1, max: 14 }),
        maxFieldsPerRecord: fc.integer({ min: 1, max: 5 }),
      }),
    ],
    { numRuns: 300 },
  )('cut in two anywhere, a text gives the records of the whole', (text, options) => {
    const whole = parse([text], options);
    for (let at = 0; at <= text.length; at++)
      expect(parse([text.slice(0, at), text.slice(at)], options)).toEqual(whole);
  });
});

describe('the byte reader, worked by hand', () => {
  /** A byte reader after the header, with a real parser and row reader; `parsed`: the text the string path got. */
  function setUp(header: string, more: Partial<ByteReaderParts> = {}) {
    const parser = createResumableCsvParser();
    const reader = createRowReader();
    const decoder = new TextDecoder();
    const parsed: string[] = [];
    const read = (text: string, into: EventSink) => {
      for (const record of parser.push(text)) {
        const event = reader.record(record);
        if (event !== undefined) into.push(event);
      }
    };
    const headerEvents: ReaderEvent[] = [];
    read(header, headerEvents);
    expect(headerEvents.map((event) => event.kind)).toEqual(['header']);
    const bytes = createByteRecordReader({
      parser,
      decode: (chunk) => decoder.decode(chunk, { stream: true }),
      parse: (text, into) => {
        parsed.push(text);
        read(text, into);
      },
      countAccepted: reader.countAccepted,
      fields: reader.fields,
      names: header.trim().split(','),
      delimiter: 44,
      longestLine: 10_000,
      decoderClean: true,
      ...more,
    });
    return { bytes, reader, parsed };
  }

  it('with a sink, takes rows whose names are characters at UTF-8’s edges and gives each other line to the string path', () => {
    const sunk: [number, string | undefined][] = [];
    const { bytes, reader, parsed } = setUp('统计用区划代码,名称,类型,户数\n', {
      sink: (row, line) => sunk.push([line, row.name]),
    });
    const valid = [
      [0xc2, 0x80], // U+0080
      [0xdf, 0xbf], // U+07FF
      [0xe0, 0xa0, 0x80], // U+0800
      [0xed, 0x9f, 0xbf], // U+D7FF, below the surrogates
      [0xee, 0x80, 0x80], // U+E000, above them
      [0xef, 0xbf, 0xbf], // U+FFFF
      [0xf0, 0x90, 0x80, 0x80], // U+10000
      [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF
    ];
    const invalid = [
      [0xc0, 0x80], // overlong U+0000
      [0xc2, 0x41], // a lead byte before ASCII
      [0xe0, 0x9f, 0xbf], // overlong U+07FF
      [0xed, 0xa0, 0x80], // U+D800, a surrogate
      [0xef, 0xbf, 0xbd], // U+FFFD itself
      [0xe6, 0x98], // cut short by the delimiter
      [0xf0, 0x8f, 0xbf, 0xbf], // overlong U+FFFF
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf0, 0x90, 0x80], // cut short
      [0xf5, 0x80, 0x80, 0x80], // a byte UTF-8 never holds
      [0x80], // a continuation byte alone
    ];
    const lines = [...valid, ...invalid].map((name, i) => [
      ...utf8(`1301231002${String(10 + i)},`),
      ...name,
      ...utf8(`,村委会,${i}\n`),
    ]);
    const events: ReaderEvent[] = [];
    bytes.push(Uint8Array.from(lines.flat()), events);
    // The valid names' rows went to the sink (lines 2–9, the name not read); each other line alone to the string path,
    // which refused it (its name is not what was written).
    expect(sunk).toEqual(valid.map((_, i) => [i + 2, undefined]));
    expect(parsed).toHaveLength(invalid.length);
    expect(parsed.map((text) => text.split(',')[0])).toEqual(
      invalid.map((_, i) => `1301231002${valid.length + 10 + i}`),
    );
    expect(parsed.every((text) => text.endsWith('\n') && text.includes('\uFFFD'))).toBe(true);
    expect(events.map((event) => (event.kind === 'rejected' ? event.rejected.line : event.kind))).toEqual(
      invalid.map((_, i) => valid.length + i + 2),
    );
    expect(reader.counts()).toMatchObject({
      read: lines.length,
      accepted: valid.length,
      rejected: invalid.length,
    });
  });

  it('gives the string path a line that is not plain whole, a character of four bytes in it or not', () => {
    const { bytes, parsed } = setUp('统计用区划代码,名称,类型,户数\n');
    const events: ReaderEvent[] = [];
    bytes.push(
      utf8('130123100201,"𠀀名",村委会,1\n130123100202,𠀀,村委会,2\n130123100203,"村",村委会,3\n'),
      events,
    );
    expect(parsed).toEqual(['130123100201,"𠀀名",村委会,1\n', '130123100203,"村",村委会,3\n']);
    expect(events.map((event) => (event.kind === 'row' ? event.accepted.row.name : event.kind))).toEqual([
      '𠀀名',
      '𠀀',
      '村',
    ]);
  });

  it('after a chunk the string path began, gives it only up to the first line end', () => {
    const { bytes, reader, parsed } = setUp('统计用区划代码,类型,户数\n', { decoderClean: false });
    const events: ReaderEvent[] = [];
    bytes.push(utf8('130123100201,村委会,1\n130123100202,村委会,2\n130123100203,村委会,3\n'), events);
    expect(parsed).toEqual(['130123100201,村委会,1\n']);
    expect(events.map((event) => (event.kind === 'row' ? event.accepted.line : event.kind))).toEqual([
      2, 3, 4,
    ]);
    expect(reader.counts()).toMatchObject({ read: 3, accepted: 3 });
  });

  it('reads plain lines itself and gives the others, whole, to the string path', () => {
    const { bytes, reader, parsed } = setUp(
      '统计用区划代码,名称,类型,户数,是否建有综合服务设施,综合服务设施建筑面积\n',
    );
    const events: ReaderEvent[] = [];
    bytes.push(
      utf8('130123100201,西上泽村,村委会,120,是,35.5\r\n130123100202,"东,村",村委会,80,否,\n1301'),
      events,
    );
    bytes.push(
      utf8('23100203,北村,村委会,很多,否,10.25\n\n130123100204, 南村 ,村委会,7,是,12.30\n1'),
      events,
    );
    expect(bytes.takeCarry()).toEqual(utf8('1'));
    // Line 3 has a quote, line 4 a count the byte converters decline (then rejected), line 5 is blank.
    expect(parsed).toEqual([
      '130123100202,"东,村",村委会,80,否,\n',
      '130123100203,北村,村委会,很多,否,10.25\n',
      '\n',
    ]);
    const rows = events.flatMap((event) => (event.kind === 'row' ? [event.accepted] : []));
    expect(rows).toStrictEqual([
      {
        line: 2,
        row: {
          code: '130123100201',
          name: '西上泽村',
          kind: 'village',
          households: 120,
          hasFacility: true,
          facilityArea: 35.5,
        },
      },
      {
        line: 3,
        row: { code: '130123100202', name: '东,村', kind: 'village', households: 80, hasFacility: false },
      },
      {
        line: 6,
        row: {
          code: '130123100204',
          name: '南村',
          kind: 'village',
          households: 7,
          hasFacility: true,
          facilityArea: 12.3,
        },
      },
    ]);
    expect(Object.keys(rows[0]?.row ?? {})).toEqual([
      'code',
      'name',
      'kind',
      'households',
      'hasFacility',
      'facilityArea',
    ]);
    const rejected = events.flatMap((event) => (event.kind === 'rejected' ? [event.rejected] : []));
    expect(rejected.map((row) => [row.line, row.cells[3], row.issues[0]?.path])).toEqual([
      [4, '很多', ['households']],
    ]);
    expect(reader.counts()).toEqual({ read: 4, accepted: 3, rejected: 1, blankLines: 1, titleLines: 0 });
  });

  it('gives the string path a chunk that holds U+FFFD, and the rest of a chunk after a quote left open', () => {
    const { bytes, reader, parsed } = setUp('统计用区划代码,类型,户数\n');
    const events: ReaderEvent[] = [];
    const damaged = new Uint8Array([
      ...utf8('130123100201,村委会,1\n130123100202,村'),
      0xff,
      ...utf8(',2\n'),
    ]);
    bytes.push(damaged, events);
    expect(parsed).toHaveLength(1); // the whole chunk: its text is not what was written
    bytes.push(utf8('130123100203,村委会,3\n130123100204,"村委\n会",4\n130123100205,村委会,5\n'), events);
    bytes.push(utf8('130123100206,村委会,6\n'), events);
    // Line 5 opens a quote closed on line 6 (a kind that is not one): from there the chunk is the parser's; line 8, in
    // the next chunk, is not.
    expect(parsed.slice(1)).toEqual(['130123100204,"村委\n', '会",4\n130123100205,村委会,5\n']);
    expect(
      events.map((event) =>
        event.kind === 'row'
          ? event.accepted.line
          : `${event.kind} ${'rejected' in event ? event.rejected.line : ''}`,
      ),
    ).toEqual([2, 'rejected 3', 4, 'rejected 5', 7, 8]);
    expect(reader.counts()).toMatchObject({ read: 6, accepted: 4, rejected: 2 });
  });

  it.each([
    ['a Uint8Array', new Uint8Array(64)],
    ['a Node Buffer (whose slice is a view)', Buffer.alloc(64)],
  ])(
    'keeps its own copy of the bytes after the last line end: a source may reuse %s for the next chunk',
    (_, buffer) => {
      const { bytes, reader } = setUp('统计用区划代码,类型,户数\n');
      const events: ReaderEvent[] = [];
      // One array read into again and again, as a loop over `read(buffer)` does; each chunk ends inside a line.
      const push = (text: string) => {
        const chunk = utf8(text);
        buffer.set(chunk);
        bytes.push(buffer.subarray(0, chunk.length), events);
      };
      push('130123100201,村委会,1\n1301231');
      push('00202,村委会,2\n130123100203,村');
      push('委会,3\n');
      expect(
        events.map((event) =>
          event.kind === 'row' ? [event.accepted.line, event.accepted.row.code] : event.kind,
        ),
      ).toEqual([
        [2, '130123100201'],
        [3, '130123100202'],
        [4, '130123100203'],
      ]);
      expect(reader.counts()).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    },
  );
});
