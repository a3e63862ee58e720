import { fc, test } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createIndicatorAccumulator,
  type IndicatorParts,
  indicatorRowsFromParts,
  mergeIndicatorParts,
  parseIndicatorParts,
  ShequError,
  type UnitStatistics,
} from '../../src/index.js';
import { unitStatisticsArbitrary } from '../../src/testing/index.js';

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Fails when anything was written into Object.prototype or Array.prototype (and cleans it up for the next test). */
function expectPrototypesClean(): void {
  const added = Object.getOwnPropertyNames(Object.prototype).filter((key) => !PROTOTYPE_KEYS.includes(key));
  for (const key of added) delete (Object.prototype as Record<string, unknown>)[key];
  expect(added).toEqual([]);
  expect(({} as Record<string, unknown>)[0]).toBeUndefined();
  expect(Object.keys(Array.prototype)).toEqual([]);
}

afterEach(expectPrototypesClean);

function partsOf(
  rows: readonly UnitStatistics[],
  profile: 'national' | 'hebei' = 'national',
): IndicatorParts {
  const accumulator = createIndicatorAccumulator({ profile });
  for (const row of rows) accumulator.add(row);
  return accumulator.parts();
}

const ROW: UnitStatistics = {
  code: '130123100201',
  kind: 'village',
  hasFacility: true,
  households: 300,
  facilityArea: 100.25,
};

