import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { divisionLevelIndex, isSlotKey } from '../../src/codes/village-key.js';
import type { UnitStatistics } from '../../src/index.js';
import { createPackingAccumulator, type PackingAccumulator } from '../../src/indicators/parts.js';
import { type PackedIndicatorParts, packedBuffers } from '../../src/indicators/parts-packed.js';
import { statisticsRowArbitrary } from '../../src/testing/index.js';

// The worker threads' packed exchange: typed arrays in, the same figures out as JSON parts, and bad input refused
// without a trace.

const OPTIONS = { groupBy: ['province', 'county', 'township'], asOf: '2025-12-31' } as const;

/** Rows of every kind, some with a year, some that cannot be placed (skipped). */
const rowArbitrary: fc.Arbitrary<UnitStatistics> = fc.oneof(
  { weight: 8, arbitrary: statisticsRowArbitrary() },
  {
    weight: 3,
    arbitrary: fc
      .tuple(statisticsRowArbitrary(), fc.constantFrom(2021, 2022))
      .map(([row, year]) => ({ ...row, year })),
  },
  { weight: 1, arbitrary: fc.constant({ code: 'not a code', kind: 'village' } as UnitStatistics) },
);
const rowsArbitrary = fc.array(rowArbitrary, { maxLength: 30 });

function fed(rows: readonly UnitStatistics[], year?: number): PackingAccumulator {
  const packing = createPackingAccumulator(year === undefined ? {} : { year });
  for (const row of rows) packing.accumulator.add(row);
  return packing;
}

/** Packed parts as a worker posts them: cloned with their buffers transferred. */
function posted(packed: PackedIndicatorParts): PackedIndicatorParts {
  return structuredClone(packed, { transfer: packedBuffers(packed) });
}

/** Everything an accumulator shows. */
function state(packing: PackingAccumulator) {
  const { accumulator } = packing;
  return {
    parts: accumulator.parts(),
    rows: [...accumulator.rows(OPTIONS)],
    count: accumulator.count,
    skipped: accumulator.skipped,
    years: accumulator.years,
  };
}

