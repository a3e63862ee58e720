import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { maskIdNumbersInText } from '../../src/core/mask.js';
import { ByteOutput } from '../../src/report/byte-output.js';
import { createJsonByteWriter, writeJsonRowsAsBytes } from '../../src/report/json-bytes.js';
import { createJsonSerializer, jsonNumberText } from '../../src/report/json-text.js';
import { createByteSink, createChunkSink } from '../../src/report/sink.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The bytes the writer gives each row, one output (memo state carried from row to row, as in a table). */
function bytesOfRows(rows: readonly unknown[], constantKeys: readonly string[]): Uint8Array[] {
  const write = createJsonByteWriter({ constantKeys });
  const out = new ByteOutput(16); // tiny, so that growing is exercised
  return rows.map((row) => {
    out.used = 0;
    write(row, out);
    return out.bytes.slice(0, out.used);
  });
}

function expectSameAsText(rows: readonly unknown[], constantKeys: readonly string[] = []): void {
  const serialize = createJsonSerializer({ constantKeys });
  const bytes = bytesOfRows(rows, constantKeys);
  rows.forEach((row, i) => {
    expect(bytes[i]).toEqual(encoder.encode(serialize(row)));
  });
}

/** Strings that take every path: plain ASCII, ID-shaped, escapes, Chinese, lone surrogates, long ones. */
const text = fc.oneof(
  fc.constantFrom(
    '130123000000',
    'facilityAreaPer100Households',
    '北京市',
    '11010519491231002X',
    '110105 19491231 002X',
    'x'.repeat(15),
    '1234567890123X',
    '"quoted"',
    'back\\slash',
    '\u0001',
    '\ud800',
    '😀',
    '',
    'a'.repeat(300),
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.stringMatching(/^[0-9Xx -]{10,24}$/),
  // An ID number written in a mix of the digit scripts the detector reads, inside Chinese text.
  fc
    .array(fc.constantFrom(0x30, 0xff10, 0x0660, 0x06f0), { minLength: 17, maxLength: 17 })
    .map(
      (zeros) =>
        `身份证${[...'11010519491231002'].map((d, i) => String.fromCharCode((zeros[i] as number) + Number(d))).join('')}X号`,
    ),
  // Messages of findings: Chinese, digits of every script the ID detector reads, separators, near 15 ID characters.
  fc
    .array(
      fc.constantFrom(
        '社',
        '区',
        '，',
        '1',
        '9',
        'X',
        '１',
        '٣',
        '۷',
        'Ⅹ',
        '-',
        '.',
        ' ',
        '\u3000',
        '"',
        'é',
        '😀',
        '\u2028',
      ),
      { maxLength: 40 },
    )
    .map((characters) => characters.join('')),
);
const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.integer({ min: -1e12, max: 1e12 }).map((n) => n / 100),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 10),
  fc.constantFrom(
    -0,
    0.05,
    79.8,
    1e13,
    1e13 - 1,
    -(1e13 - 1),
    9999999999.99,
    1e10,
    1e-7,
    1101054912310021,
    4.2e21,
    26.03093883357041,
    0.1,
    0.09999999999999999,
    99999999999999.98,
    0.0000012345678901234567,
    -0.12345678901234568,
  ),
  // Where a long number's text is or is not read by the masker: small fractions, 14 to 16 integer digits.
  fc.double({ min: 1e-7, max: 0.2, noNaN: true }),
  fc.double({ min: 1e12, max: 1e16, noNaN: true }),
);
const constant = fc.record(
  { comparator: fc.constantFrom('>=', '='), value: number, source: text, quote: text },
  { requiredKeys: ['comparator', 'value'] },
);

/** Table-like rows: a few shapes, shared constant objects (sometimes mutated between rows), repeated names. */
const tableRows = fc
  .tuple(fc.array(constant, { minLength: 1, maxLength: 3 }), fc.array(text, { minLength: 1, maxLength: 3 }))
  .chain(([constants, names]) =>
    fc.array(
      fc.record(
        {
          region: text,
          name: fc.nat({ max: names.length - 1 }).map((i) => names[i]),
          value: fc.oneof(number, fc.constant(null)),
          flag: fc.boolean(),
          nested: fc.oneof(fc.constant(undefined), fc.array(number, { maxLength: 2 }), fc.jsonValue()),
          // A finding's parts: a message object of two texts, a path of keys and indexes, an actual number.
          message: fc.record({ zh: text, en: text }, { requiredKeys: ['zh'] }),
          path: fc.array(fc.oneof(text, fc.nat(), fc.constant(undefined)), { maxLength: 3 }),
          actual: number,
          target: fc.nat({ max: constants.length - 1 }).map((i) => constants[i]),
          mutate: fc.boolean(),
          gap: fc.oneof(number, fc.constant(undefined)),
        },
        { requiredKeys: ['region', 'value', 'target', 'mutate'] },
      ),
      { maxLength: 25 },
    ),
  )
  .map((rows) =>
    rows.map(({ mutate, ...row }) => {
      // A caller who mutates a shared constant between rows gets its current text.
      if (mutate) (row.target as { value: unknown }).value = 7.5;
      return row;
    }),
  );

