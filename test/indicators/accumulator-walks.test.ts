/**
 * A walk of `accumulator.rows()` reads the sums as they were when it began: rows added (or parts merged) while it runs,
 * or after, never change it, and the next walk sees them. The accumulator shares its sums with a walk and copies them
 * only when written to again (copy on write), so these laws guard that sharing.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createIndicatorAccumulator } from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const rows = fc.array(unitStatisticsArbitrary(), { maxLength: 30 });
const OPTIONS = { asOf: '2025-12-31', groupBy: ['county', 'township'] } as const;

describe('accumulator walks', () => {
  it('a walk asked for holds the sums of then: one village, then two more of the same township (worked by hand)', () => {
    const accumulator = createIndicatorAccumulator();
    const village = { code: '130123100201', kind: 'village', households: 100, hasFacility: true } as const;
    accumulator.add(village);
    const walk = accumulator.rows({ asOf: '2025-12-31', groupBy: ['county'] });
    accumulator.add(village);
    accumulator.add(village);
    const coverage = (rows: Iterable<{ indicator: string; numerator: number; denominator: number }>) =>
      [...rows]
        .filter((row) => row.indicator === 'ruralFacilityCoverage')
        .map((row) => [row.numerator, row.denominator]);
    expect(coverage(walk)).toEqual([[1, 1]]);
    expect(coverage(accumulator.rows({ asOf: '2025-12-31', groupBy: ['county'] }))).toEqual([[3, 3]]);
  });

  test.prop([rows, rows])(
    'a walk begun before more rows are added sees only the rows before it',
    (first, later) => {
      const alone = createIndicatorAccumulator();
      for (const row of first) alone.add(row);
      const expected = [...alone.rows(OPTIONS)];

      const accumulator = createIndicatorAccumulator();
      for (const row of first) accumulator.add(row);
      const walk = accumulator.rows(OPTIONS);
      const head = walk.next(); // under way
      // The same rows again land in the walk's own townships: a shared array written to would show them.
      for (const row of [...later, ...first]) accumulator.add(row);
      const seen = head.done === true ? [] : [head.value, ...walk];
      expect(seen).toEqual(expected);

      const both = createIndicatorAccumulator();
      for (const row of [...first, ...later, ...first]) both.add(row);
      expect([...accumulator.rows(OPTIONS)]).toEqual([...both.rows(OPTIONS)]);
    },
  );

  test.prop([rows, rows])('a merge after a walk began leaves that walk as it was', (first, other) => {
    const accumulator = createIndicatorAccumulator();
    for (const row of first) accumulator.add(row);
    const before = [...createIndicatorAccumulatorFrom(first).rows(OPTIONS)];
    const walk = accumulator.rows(OPTIONS);
    const source = createIndicatorAccumulatorFrom(other);
    expect(accumulator.merge(source.parts()).success).toBe(true);
    expect([...walk]).toEqual(before);
    expect([...accumulator.rows(OPTIONS)]).toEqual([
      ...createIndicatorAccumulatorFrom([...first, ...other]).rows(OPTIONS),
    ]);
  });
});

function createIndicatorAccumulatorFrom(
  list: readonly Parameters<ReturnType<typeof createIndicatorAccumulator>['add']>[0][],
) {
  const accumulator = createIndicatorAccumulator();
  for (const row of list) accumulator.add(row);
  return accumulator;
}
