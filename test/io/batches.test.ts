import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  streamUnitStatistics,
  streamUnitStatisticsBatches,
  unitStatisticsToCsv,
} from '../../src/io/index.js';
import {
  streamUnitStatisticsXlsx,
  streamUnitStatisticsXlsxBatches,
  unitStatisticsToXlsx,
} from '../../src/io/xlsx.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function* chunked(text: string, cuts: readonly number[]): AsyncGenerator<string> {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(text.length, cut);
    if (end > at) yield text.slice(at, end);
    at = Math.max(at, end);
  }
  if (at < text.length) yield text.slice(at);
}

describe('events in batches', () => {
  it('one batch per chunk, the end event last', async () => {
    async function* file() {
      yield '统计用区划代码,类型\n130123100201,村委会\n';
      yield '130123100202,村委会\n';
    }
    const batches = await collect(streamUnitStatisticsBatches(file()));
    expect(batches.map((batch) => batch.map((event) => event.kind))).toEqual([
      ['header', 'row'],
      ['row'],
      ['end'],
    ]);
  });

  test.prop([
    fc.array(unitStatisticsArbitrary(), { maxLength: 30 }),
    fc.array(fc.nat({ max: 4000 }), { maxLength: 8 }),
  ])('flattened, they are the events of the stream, however the text is chunked', async (rows, cuts) => {
    const csv = `${unitStatisticsToCsv(rows)}130123100201,"stray\n`;
    const flat = (await collect(streamUnitStatisticsBatches(chunked(csv, cuts)))).flat();
    expect(flat).toEqual(await collect(streamUnitStatistics(chunked(csv, []))));
    expect(flat.at(-1)?.kind).toBe('end');
    expect(flat.filter((event) => event.kind === 'end')).toHaveLength(1);
  });

  it('for workbooks too', async () => {
    const bytes = await unitStatisticsToXlsx([
      { code: '130123100201', kind: 'village' },
      { code: '130123100202', kind: 'village', households: 5 },
    ]);
    const batches = await collect(streamUnitStatisticsXlsxBatches(bytes));
    expect(batches.flat()).toEqual(await collect(streamUnitStatisticsXlsx(bytes)));
    expect(batches.at(-1)?.at(-1)?.kind).toBe('end');
  });
});
