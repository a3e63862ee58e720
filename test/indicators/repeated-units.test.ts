import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { computeIndicatorTable } from '../../src/indicators/compute.js';
import { evaluatePlanPeriod } from '../../src/indicators/evaluation.js';
import { ROW_COUNTED } from '../../src/indicators/not-counted.js';
import { createIndicatorAccumulator, createLocatingAccumulator } from '../../src/indicators/parts.js';
import type { UnitStatistics } from '../../src/model/unit-statistics.js';

// A unit (or a township's or district's own row) listed twice in one year is counted once: the first occurrence
// counts, every later one is not counted and is said (`duplicate_code`, at its index, naming the index of the row
// counted). The figures are those of the rows without the repeats, whatever the repeats hold.

const CODES = [
  '130123100201',
  '130123100202',
  '130123101201',
  '130124001001',
  '110105001001',
  '130123100000', // a township's own row
  '130123000000', // a district's own row
];
const KIND: Record<string, UnitStatistics['kind']> = {
  '130123100000': 'township',
  '130123000000': 'district',
  '110105001001': 'community',
};

const row = fc
  .record({
    code: fc.constantFrom(...CODES),
    year: fc.constantFrom(undefined, 2024, 2025),
    households: fc.integer({ min: 0, max: 3000 }),
    hasFacility: fc.boolean(),
    facilityArea: fc.integer({ min: 0, max: 900 }),
  })
  .map(({ code, year, ...values }): UnitStatistics => {
    const kind = KIND[code] ?? 'village';
    const counted = kind === 'village' || kind === 'community' ? values : {};
    return { code, kind, ...(year === undefined ? {} : { year }), ...counted };
  });

/** The rows kept (first of each code and year) and the repeats: index, and index of the row kept. */
function firstOccurrences(rows: readonly UnitStatistics[]) {
  const first = new Map<string, number>();
  const kept: UnitStatistics[] = [];
  const repeats: [number, number][] = [];
  rows.forEach((unit, index) => {
    const key = `${unit.year ?? 0}:${unit.code}`;
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, index);
      kept.push(unit);
    } else repeats.push([index, seen]);
  });
  return { kept, repeats };
}

const OPTIONS = {
  profile: 'hebei',
  asOf: '2025-12-31',
  groupBy: ['township', 'county', 'province'],
} as const;

describe('units listed twice', () => {
  test.prop([fc.array(row, { maxLength: 40 })])(
    'computeIndicatorTable: the figures of the first occurrences; each repeat skipped at its index, naming the first',
    (rows) => {
      const { kept, repeats } = firstOccurrences(rows);
      const table = computeIndicatorTable(rows, OPTIONS);
      const expected = computeIndicatorTable(kept, OPTIONS);
      if (!table.success || !expected.success) throw new Error('refused');
      expect(table.data.rows).toEqual(expected.data.rows);
      expect(table.data.units).toBe(kept.length);
      expect(table.data.units + table.data.skipped.length).toBe(rows.length);
      const said = table.data.skipped.filter((issue) => issue.code === 'duplicate_code');
      expect(said.map((issue) => [issue.path[0], issue.severity])).toEqual(
        repeats.map(([index]) => [index, 'warning']),
      );
      said.forEach((issue, k) => {
        expect(issue.message.en).toContain(
          `the row at index ${(repeats[k] as [number, number])[1]} is counted`,
        );
        expect(issue.message.zh).toContain(`第 ${(repeats[k] as [number, number])[1]} 项（从 0 起）已计入`);
      });
    },
  );

  test.prop([fc.array(row, { maxLength: 40 })])(
    'addAt counts the first occurrence only (counted + skipped = rows given); add() counts every row, as it always has',
    (rows) => {
      const { kept, repeats } = firstOccurrences(rows);
      const locating = createLocatingAccumulator({ profile: 'hebei' });
      const outcomes = rows.map((unit, index) => locating.addAt(unit, index));
      expect(outcomes).toEqual(
        rows.map((_, index) => repeats.find(([at]) => at === index)?.[1] ?? ROW_COUNTED),
      );
      const expected = createIndicatorAccumulator({ profile: 'hebei' });
      for (const unit of kept) expected.add(unit);
      expect(locating.accumulator.parts()).toEqual({ ...expected.parts(), skipped: repeats.length });
      expect(locating.accumulator.count + locating.accumulator.skipped).toBe(rows.length);
      const every = createIndicatorAccumulator({ profile: 'hebei' });
      expect(rows.every((unit) => every.add(unit))).toBe(true);
      expect(every.count).toBe(rows.length);
    },
  );

  test.prop([fc.array(row, { maxLength: 40 })])(
    'evaluatePlanPeriod: the actual values of the first occurrences; repeats of the year skipped at their input index',
    (rows) => {
      const { kept, repeats } = firstOccurrences(rows);
      const options = { period: '14th', profile: 'hebei', asOf: '2026-06-30', year: 2025 } as const;
      const evaluation = evaluatePlanPeriod(rows, options);
      const expected = evaluatePlanPeriod(kept, options);
      if (!evaluation.success || !expected.success) throw new Error('refused');
      expect(evaluation.data.rows).toEqual(expected.data.rows);
      expect(evaluation.data.units).toBe(expected.data.units);
      // The year evaluated is 2025, rows without one included (the year option): their repeats are skipped.
      const ofYear = (index: number) => (rows[index]?.year ?? 2025) === 2025;
      const said = evaluation.data.skipped.filter((issue) => issue.code === 'duplicate_code');
      expect(said.map((issue) => issue.path[0])).toEqual(
        repeats
          .filter(([index, first]) => ofYear(index) && rows[index]?.year === rows[first]?.year)
          .map(([index]) => index),
      );
    },
  );

  it('names the year and the first row (hand-worked)', () => {
    const unit = { code: '130123100201', kind: 'village', year: 2025, households: 10 } as const;
    const table = computeIndicatorTable(
      [unit, { ...unit, year: 2024 }, { ...unit, households: 99 }],
      OPTIONS,
    );
    expect(table.success && table.data.skipped).toEqual([
      {
        code: 'duplicate_code',
        path: [2],
        severity: 'warning',
        message: {
          zh: '2025 年度统计用区划代码 130123100201 重复：第 0 项（从 0 起）已计入，此行未计入（否则会重复计数）',
          en: 'Code 130123100201 is listed again for 2025: the row at index 0 is counted, this one is not (it would count twice)',
        },
      },
    ]);
  });
});
