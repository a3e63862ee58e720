import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createIndicatorAccumulator } from '../../src/indicators/parts.js';
import type { IndicatorProfileName } from '../../src/indicators/profiles.js';
import { INDICATOR_PROFILES } from '../../src/indicators/profiles.js';
import { unitStatisticsToCsv } from '../../src/io/write.js';
import { STATISTICS_FIELD_KEYS, statisticsField } from '../../src/model/fields.js';
import type { UnitStatistics } from '../../src/model/unit-statistics.js';
import {
  computeIndicatorsFromSource,
  finishIndicatorsJob,
  type IndicatorsFromSourceOptions,
  prepareIndicatorsJob,
} from '../../src/pipeline/indicators.js';
import { readSourceWith } from '../../src/pipeline/job.js';
import { statisticsRowArbitrary } from '../../src/testing/index.js';

// When the indicators job keeps no row, the byte reader hands the accumulator views of its values instead of rows
// (io/values-view.ts) and no events for them. The job must give exactly what it gives with rows built: the same
// counts, rejected rows, issues (a repeated total, its line), years, parts and indicator rows, on files of every kind
// of row with bad lines among them, cut into chunks anywhere.

/** A title longer than the 64 kB the stream holds to detect the encoding: the byte reader reads what follows. */
const PADDING = `${'社区统计表'.repeat(4400)}\n`;

const BAD_LINES = [
  '130123100201,某村,村委会,,,很多', // a number that is not one
  '130123100000,某村,村委会', // a township code on a village
  '"130123100202",某村,村委会,,,12', // quoted: the string path
  '130123100203,某村,居委会,,,１２', // full-width digits: the string path, accepted
  '130123100204,某村\uFFFD,村委会', // a damaged character (U+FFFD in the file)
  '',
];

/** Unit rows whose cells are each plain but that do not hold together: the byte reader must refuse them too. */
const FAULTS: Readonly<Record<string, Partial<Record<string, unknown>>>> = {
  townshipField: { hasCivicCenter: true },
  partAboveWhole: { surveyRespondents: 5, satisfiedRespondents: 9 },
  noKind: { kind: undefined },
};

const faultyRow = fc
  .tuple(statisticsRowArbitrary(['community', 'village']), fc.constantFrom(...Object.keys(FAULTS)))
  .map(([row, fault]) => ({ ...row, ...FAULTS[fault] }) as UnitStatistics);

const fileArbitrary = fc.record({
  rows: fc.array(statisticsRowArbitrary(), { minLength: 1, maxLength: 30 }),
  faulty: fc.array(fc.tuple(fc.nat(), faultyRow), { maxLength: 3 }),
  repeats: fc.array(fc.nat(), { maxLength: 4 }),
  bad: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_LINES)), { maxLength: 4 }),
  cuts: fc.array(fc.noBias(fc.nat({ max: 1 << 16 })), { maxLength: 6 }),
});

type GeneratedFile = typeof fileArbitrary extends fc.Arbitrary<infer T> ? T : never;

/**
 * The file's bytes cut into chunks: rows (some repeated: a second total of a region), rows that do not hold together
 * and bad lines put in.
 */
function chunksOf({ rows, faulty, repeats, bad, cuts }: GeneratedFile): Uint8Array[] {
  const repeated = [...rows, ...repeats.map((at) => rows[at % rows.length] as UnitStatistics)];
  for (const [at, row] of faulty) repeated.splice(at % repeated.length, 0, row);
  const lines = unitStatisticsToCsv(repeated).split('\r\n');
  for (const [at, line] of bad) lines.splice(1 + (at % lines.length), 0, line);
  const bytes = new TextEncoder().encode(PADDING + lines.join('\n'));
  const start = new TextEncoder().encode(PADDING).length;
  // Always a cut after the header too: the byte reader reads the chunks after the one the header was found in.
  const afterHeader = new TextEncoder().encode(`${PADDING}${lines[0]}\n`).length;
  const points = [...new Set([afterHeader, ...cuts.map((at) => start + (at % (bytes.length - start)))])].sort(
    (a, b) => a - b,
  );
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(bytes.slice(from, point));
    from = point;
  }
  chunks.push(bytes.slice(from));
  return chunks;
}

/** The job's result, read with rows built or with views; and how many rows came as views. */
async function run(
  chunks: readonly Uint8Array[],
  transient: boolean,
  options: IndicatorsFromSourceOptions = {},
) {
  const prepared = prepareIndicatorsJob({ asOf: '2025-12-31', ...options });
  if (!prepared.success) throw new Error('bad options');
  const job = prepared.data;
  let views = 0;
  const add = (row: UnitStatistics, line: number) => {
    if (!Object.hasOwn(row, 'code')) views++;
    job.add(row, line);
  };
  async function* source() {
    yield* chunks;
  }
  const input = await readSourceWith(source(), job.settings, add, transient);
  const result = finishIndicatorsJob(job, input);
  const { rows: _rows, parts: _parts, ...rest } = result;
  return { views, rest, parts: result.parts(), rows: [...result.rows()] };
}