/** `rows` cut at the given points (taken modulo its length). */
function pieces<T>(rows: readonly T[], cuts: readonly number[]): T[][] {
  const at = [...new Set(cuts.map((cut) => cut % (rows.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => rows.slice(start, at[i] ?? rows.length));
}

describe('packed parts of an accumulator', () => {
  it('hold the township keys and sums as typed arrays, the rest as parts without townships', () => {
    const packing = fed([
      { code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100.5 },
      { code: '130123100202', kind: 'village', households: 200, hasFacility: false },
      { code: '130123101201', kind: 'village', year: 2022, households: 50, hasFacility: true },
    ]);
    const packed = packing.pack();
    expect(packed.shell.townships).toEqual({});
    expect(packed.shell.years).toEqual({ '2022': { townships: {} } });
    expect(packed.shell.indicators).toEqual(packing.accumulator.parts().indicators);
    expect(packed.tables.map((table) => [table.year, [...table.keys]])).toEqual([
      [0, [130123100]],
      [2022, [130123101]],
    ]);
    // The same numbers as the JSON parts, 21 a township (7 indicators × numerator, denominator, missing).
    const parts = packing.accumulator.parts();
    expect([...(packed.tables[0]?.data ?? [])]).toEqual(parts.townships['130123100000']);
    expect([...(packed.tables[1]?.data ?? [])]).toEqual(parts.years?.['2022']?.townships['130123101000']);
  });

  test.prop([rowsArbitrary, rowsArbitrary, fc.constantFrom(undefined, 2021)])(
    'merging them equals merging the JSON parts: same parts, rows, counts, success',
    (mine, theirs, year) => {
      const byParts = fed(mine, year);
      const byPacked = fed(mine, year);
      const other = fed(theirs, year);
      const jsonMerge = byParts.accumulator.merge(other.accumulator.parts());
      const packedMerge = byPacked.mergePacked(posted(other.pack()));
      expect(packedMerge.success).toBe(jsonMerge.success);
      expect(state(byPacked)).toEqual(state(byParts));
    },
  );

  test.prop([rowsArbitrary, fc.array(fc.nat(), { maxLength: 4 }), fc.nat()])(
    'merged in any order, the pieces of a sheet give the figures of the whole sheet',
    (rows, cuts, rotation) => {
      const parts = pieces(rows, cuts);
      const packs = parts.map((piece) => fed(piece).pack());
      const merge = (order: readonly PackedIndicatorParts[]) => {
        const target = createPackingAccumulator();
        const ok = order.every((packed) => target.mergePacked(structuredClone(packed)).success);
        return { ok, target };
      };
      const forward = merge(packs);
      const turned = merge([
        ...packs.slice(rotation % packs.length),
        ...packs.slice(0, rotation % packs.length),
      ]);
      const backward = merge([...packs].reverse());
      // A region's total given in two pieces is refused in whichever order (it would count its units twice).
      expect(turned.ok).toBe(forward.ok);
      expect(backward.ok).toBe(forward.ok);
      if (!forward.ok) return;
      const whole = state(fed(rows));
      for (const { target } of [forward, turned, backward]) {
        const got = state(target);
        expect(got.rows).toEqual(whole.rows);
        expect([got.skipped, got.years]).toEqual([whole.skipped, whole.years]);
      }
    },
  );
});

/** Ways to spoil a (non-empty) packed form, each of which must be refused. */
const SPOILERS: Readonly<Record<string, (packed: PackedIndicatorParts) => unknown>> = {
  'a key that is not a township key': (p) =>
    withTable(p, (t) => ({ ...t, keys: t.keys.map(() => 130000000) })),
  'a negative key': (p) => withTable(p, (t) => ({ ...t, keys: t.keys.map(() => -130123100) })),
  'a key given twice': (p) =>
    withTable(p, (t) => ({
      ...t,
      keys: Int32Array.of(...t.keys, t.keys[0] as number),
      data: Float64Array.of(...t.data, ...t.data.subarray(0, t.data.length / t.keys.length)),
    })),
  'numbers one short': (p) => withTable(p, (t) => ({ ...t, data: t.data.slice(1) })),
  'a negative number': (p) => withTable(p, (t) => ({ ...t, data: t.data.map((n, i) => (i === 0 ? -1 : n)) })),
  'a fraction': (p) => withTable(p, (t) => ({ ...t, data: t.data.map((n, i) => (i === 1 ? 0.5 : n)) })),
  NaN: (p) => withTable(p, (t) => ({ ...t, data: t.data.map((n, i) => (i === 2 ? Number.NaN : n)) })),
  'a number past 2^53': (p) =>
    withTable(p, (t) => ({ ...t, data: t.data.map((n, i) => (i === 0 ? 2 ** 53 : n)) })),
  'keys as a plain array': (p) => withTable(p, (t) => ({ ...t, keys: [...t.keys] })),
  'sums as an Int32Array': (p) => withTable(p, (t) => ({ ...t, data: Int32Array.from(t.data) })),
  'a year missing from the shell': (p) =>
    withTable(p, (t) => ({ ...t, year: [2019, 2020].find((y) => p.shell.years?.[String(y)] === undefined) })),
  'a table given twice': (p) => ({ ...p, tables: [...p.tables, p.tables[0]] }),
  'other indicators': (p) => ({ ...p, shell: { ...p.shell, indicators: p.shell.indicators.slice(1) } }),
  'townships in the shell': (p) => ({
    ...p,
    shell: { ...p.shell, townships: { '130123100000': new Array(21).fill(0) } },
  }),
  'a skipped count that is not a count': (p) => ({ ...p, shell: { ...p.shell, skipped: -1 } }),
  'no tables': (p) => ({ shell: p.shell }),
  'not an object': () => 'packed',
};

function withTable(
  packed: PackedIndicatorParts,
  change: (table: PackedIndicatorParts['tables'][number]) => unknown,
): unknown {
  return { ...packed, tables: packed.tables.map((table, i) => (i === 0 ? change(table) : table)) };
}

describe('a bad packed form', () => {
  const unitRows = fc.array(
    statisticsRowArbitrary(['village', 'community']).map((row) => ({ ...row, households: 10 })),
    { minLength: 1, maxLength: 12 },
  );

  test.prop([rowsArbitrary, unitRows, fc.constantFrom(...Object.keys(SPOILERS))])(
    'is refused and changes nothing',
    (mine, theirs, spoiler) => {
      const target = fed(mine);
      const before = state(target);
      const spoiled = (SPOILERS[spoiler] as (p: PackedIndicatorParts) => unknown)(fed(theirs).pack());
      const merged = target.mergePacked(spoiled as PackedIndicatorParts);
      expect(merged.success).toBe(false);
      expect(merged.success || merged.error.issues.length > 0).toBe(true);
      expect(state(target)).toEqual(before);
    },
  );

  it('whose sum would pass 2^53 against the target is refused, the target unchanged', () => {
    const target = createPackingAccumulator();
    const big = createPackingAccumulator();
    big.accumulator.add({ code: '130123100201', kind: 'village', households: 10, hasFacility: true });
    const parts = big.accumulator.parts();
    const numbers = (parts.townships['130123100000'] as readonly number[]).map((n) =>
      n > 0 ? Number.MAX_SAFE_INTEGER : n,
    );
    expect(target.accumulator.merge({ ...parts, townships: { '130123100000': numbers } }).success).toBe(true);
    const before = state(target);
    const merged = target.mergePacked(big.pack());
    expect(merged.success).toBe(false);
    expect(merged.success || merged.error.issues[0]?.path.slice(0, 3)).toEqual(['packed', 'tables', 0]);
    expect(state(target)).toEqual(before);
  });

  it('holding a region total the target has is refused with duplicate_total', () => {
    const total = { code: '130123000000', kind: 'villageTotal', unitCount: 3, unitsWithFacility: 2 } as const;
    const target = fed([total]);
    const before = state(target);
    const merged = target.mergePacked(fed([total]).pack());
    expect(merged.success || merged.error.issues.map((issue) => issue.code)).toEqual(['duplicate_total']);
    expect(state(target)).toEqual(before);
  });

  it('of another profile is refused', () => {
    const hebei = createPackingAccumulator({ profile: 'hebei' });
    hebei.accumulator.add({ code: '130123100201', kind: 'village', hasFacility: true });
    const national = createPackingAccumulator();
    expect(national.mergePacked(hebei.pack()).success).toBe(false);
    expect(national.accumulator.count + national.accumulator.parts().skipped).toBe(0);
  });
});

describe('isSlotKey', () => {
  test.prop([fc.integer({ min: -1, max: 999_999_999 })])(
    'accepts exactly the keys whose code (plus 000) is of township or county level',
    (key) => {
      const code = `${String(key).padStart(9, '0')}000`;
      const level = key < 0 ? -1 : divisionLevelIndex(code);
      expect(isSlotKey(key)).toBe(level === 2 || level === 3);
    },
  );

  it('takes a township and a county key, not a prefecture, a village or a fraction', () => {
    expect([130123100, 130123000, 130100000, 1301231002, 130123100.5].map(isSlotKey)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
