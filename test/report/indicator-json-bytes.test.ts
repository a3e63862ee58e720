/**
 * The writer of generated indicator rows (report/indicator-json-bytes.ts), which reads a row's keys by name in the
 * order INDICATOR_ROW_KEYS gives, held equal byte for byte to the general JSON byte writer — which writes each row's
 * own keys in their own order — on generated tables: every profile with generated targets and baselines, region
 * totals, external denominators, years, names that are hostile text; and where it must hand a row over whole.
 */
import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import type { DivisionDataset } from '../../src/codes/division-dataset.js';
import { INDICATOR_PROFILES } from '../../src/indicators/profiles.js';
import { INDICATOR_ROW_KEYS } from '../../src/indicators/row-builder.js';
import { type IndicatorRow, rowsFromSums } from '../../src/indicators/rows.js';
import { isGeneratedRows } from '../../src/indicators/table-rows.js';
import type { IndicatorProfile } from '../../src/indicators/types.js';
import { rowsOfYears } from '../../src/indicators/year-rows.js';
import { ByteOutput } from '../../src/report/byte-output.js';
import { INDICATOR_CONSTANT_KEYS, indicatorRowJsonWriter } from '../../src/report/indicator-json-bytes.js';
import { writeIndicatorRowsJson } from '../../src/report/json.js';
import { createJsonByteWriter, writeJsonRowsAsBytes } from '../../src/report/json-bytes.js';
import { writeIndicatorRowsNdjson } from '../../src/report/ndjson.js';
import { createByteSink } from '../../src/report/sink.js';
import { job } from '../helpers/row-arbitraries.js';