describe('the indicators job with rows never built', () => {
  test.prop([fileArbitrary], { numRuns: 60 })(
    'gives what it gives with rows built, on any rows and bad lines, however chunked',
    async (file) => {
      const chunks = chunksOf(file);
      const built = await run(chunks, false);
      const viewed = await run(chunks, true);
      expect(built.views).toBe(0);
      expect(viewed.rest).toStrictEqual(built.rest);
      expect(viewed.parts).toStrictEqual(built.parts);
      expect(viewed.rows).toStrictEqual(built.rows);
    },
  );

  it('reads plain unit rows as views, and counts them as rows: 2 of 3 villages with a facility', async () => {
    const head = `${PADDING}统计用区划代码,名称,类型,户数,是否建有综合服务设施,备注\n`;
    const body =
      '130123100201,甲村,村委会,300,是,x\n130123100202,乙村,村委会,200,否,\n130123100203,丙村,村委会,100,是,\n';
    // The header in a chunk of its own: the byte reader reads the chunks after the one the header was found in.
    const chunks = [new TextEncoder().encode(head), new TextEncoder().encode(body)];
    const viewed = await run(chunks, true, { groupBy: ['township'] });
    expect(viewed.views).toBe(3);
    expect(viewed.rest.counts).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    const coverage = viewed.rows.find((row) => row.indicator === 'ruralFacilityCoverage');
    expect([coverage?.numerator, coverage?.denominator]).toEqual([2, 3]);
    expect(viewed.rows).toStrictEqual((await run(chunks, false, { groupBy: ['township'] })).rows);
  });
});

describe('the chunk the header is found in', () => {
  // 60 bytes of header (63 with a BOM), then 2 000 rows of 27 bytes in the same chunk: the first piece ends with the
  // first LF at or past byte 4 095, the 150th row's (60 + 150 × 27 − 1 = 4 109; 4 112 with the BOM); the other 1 850
  // rows are views. The decoder starts at once, holding nothing for detection: the encoding is given, or a BOM says it.
  const header = '统计用区划代码,类型,是否建有综合服务设施\n';
  const rows = Array.from({ length: 2000 }, (_, i) => `130123${String(100_001 + 2 * i)},村委会,是\n`).join(
    '',
  );
  it.each([
    ['the encoding given', header, { read: { encoding: 'utf-8' } } as const],
    ['a BOM', `\uFEFF${header}`, {}],
  ])('is the string path’s only up to the first line end past 4 KiB (%s)', async (_, head, options) => {
    const bytes = new TextEncoder().encode(head + rows);
    expect(bytes.length).toBe(new TextEncoder().encode(head).length + 2000 * 27);
    const viewed = await run([bytes], true, options);
    expect(viewed.views).toBe(1850);
    expect(viewed.rest.counts).toMatchObject({ read: 2000, accepted: 2000, rejected: 0 });
    expect(viewed.rows).toStrictEqual((await run([bytes], false, options)).rows);
  });
});

describe('the accumulators the byte reader hands views to', () => {
  // A sink's view reads its text fields as `undefined` (the byte reader does not decode them): no built-in profile
  // may read one.
  const TEXT_FIELDS: readonly string[] = STATISTICS_FIELD_KEYS.filter(
    (key) => statisticsField(key).kind === 'text',
  );

  it('has text fields to guard', () => {
    expect(TEXT_FIELDS).toContain('name');
  });

  test.prop([statisticsRowArbitrary(['community', 'village'])], { numRuns: 200 })(
    'read no text field of a unit row, in any built-in profile',
    (row) => {
      const read: string[] = [];
      const guarded = new Proxy(row, {
        get(target, key, receiver) {
          if (typeof key === 'string' && TEXT_FIELDS.includes(key)) read.push(key);
          return Reflect.get(target, key, receiver);
        },
      });
      for (const profile of Object.keys(INDICATOR_PROFILES) as IndicatorProfileName[])
        createIndicatorAccumulator({ profile }).add(guarded);
      expect(read).toEqual([]);
    },
  );
});

describe('progress and abort when rows go straight into the sums', () => {
  // 40 chunks of 25 village rows after the header's chunk: every row is a view, no chunk gives an event.
  const head = new TextEncoder().encode(`${PADDING}统计用区划代码,类型,是否建有综合服务设施\n`);
  const chunks = Array.from({ length: 40 }, (_, k) =>
    new TextEncoder().encode(
      Array.from({ length: 25 }, (_, i) => `130123${String(100_001 + 2 * (25 * k + i))},村委会,是\n`).join(
        '',
      ),
    ),
  );

  it('reports progress after each chunk (not only at the end): 25, 50, … 1 000 rows', async () => {
    const seen: number[] = [];
    async function* source() {
      yield head;
      yield* chunks;
    }
    const job = await computeIndicatorsFromSource(source(), { onProgress: ({ read }) => seen.push(read) });
    expect(job.success && job.data.counts).toMatchObject({ read: 1000, accepted: 1000, rejected: 0 });
    for (let k = 1; k <= 40; k++) expect(seen).toContain(25 * k);
  });

  it('stops at an abort between chunks, the rest of the source never read', async () => {
    let given = 0;
    async function* source() {
      yield head;
      for (const chunk of chunks) {
        given++;
        yield chunk;
      }
    }
    const controller = new AbortController();
    const job = computeIndicatorsFromSource(source(), {
      onProgress: ({ read }) => {
        if (read >= 100) controller.abort(new Error('enough'));
      },
      signal: controller.signal,
    });
    await expect(job).rejects.toThrow('enough');
    expect(given).toBeLessThan(10);
  });
});