describe('createJsonByteWriter', () => {
  test.prop([tableRows], { numRuns: 300 })(
    'writes the UTF-8 of the text serialiser, row after row',
    (rows) => {
      expectSameAsText(rows, ['target']);
      expectSameAsText(rows);
    },
  );

  test.prop([fc.array(fc.anything({ withNullPrototype: true, withBoxedValues: true }), { maxLength: 5 })])(
    'writes the UTF-8 of the text serialiser for any value, plain or not',
    (values) => {
      const rows = values.filter((value) => JSON.stringify(value) !== undefined);
      expectSameAsText(rows, ['a', '']);
      expectSameAsText(rows.map((value) => ({ a: value, b: value })));
    },
  );

  test.prop([number])('writes every number as String does (masked when long)', (value) => {
    expectSameAsText([{ value }]);
  });

  it('writes objects and arrays nested to any depth as the text path does, up to its limit of 64 and past it', () => {
    const nest = (depth: number, leaf: unknown): unknown =>
      depth === 0
        ? leaf
        : depth % 2 === 0
          ? { a: nest(depth - 1, leaf), b: [depth] }
          : [nest(depth - 1, leaf)];
    for (const depth of [1, 2, 3, 4, 5, 6, 30, 62, 63, 64, 65, 66, 80]) {
      expectSameAsText([{ deep: nest(depth, '社区 1') }], ['a']);
      expectSameAsText([{ deep: nest(depth, { toJSON: () => 'z' }) }]);
    }
  });

  it('reads a nested getter as often as the text path when a later value sends the row to JSON.stringify', () => {
    const rowOf = () => {
      let reads = 0;
      return {
        message: {
          get zh() {
            reads++;
            return `第 ${reads} 次`;
          },
        },
        path: [{ toJSON: () => 'p' }],
      };
    };
    const text = createJsonSerializer()(rowOf());
    expect(text).toBe('{"message":{"zh":"第 2 次"},"path":["p"]}');
    const out = new ByteOutput(4);
    createJsonByteWriter()(rowOf(), out);
    expect(decoder.decode(out.bytes.subarray(0, out.used))).toBe(text);
  });

  it('writes a finding’s message, path and actual value by hand-worked example', () => {
    const [bytes] = bytesOfRows(
      [
        {
          rule: 'facility.areaPer100Households',
          path: ['facilityArea', 0, undefined],
          message: {
            zh: '每百户综合服务设施面积 26 平方米，低于 30 平方米',
            en: '身份证１１０１０５１９４９１２３１００２Ｘ',
          },
          actual: 26.03093883357041,
          small: 0.0000012345678901234567,
        },
      ],
      [],
    );
    expect(decoder.decode(bytes)).toBe(
      '{"rule":"facility.areaPer100Households","path":["facilityArea",0,null],' +
        '"message":{"zh":"每百户综合服务设施面积 26 平方米，低于 30 平方米","en":"身份证１１０１０５********００２Ｘ"},' +
        '"actual":26.03093883357041,"small":0.0000012345678901234567}',
    );
  });

  it('writes numbers and strings by hand-worked examples', () => {
    const [bytes] = bytesOfRows(
      [
        {
          a: 79.8,
          b: -0,
          c: 0.05,
          d: -1234567.8,
          e: 1e13,
          f: '北京市',
          g: '11010519491231002X',
          h: 1101054912310021,
        },
      ],
      [],
    );
    expect(decoder.decode(bytes)).toBe(
      '{"a":79.8,"b":0,"c":0.05,"d":-1234567.8,"e":10000000000000,"f":"北京市","g":"110105********002X","h":110105******0021}',
    );
  });

  it('gives a constant its current text when it was mutated, then frozen, between rows', () => {
    const target = { comparator: '>=', value: 30 };
    const rows = [{ target }, { target }, { target }];
    const serialize = createJsonSerializer({ constantKeys: ['target'] });
    const write = createJsonByteWriter({ constantKeys: ['target'] });
    const out = new ByteOutput();
    const texts: string[] = [];
    rows.forEach((row, i) => {
      if (i === 1) {
        target.value = 40;
        Object.freeze(target);
      }
      out.used = 0;
      write(row, out);
      texts.push(decoder.decode(out.bytes.subarray(0, out.used)));
      expect(texts[i]).toBe(serialize(row));
    });
    expect(texts).toEqual([
      '{"target":{"comparator":">=","value":30}}',
      '{"target":{"comparator":">=","value":40}}',
      '{"target":{"comparator":">=","value":40}}',
    ]);
  });

  it('gives a constant its current text after its prototype changed, an array constant after its length changed', () => {
    // The remembered text was once given back when the keys and values were the same, though JSON.stringify would
    // now call a toJSON the object inherits, or write the nulls of an array grown by `length`.
    const reference = (row: unknown) =>
      maskIdNumbersInText(
        JSON.stringify(row, (_key, value) =>
          typeof value === 'string' ? maskIdNumbersInText(value) : value,
        ),
      );
    const target = { comparator: '>=', value: 30 };
    const list = [1, 2];
    const frozen = Object.freeze({ value: 1 });
    // The third row has no prototype, so only its frozen constant inherits the toJSON given to Object.prototype.
    const rows = [
      { target, list: 0 },
      { target: list },
      Object.assign(Object.create(null), { target: frozen }),
    ];
    const changes = [
      () => Object.setPrototypeOf(target, { toJSON: () => 'now' }),
      () => {
        list.length = 4;
      },
      () => Object.defineProperty(Object.prototype, 'toJSON', { value: () => 'all', configurable: true }),
    ];
    const worked = ['{"target":"now","list":0}', '{"target":[1,2,null,null]}', '{"target":"all"}'];
    try {
      rows.forEach((row, i) => {
        const serialize = createJsonSerializer({ constantKeys: ['target'] });
        const write = createJsonByteWriter({ constantKeys: ['target'] });
        const out = new ByteOutput();
        const texts = [0, 1].map((time) => {
          if (time === 1) (changes[i] as () => void)();
          out.used = 0;
          write(row, out);
          const bytes = decoder.decode(out.bytes.subarray(0, out.used));
          expect(serialize(row)).toBe(bytes);
          return bytes;
        });
        expect(texts[1]).toBe(reference(row));
        expect(texts[1]).toBe(worked[i]);
      });
    } finally {
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
    }
  });

  it('reads a frozen constant with a getter again in every row', () => {
    let calls = 0;
    const target = Object.freeze({
      get value() {
        calls++;
        return calls;
      },
    });
    const rows = [{ target }, { target }];
    // Read when written and when remembered (row 1), when compared and written again (row 2): never its first text.
    expect(bytesOfRows(rows, ['target']).map((b) => decoder.decode(b))).toEqual([
      '{"target":{"value":1}}',
      '{"target":{"value":4}}',
    ]);
  });

  it('writes a class instance, an array and a toJSON row as JSON.stringify does', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const rows = [new Point(1), [1, 'a'], { toJSON: () => 'z' }, { d: new Date(0) }];
    expect(bytesOfRows(rows, []).map((b) => decoder.decode(b))).toEqual([
      '{"x":1}',
      '[1,"a"]',
      '"z"',
      '{"d":"1970-01-01T00:00:00.000Z"}',
    ]);
  });

  it('writes an array with a toJSON (its own or Array.prototype’s) as JSON.stringify does, at every depth', () => {
    // JSON.stringify calls an array's toJSON as it calls an object's: the text path once wrote its elements instead.
    const withToJson = () =>
      Object.assign([1, '11010519491231002X'], { toJSON: () => 'a身份证11010519491231002X' });
    const rows = [
      withToJson(),
      { a: withToJson() },
      { a: [[[[[withToJson()]]]]] },
      { target: withToJson() },
      { message: { zh: [withToJson()] } },
    ];
    const expected = [
      '"a身份证110105********002X"',
      '{"a":"a身份证110105********002X"}',
      '{"a":[[[[["a身份证110105********002X"]]]]]}',
      '{"target":"a身份证110105********002X"}',
      '{"message":{"zh":["a身份证110105********002X"]}}',
    ];
    const serialize = createJsonSerializer({ constantKeys: ['target'] });
    expect(rows.map((row) => serialize(row))).toEqual(expected);
    expect(bytesOfRows(rows, ['target']).map((b) => decoder.decode(b))).toEqual(expected);
    const inherited = Object.getOwnPropertyDescriptor(Array.prototype, 'toJSON');
    Object.defineProperty(Array.prototype, 'toJSON', {
      value: () => 'list',
      configurable: true,
      writable: true,
    });
    try {
      const row = { path: ['a', 0], deep: [[[[[[1]]]]]] };
      const text = '{"path":"list","deep":"list"}';
      expect(createJsonSerializer()(row)).toBe(text);
      expect(decoder.decode(bytesOfRows([row], [])[0])).toBe(text);
    } finally {
      if (inherited === undefined) delete (Array.prototype as { toJSON?: unknown }).toJSON;
    }
  });

  it('reads a getter as often as the text path when a later value sends the row to JSON.stringify', () => {
    // The text path reads `count` once, stops at the toJSON, then JSON.stringify reads it again: the second read is
    // what it writes. The byte writer once read it a third time (its own pass, then the whole text path).
    const rowOf = () => {
      let reads = 0;
      return {
        get count() {
          reads++;
          return reads;
        },
        when: { toJSON: () => '2025' },
      };
    };
    const text = createJsonSerializer()(rowOf());
    expect(text).toBe('{"count":2,"when":"2025"}');
    const out = new ByteOutput(4);
    createJsonByteWriter()(rowOf(), out);
    expect(decoder.decode(out.bytes.subarray(0, out.used))).toBe(text);
  });

  it('takes back the bytes of a row whose getter throws: a caller that writes on has whole rows only', () => {
    const write = createJsonByteWriter();
    const out = new ByteOutput(4);
    write({ a: 1 }, out);
    const failing = {
      name: '西上泽村',
      nested: {
        first: 1,
        get second(): number {
          throw new Error('unreadable');
        },
      },
    };
    expect(() => write(failing, out)).toThrow('unreadable');
    expect(() => JSON.stringify(failing)).toThrow('unreadable');
    write({ b: 2 }, out);
    expect(decoder.decode(out.bytes.subarray(0, out.used))).toBe('{"a":1}{"b":2}');
  });
});