describe('defect 1: prototype pollution through parts', () => {
  it('refuses the exact reproduction: a township key __proto__ from JSON', () => {
    const evil = JSON.parse(
      '{"format":"shequ-indicator-parts/1","indicators":["a"],"townships":{"__proto__":[5,6,7]},"skipped":0}',
    );
    const result = mergeIndicatorParts(evil, evil);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues.map((issue) => issue.path)).toEqual([
        [0, 'townships', '__proto__'],
        [1, 'townships', '__proto__'],
      ]);
      expect(result.error.issues[0]?.code).toBe('invalid_value');
      expect(result.error.issues[0]?.message.zh).toMatch(/乡级/);
    }
    expect(({} as Record<number, unknown>)[0]).toBeUndefined();
  });

  it('refuses __proto__, constructor and prototype keys of valid parts, through every entry point', () => {
    const good = partsOf([ROW]);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const json = JSON.stringify(good).replace('"130123100000"', JSON.stringify(key));
      const evil = JSON.parse(json) as IndicatorParts;
      expect(Object.keys(evil.townships)).toEqual([key]);
      const parsed = parseIndicatorParts(evil);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(['townships', key]);
      expect(mergeIndicatorParts(good, evil).success).toBe(false);
      const accumulator = createIndicatorAccumulator();
      accumulator.add(ROW);
      const before = accumulator.parts();
      expect(accumulator.merge(evil).success).toBe(false);
      expect(accumulator.parts()).toEqual(before);
      expect(() => indicatorRowsFromParts(evil, { asOf: '2025-12-31' })).toThrow(ShequError);
    }
  });

  it('refuses __proto__ nested inside a township array or at the top level', () => {
    const good = JSON.stringify(partsOf([ROW]));
    const nested = JSON.parse(good.replace(/\[(\d)/, '[{"__proto__":{"polluted":1}},$1'));
    expect(parseIndicatorParts(nested).success).toBe(false);
    const top = JSON.parse(good.replace('{', '{"__proto__":{"polluted":1},'));
    // A top-level __proto__ key is ignored (not copied): the parts themselves are still valid.
    const parsed = parseIndicatorParts(top);
    expect(parsed.success).toBe(true);
    if (parsed.success)
      expect(Object.keys(parsed.data)).toEqual(['format', 'indicators', 'townships', 'skipped']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('holds merged townships in a null-prototype object', () => {
    const merged = mergeIndicatorParts(partsOf([ROW]), partsOf([]));
    expect(merged.success && Object.getPrototypeOf(merged.data.townships)).toBeNull();
  });

  it('names the JSON path and the reason of each bad piece', () => {
    const good = partsOf([ROW]);
    const numbers = [...(good.townships['130123100000'] as number[])];
    const cases: [unknown, (string | number)[]][] = [
      [null, []],
      [[], []],
      [{ ...good, format: 'shequ-indicator-parts/2' }, ['format']],
      [{ ...good, indicators: 'all' }, ['indicators']],
      [{ ...good, skipped: -1 }, ['skipped']],
      [{ ...good, skipped: 1.5 }, ['skipped']],
      [{ ...good, townships: [] }, ['townships']],
      [{ ...good, townships: { '130123100000': numbers.slice(1) } }, ['townships', '130123100000']],
      [
        { ...good, townships: { '130123100000': [-1, ...numbers.slice(1)] } },
        ['townships', '130123100000', 0],
      ],
      [
        { ...good, townships: { '130123100000': [0.5, ...numbers.slice(1)] } },
        ['townships', '130123100000', 0],
      ],
      [
        { ...good, townships: { '130123100000': [2 ** 53, ...numbers.slice(1)] } },
        ['townships', '130123100000', 0],
      ],
      [
        { ...good, townships: { '130123100000': [...numbers.slice(0, 4), '1', ...numbers.slice(5)] } },
        ['townships', '130123100000', 4],
      ],
      [{ ...good, townships: { '130123100201': numbers } }, ['townships', '130123100201']],
      [{ ...good, townships: { '000000000000': numbers } }, ['townships', '000000000000']],
      [{ ...good, townships: { '11010519491231002X': numbers } }, ['townships', '110105194912…']],
    ];
    for (const [input, path] of cases) {
      const result = parseIndicatorParts(input);
      expect(result.success, JSON.stringify(path)).toBe(false);
      if (!result.success) {
        expect(result.error.issues[0]?.path).toEqual(path);
        expect(result.error.issues[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(result.error.issues[0]?.message.en).toMatch(/[a-z]/);
      }
    }
  });

  it('checks the profile: parts of other indicators are refused with the expected list', () => {
    const result = parseIndicatorParts(partsOf([ROW], 'hebei'), { profile: 'national' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['indicators']);
    expect(parseIndicatorParts(partsOf([ROW]), { profile: 'nowhere' }).success).toBe(false);
    expect(() => indicatorRowsFromParts(partsOf([ROW], 'hebei'), { asOf: '2025-12-31' })).toThrow(ShequError);
  });

  it('lists at most 100 problems and summarises the rest', () => {
    const good = partsOf([]);
    const townships: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++) townships[`x${i}`] = [];
    const result = parseIndicatorParts({ ...good, townships });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toHaveLength(101);
      expect(result.error.issues[100]?.message.en).toBe('400 more problems not listed');
    }
  });

  it('refuses a merge whose sum would pass 2^53, leaving the accumulator unchanged', () => {
    const big = partsOf([ROW]);
    const numbers = [...(big.townships['130123100000'] as number[])];
    numbers[0] = Number.MAX_SAFE_INTEGER;
    const huge = { ...big, townships: { '130123100000': numbers } };
    expect(mergeIndicatorParts(huge, big).success).toBe(false);
    const accumulator = createIndicatorAccumulator();
    accumulator.add(ROW);
    const before = accumulator.parts();
    expect(accumulator.merge(huge).success).toBe(false);
    expect(accumulator.parts()).toEqual(before);
  });

  it('counts a reading that cannot be summed exactly as missing (so parts hold integers only)', () => {
    const accumulator = createIndicatorAccumulator();
    accumulator.add({ ...ROW, households: 1.5 } as UnitStatistics);
    accumulator.add({ ...ROW, code: '130123100202', households: -3 } as UnitStatistics);
    accumulator.add({ ...ROW, code: '130123100203', households: 'many' } as unknown as UnitStatistics);
    const parts = accumulator.parts();
    expect(parseIndicatorParts(parts).success).toBe(true);
    // facilityAreaPer100Households is the second indicator of the national profile: 3 units missing households.
    const index = parts.indicators.indexOf('facilityAreaPer100Households');
    expect(parts.townships['130123100000']?.slice(index * 3, index * 3 + 3)).toEqual([0, 0, 3]);
  });
});

const rowsArbitrary = fc.array(unitStatisticsArbitrary(), { maxLength: 20 });

/** A random edit of valid parts as JSON: a value replaced anywhere in the tree by a hostile one. */
const hostileValue = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', -1, 0.5, 2 ** 53, Number.NaN, null, [], {}, '1'),
  fc.anything({ withNullPrototype: true, withObjectString: true }),
);

function mutate(json: unknown, path: readonly number[], value: unknown): unknown {
  if (path.length === 0 || json === null || typeof json !== 'object') return value;
  const keys = Object.keys(json);
  if (keys.length === 0) return value;
  const key = keys[(path[0] as number) % keys.length] as string;
  const copy = (Array.isArray(json) ? [...json] : { ...json }) as Record<string, unknown>;
  Object.defineProperty(copy, key, {
    value: mutate((json as Record<string, unknown>)[key], path.slice(1), value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

describe('random mutations of valid parts', () => {
  test.prop([rowsArbitrary, fc.array(fc.nat(), { maxLength: 4 }), hostileValue, fc.boolean()])(
    'never pollute, never throw, and merge only when they are still valid parts',
    (rows, path, value, asKey) => {
      const good = partsOf(rows);
      let evil: unknown = mutate(JSON.parse(JSON.stringify(good)), path, value);
      if (asKey && typeof value === 'string') {
        evil = JSON.parse(JSON.stringify(good).replace(/"\d{12}"/, () => JSON.stringify(value)));
      }
      // Parsed against the profile of `good`, as the accumulator and the row builder check them.
      const parsed = parseIndicatorParts(evil, { profile: 'national' });
      const merged = mergeIndicatorParts(good, evil as IndicatorParts);
      const accumulator = createIndicatorAccumulator();
      const mergedIn = accumulator.merge(evil as IndicatorParts);
      expect(merged.success).toBe(parsed.success);
      expect(mergedIn.success).toBe(parsed.success);
      let thrown: unknown;
      try {
        indicatorRowsFromParts(evil as IndicatorParts, { asOf: '2025-12-31' });
      } catch (error) {
        thrown = error;
      }
      expect(thrown === undefined).toBe(parsed.success);
      if (thrown !== undefined) expect(thrown).toBeInstanceOf(ShequError);
      expectPrototypesClean();
    },
  );

  test.prop([rowsArbitrary, rowsArbitrary])('parsing valid parts gives them back unchanged', (a, b) => {
    const parts = partsOf([...a, ...b]);
    const parsed = parseIndicatorParts(JSON.parse(JSON.stringify(parts)), { profile: 'national' });
    expect(parsed.success && { ...parsed.data, townships: { ...parsed.data.townships } }).toEqual(parts);
  });
});