/** The bytes a writer gives, through a byte sink of small chunks. */
async function written(write: (sink: ReturnType<typeof createByteSink>) => Promise<void>): Promise<string> {
  const chunks: Uint8Array[] = [];
  const sink = createByteSink({ write: (bytes) => void chunks.push(bytes.slice()) }, 64);
  await write(sink);
  await sink.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** The same rows, behind an iterable that is not the generated rows': the general writer writes them. */
const behindWrapper = (make: () => Iterable<IndicatorRow>): Iterable<IndicatorRow> => ({
  [Symbol.iterator]: () => make()[Symbol.iterator](),
});

/** The general writer's bytes of rows, as a JSON array or JSON Lines (the reference: each row's own keys in order). */
const general = (rows: Iterable<IndicatorRow>, layout: 'array' | 'lines') =>
  written((sink) =>
    writeJsonRowsAsBytes(rows, sink, createJsonByteWriter({ constantKeys: INDICATOR_CONSTANT_KEYS }), layout),
  );
const generalJson = (rows: Iterable<IndicatorRow>) => general(rows, 'array');
const generalLines = (rows: Iterable<IndicatorRow>) => general(rows, 'lines');

/** Names that take every path of a string: plain, Chinese, escaped, ID-shaped, lone surrogates. */
const name = fc.oneof(
  fc.constantFrom(
    '北京市',
    '西上泽村',
    '11010519491231002X',
    '身份证１１０１０５１９４９１２３１００２Ｘ',
    '"引号"',
    'back\\slash',
    '\u0001',
    '\ud800',
    '😀',
    '',
    '社'.repeat(70),
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** A division list naming the regions of the arbitraries' townships (some of them). */
const divisions: fc.Arbitrary<DivisionDataset> = fc
  .dictionary(
    fc.constantFrom(
      '110000000000',
      '110100000000',
      '110105000000',
      '110105003000',
      '130000000000',
      '130123000000',
      '130123005000',
      '320102000000',
    ),
    name,
  )
  .map(
    (names) =>
      ({
        id: 'test',
        name: { zh: '测试', en: 'test' },
        source: 'test',
        referenceDate: '2025-12-31',
        divisions: new Map(Object.entries(names).map(([code, text]) => [code, { code, name: text }])),
      }) as unknown as DivisionDataset,
  );

const table = job.chain((generated) =>
  divisions.map((list) => ({ ...generated, options: { ...generated.options, divisions: list } })),
);

describe('generated rows are written with their keys read by name', () => {
  test.prop([table])(
    'JSON and JSON Lines: the general writer’s bytes',
    async ({ profile, sums, options, year }) => {
      const rows = () => rowsFromSums(sums, options, profile, year);
      const expected = await generalJson(behindWrapper(rows));
      expect(await written((sink) => writeIndicatorRowsJson(rows(), sink))).toBe(expected);
      expect(await written((sink) => writeIndicatorRowsJson(behindWrapper(rows), sink))).toBe(expected);
      const lines = await written((sink) => writeIndicatorRowsNdjson(rows(), sink));
      expect(lines).toBe(await generalLines(behindWrapper(rows)));
    },
  );

  test.prop([table])(
    'every generated row has some of INDICATOR_ROW_KEYS, in that order',
    ({ profile, sums, options, year }) => {
      for (const row of rowsFromSums(sums, options, profile, year)) {
        const keys = Object.keys(row);
        const positions = keys.map((key) => (INDICATOR_ROW_KEYS as readonly string[]).indexOf(key));
        expect(positions).not.toContain(-1);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }
    },
  );

  it('rows over years too', async () => {
    const sums = {
      keys: [110105003],
      data: Float64Array.from({ length: 7 * 3 }, (_, i) => i + 1),
      stride: 21,
    };
    const profile = INDICATOR_PROFILES.national;
    const rows = () => rowsOfYears(sums, [[2024, sums]], { asOf: '2025-12-31' }, profile, '14th');
    expect(isGeneratedRows(rows())).toBe(true);
    const text = await written((sink) => writeIndicatorRowsJson(rows(), sink));
    expect(text).toBe(await generalJson(behindWrapper(rows)));
    expect(text).toContain('"year":2024');
  });

  it('only the rows rowsFromSums and rowsOfTables give count as generated', () => {
    const sums = { keys: [110105003], data: new Float64Array(21), stride: 21 };
    const rows = rowsFromSums(sums, { asOf: '2025-12-31' }, INDICATOR_PROFILES.national);
    expect(isGeneratedRows(rows)).toBe(true);
    expect(isGeneratedRows([...rows])).toBe(false);
    expect(isGeneratedRows((function* () {})())).toBe(false);
    expect(isGeneratedRows(behindWrapper(() => rows))).toBe(false);
    expect(isGeneratedRows(null)).toBe(false);
    expect(isGeneratedRows(Object.create(Object.getPrototypeOf(rows)))).toBe(true); // the prototype is the brand
  });
});

describe('a row the general writer must judge is handed to it whole', () => {
  const sums = {
    keys: [110105003, 130123005],
    data: Float64Array.from({ length: 42 }, (_, i) => i * 7),
    stride: 21,
  };

  afterEach(() => {
    delete (Object.prototype as { toJSON?: unknown }).toJSON;
  });

  const national = INDICATOR_PROFILES.national;
  const withoutTargets: IndicatorProfile = {
    ...national,
    indicators: national.indicators.map(({ indicator }) => ({ indicator })),
  };

  it.each([
    ['with targets', national],
    ['without: no value of a row calls it', withoutTargets],
  ])('a toJSON given to Object.prototype, rows %s', async (_, profile) => {
    const rows = () => rowsFromSums(sums, { asOf: '2025-12-31' }, profile);
    Object.defineProperty(Object.prototype, 'toJSON', {
      value() {
        return { replaced: true };
      },
      configurable: true,
      writable: true,
    });
    const text = await written((sink) => writeIndicatorRowsJson(rows(), sink));
    expect(text).toBe(await generalJson(behindWrapper(rows)));
    expect(text).toContain('{"replaced":true}');
  });

  it('a custom target that is not plain data, and one with a toJSON', async () => {
    class Goal {
      comparator = '>=' as const;
      value = 50;
      year = 2025;
      confidence = 'seed' as const;
      source = '测试';
    }
    const profile: IndicatorProfile = {
      ...INDICATOR_PROFILES.national,
      indicators: INDICATOR_PROFILES.national.indicators.map((entry, i) => ({
        ...entry,
        target:
          i === 0
            ? (new Goal() as never)
            : i === 1
              ? ({ ...new Goal(), toJSON: () => '11010519491231002X' } as never)
              : entry.target,
      })) as IndicatorProfile['indicators'],
    };
    const rows = () => rowsFromSums(sums, { asOf: '2025-12-31' }, profile);
    const text = await written((sink) => writeIndicatorRowsJson(rows(), sink));
    expect(text).toBe(await generalJson(behindWrapper(rows)));
    expect(text).not.toContain('11010519491231002X');
  });

  it('a target whose getter throws: the row’s bytes are taken back before the error goes on', () => {
    const profile: IndicatorProfile = {
      ...national,
      indicators: national.indicators.map((entry, i) =>
        i === 1
          ? {
              ...entry,
              // A key the rows' figures do not read, only the writer (value, comparator and year judge the rows).
              target: {
                comparator: '>=',
                value: 50,
                year: 2025,
                confidence: 'seed',
                get source(): string {
                  throw new Error('unreadable target');
                },
              } as never,
            }
          : entry,
      ),
    };
    const rows = rowsFromSums(sums, { asOf: '2025-12-31' }, profile);
    const write = indicatorRowJsonWriter(rows);
    const out = new ByteOutput(8);
    const [first, second] = rows;
    write(first as IndicatorRow, out);
    const whole = out.used;
    expect(() => write(second as IndicatorRow, out)).toThrow('unreadable target');
    expect(out.used).toBe(whole);
  });
});

describe('keys a row does not have are not read from Object.prototype', () => {
  const sums = {
    keys: [110105003, 130123005],
    data: Float64Array.from({ length: 42 }, (_, i) => (i % 3 === 1 && i < 21 ? 0 : i * 7)),
    stride: 21,
  };
  const polluted: string[] = [];

  afterEach(() => {
    for (const key of polluted.splice(0)) delete (Object.prototype as Record<string, unknown>)[key];
  });

  // JSON.stringify and the general writer write a row's own keys only: a key given to Object.prototype (by a
  // dependency's bug, or an attacker's prototype pollution) is not the row's.
  // Every key, so that a key a later change makes optional is covered too; not `value`, which on Object.prototype
  // breaks property descriptors themselves (Object.defineProperty reads it from every descriptor).
  it.each(INDICATOR_ROW_KEYS.filter((key) => key !== 'value'))('Object.prototype.%s', async (key) => {
    const withoutTargets: IndicatorProfile = {
      ...INDICATOR_PROFILES.national,
      indicators: INDICATOR_PROFILES.national.indicators.map(({ indicator }) => ({ indicator })),
    };
    const rows = () => rowsFromSums(sums, { asOf: '2025-12-31' }, withoutTargets);
    polluted.push(key);
    Object.defineProperty(Object.prototype, key, {
      value: '11010519491231002X',
      configurable: true,
      writable: true,
      enumerable: false,
    });
    const text = await written((sink) => writeIndicatorRowsJson(rows(), sink));
    expect(text).toBe(await generalJson(behindWrapper(rows)));
    // Each row written with its own keys, and no row took the value as its own: not from the profile's entries either
    // (their `property`, `baseline` and `target` are read as own keys when the rows are prepared).
    const keysWritten = (JSON.parse(text) as object[]).map((row) => Object.keys(row));
    expect(keysWritten).toEqual([...rows()].map((row) => Object.keys(row)));
    expect(text).not.toContain('********');
  });
});

describe('generated rows whose iterator gives other rows', () => {
  const sums = { keys: [110105003], data: Float64Array.from({ length: 21 }, (_, i) => i + 1), stride: 21 };

  /** A `next` that gives `row` once, then ends. */
  const once = (row: object) => {
    let given = false;
    return (): IteratorResult<unknown> => {
      if (given) return { value: undefined, done: true };
      given = true;
      return { value: row, done: false };
    };
  };

  // The prototype says the rows are generated; an own `next`, or an own `step` (private in TypeScript only), says
  // what they are: rows with keys of their own, in their own order.
  it.each([
    ['an own next', 'next', { gap: 1, region: '110105003000', note: '备注' }],
    ['an own step', 'step', { asOf: '2025-12-31', region: '110105003000' }],
  ])('%s: the rows it gives are written with their own keys', async (_, method, row) => {
    const rows = () => {
      const made = rowsFromSums(sums, { asOf: '2025-12-31' }, INDICATOR_PROFILES.national);
      (made as unknown as Record<string, unknown>)[method] = once(row);
      return made;
    };
    const text = await written((sink) => writeIndicatorRowsJson(rows(), sink));
    expect(text).toBe(await generalJson(behindWrapper(rows)));
    expect(text).toBe(`[\n${JSON.stringify(row)}\n]\n`);
  });
});

describe('runs of fields whose bytes recur are copied only while they are the same', () => {
  const sums = {
    keys: [110105003, 110105004, 130123005],
    data: Float64Array.from({ length: 63 }, (_, i) => (i % 9 === 1 ? 0 : i * 7)),
    stride: 21,
  };

  // A run's bytes are kept with the values they were written from and copied while the next row's values are the
  // same: sound for strings, numbers and the like, whose bytes under a key the value fixes, but not for an object,
  // whose contents may change between rows (a custom profile's unit with a getter, say).
  it('an object among a run’s values is written anew on every row, as the general writer writes it', async () => {
    let reads = 0;
    const unit = {
      get text(): string {
        reads++;
        return `单位${reads}`;
      },
    };
    const profile: IndicatorProfile = {
      ...INDICATOR_PROFILES.national,
      indicators: INDICATOR_PROFILES.national.indicators.map((entry, i) =>
        i === 0
          ? { indicator: { ...entry.indicator, unit: { zh: '单位', en: unit as never } } }
          : { indicator: entry.indicator },
      ),
    };
    const rows = () => rowsFromSums(sums, { asOf: '2025-12-31' }, profile);
    reads = 0;
    const expected = await generalJson(behindWrapper(rows));
    reads = 0;
    const text = await written((sink) => writeIndicatorRowsJson(rows(), sink));
    expect(text).toBe(expected);
    // Each row of the first indicator read the getter anew (its bytes were not copied from the row before).
    expect(text).toContain('"unit":{"text":"单位1"}');
    expect(text).toContain('"unit":{"text":"单位2"}');
  });

  it('a run that changes within an indicator’s rows (a zero denominator’s reason) is written anew', async () => {
    const withoutTargets: IndicatorProfile = {
      ...INDICATOR_PROFILES.national,
      indicators: INDICATOR_PROFILES.national.indicators.map(({ indicator }) => ({ indicator })),
    };
    const rows = () => rowsFromSums(sums, { asOf: '2025-12-31' }, withoutTargets);
    const text = await written((sink) => writeIndicatorRowsJson(rows(), sink));
    expect(text).toBe(await generalJson(behindWrapper(rows)));
    expect(text).toContain('"reason":"zero-denominator"');
    expect(text).toMatch(/"value":[0-9.]+,"unit"/);
  });
});

describe('runs past their memory’s limits, values a memo could take for the same', () => {
  const national = INDICATOR_PROFILES.national.indicators;
  // NaN (never equal to itself), -0 (equal to 0, written as 0 by both writers), numbers the writers mask, ID-shaped text.
  const figure = fc.oneof(fc.constantFrom(0, -0, Number.NaN, 1e21, 110105194912310020, -1), fc.double());
  const text = fc.oneof(
    fc.constantFrom('%', '11010519491231002X', '"引号"', '\\', '\ud800', ''),
    fc.string({ maxLength: 6 }),
  );
  const entry = fc.record({
    base: fc.nat(national.length - 1),
    id: fc.oneof(
      text,
      fc.nat(80).map((n) => `i${n}`),
    ),
    unit: text,
    property: fc.option(text, { nil: undefined }),
    target: fc.option(
      fc.record({
        comparator: fc.constantFrom('>=', '>', '=', '<='),
        value: figure,
        year: fc.integer({ min: 2019, max: 2032 }),
      }),
      { nil: undefined },
    ),
  });
  type EntryValue = typeof entry extends fc.Arbitrary<infer T> ? T : never;
  const profileOf = (entries: readonly EntryValue[]): IndicatorProfile => ({
    ...INDICATOR_PROFILES.national,
    indicators: entries.map((e) => ({
      indicator: {
        ...(national[e.base] as (typeof national)[number]).indicator,
        id: e.id,
        unit: { zh: e.unit, en: e.unit },
        property: e.property as never,
      },
      ...(e.target === undefined
        ? {}
        : { target: { ...e.target, confidence: 'seed', source: '测试' } as never }),
    })),
  });
  const sumsOf = (indicators: number, townships: number, seed: number) => {
    const stride = indicators * 3;
    const keys = Array.from({ length: townships }, (_, i) => 110105000 + i);
    // Zero denominators now and then (a reason in the middle run), figures that repeat and that do not.
    const data = Float64Array.from({ length: townships * stride }, (_, i) =>
      (i * 7919 + seed) % 13 === 0 ? 0 : (i * 31 + seed) % 97,
    );
    return { keys, data, stride };
  };

  // Over 64 indicator ids (their runs forgotten together and made again), and over 1 024 rows of an indicator (a run
  // decided to recur rarely is no longer compared): both writers' bytes, JSON and JSON Lines.
  test.prop(
    [
      fc.oneof(
        fc.tuple(fc.array(entry, { minLength: 65, maxLength: 80 }), fc.integer({ min: 1, max: 12 })),
        fc.tuple(fc.array(entry, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1100, max: 1300 })),
      ),
      fc.option(fc.oneof(fc.integer({ min: 2019, max: 2031 }), figure), { nil: undefined }),
      fc.nat(1000),
    ],
    { numRuns: 20 },
  )('the general writer’s bytes', async ([entries, townships], year, seed) => {
    const profile = profileOf(entries);
    const sums = sumsOf(entries.length, townships, seed);
    const options = { asOf: '2025-12-31', groupBy: ['township', 'county'] as ('township' | 'county')[] };
    const rows = () => rowsFromSums(sums, options, profile, year as number | undefined);
    expect(await written((sink) => writeIndicatorRowsJson(rows(), sink))).toBe(
      await generalJson(behindWrapper(rows)),
    );
    expect(await written((sink) => writeIndicatorRowsNdjson(rows(), sink))).toBe(
      await generalLines(behindWrapper(rows)),
    );
  });
});