describe('jsonNumberText', () => {
  /** What it was before the masker was skipped for numbers from 0.1 to 10^14. */
  const maskedAlways = (value: number) => {
    if (!Number.isFinite(value)) return 'null';
    const text = JSON.stringify(value);
    return text.length < 15 ? text : maskIdNumbersInText(text);
  };

  test.prop([number], { numRuns: 2000 })('gives the masked text of every number', (value) => {
    expect(jsonNumberText(value)).toBe(maskedAlways(value));
  });

  // Numbers whose digits hold ID-shaped windows: the skip must not reach them.
  test.prop([fc.integer({ min: 100, max: 999_999 }), fc.integer({ min: 0, max: 1e6 })])(
    'masks the integer part of an ID-shaped decimal and never the fraction of a number from 0.1 to 10^14',
    (head, tail) => {
      const id = Number(`110105${String(head).padStart(6, '0')}${String(tail).padStart(6, '0')}`);
      for (const value of [id, id / 10, id / 1e4, id / 1e9, id / 1e17, -id / 1e5])
        expect(jsonNumberText(value)).toBe(maskedAlways(value));
    },
  );

  it('masks and leaves numbers by hand-worked examples', () => {
    expect(jsonNumberText(26.03093883357041)).toBe('26.03093883357041');
    expect(jsonNumberText(110105194912310020)).toBe('110105********0020');
    expect(jsonNumberText(Number.POSITIVE_INFINITY)).toBe('null');
  });
});

