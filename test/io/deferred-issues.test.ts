import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readUnitStatistics, streamUnitStatisticsBatches } from '../../src/io/index.js';
import { ONE_RANGE_BELOW_BYTES, rangeCount } from '../../src/pipeline/one-range.js';

// The streaming reader leaves a refused row's issues to the zod reporter, imported when the batch holding the row is
// complete (so that a file of valid rows loads no zod); the in-memory reader reports each row at once. Both must say
// the same of every row, however the text is chunked, and no batch may be handed out with a row still unexplained.

async function* chunked(text: string, cuts: readonly number[]): AsyncGenerator<string> {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(text.length, cut);
    if (end > at) yield text.slice(at, end);
    at = Math.max(at, end);
  }
  if (at < text.length) yield text.slice(at);
}

const HEADER = '统计用区划代码,类型,户数,综合服务设施建筑面积';

/** A line of valid and invalid cells alike: a bad code, kind, count or area each refuses the row. */
const lineArbitrary = fc
  .tuple(
    fc.constantFrom('130123100201', '130123001001', '130123100000', '13012310020', 'abc', ''),
    fc.constantFrom('村委会', '居委会', '街道', '很多'),
    fc.constantFrom('612', '-5', '很多', '1.5', ''),
    fc.constantFrom('210.3', '100.125', '-1', ''),
  )
  .map((cells) => cells.join(','));

describe('the refused rows of the streaming reader', () => {
  test.prop([fc.array(lineArbitrary, { maxLength: 40 }), fc.array(fc.nat({ max: 1500 }), { maxLength: 8 })])(
    'have the issues the in-memory reader gives, in every batch, however the text is chunked',
    async (lines, cuts) => {
      const csv = `${HEADER}\n${lines.join('\n')}\n`;
      const expected = readUnitStatistics(csv);
      const rejected = [];
      const accepted = [];
      for await (const batch of streamUnitStatisticsBatches(chunked(csv, cuts)))
        for (const event of batch) {
          // Complete when handed out: never an empty list of reasons.
          if (event.kind === 'rejected') expect(event.rejected.issues.length).toBeGreaterThan(0);
          if (event.kind === 'rejected') rejected.push(event.rejected);
          if (event.kind === 'row') accepted.push(event.accepted);
        }
      expect(rejected).toEqual(expected.rejected);
      expect(accepted).toEqual(expected.accepted);
    },
  );

  it('are complete in the first batch even when the reader stops after it', async () => {
    async function* file() {
      yield `${HEADER}\n130123100202,村委会,-5,100\n`;
      yield '130123100203,村委会,7,100\n';
    }
    for await (const batch of streamUnitStatisticsBatches(file())) {
      const refused = batch.find((event) => event.kind === 'rejected');
      expect(refused?.kind === 'rejected' && refused.rejected.issues).toEqual([
        {
          code: 'invalid_value',
          path: ['households'],
          line: 2,
          column: '户数',
          value: '-5',
          severity: 'error',
          message: { zh: '值应不小于 0', en: 'The value must be at least 0' },
        },
      ]);
      break;
    }
  });
});

describe('the small-file shortcut of computeIndicatorsFromFile', () => {
  test.prop([fc.nat({ max: ONE_RANGE_BELOW_BYTES - 1 }), fc.option(fc.integer({ min: 1, max: 256 }))])(
    'reads a file under ONE_RANGE_BELOW_BYTES in one range, as rangeCount would, whatever workers says',
    (size, workers) => {
      expect(rangeCount(size, workers ?? undefined)).toBe(1);
    },
  );

  it('loses no parallel read: at the bound, workers split the file', () => {
    expect(rangeCount(ONE_RANGE_BELOW_BYTES, 2)).toBe(2);
  });
});