describe('writeJsonRowsAsBytes', () => {
  const collect = async (rows: readonly unknown[], layout: 'array' | 'lines', bytes: boolean) => {
    const chunks: (string | Uint8Array)[] = [];
    const sink = bytes
      ? createByteSink({ write: (chunk) => void chunks.push(chunk.slice()) }, 64)
      : createChunkSink({ write: (chunk) => void chunks.push(chunk) }, 7);
    await writeJsonRowsAsBytes(rows, sink, createJsonByteWriter(), layout);
    await sink.end();
    return chunks.map((chunk) => (typeof chunk === 'string' ? chunk : decoder.decode(chunk))).join('');
  };

  test.prop([fc.array(fc.jsonValue(), { maxLength: 40 }), fc.boolean()])(
    'lays rows out as a JSON array or JSON Lines, into text and byte sinks alike',
    async (rows, bytes) => {
      const serialize = createJsonSerializer();
      const texts = rows.map((row) => serialize(row));
      expect(await collect(rows, 'array', bytes)).toBe(
        texts.length === 0 ? '[]\n' : `[\n${texts.join(',\n')}\n]\n`,
      );
      expect(await collect(rows, 'lines', bytes)).toBe(texts.map((t) => `${t}\n`).join(''));
    },
  );

  it('writes an empty array and an array of two by hand', async () => {
    expect(await collect([], 'array', true)).toBe('[]\n');
    expect(await collect([{ a: 1 }, { a: '社区' }], 'array', false)).toBe('[\n{"a":1},\n{"a":"社区"}\n]\n');
    expect(await collect([{ a: 1 }, { a: 2 }], 'lines', true)).toBe('{"a":1}\n{"a":2}\n');
  });
});
