import { townshipKey } from '../codes/village-key.js';
import { guarded, guardedValue } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { accumulateRow, type CompiledIndicators, compileIndicators } from './accumulate.js';
import { issuesUnder, PARTS_FORMAT, parseIndicatorParts } from './parts-parse.js';
import type { IndicatorProfileName } from './profiles.js';
import { resolveIndicatorProfile } from './profiles.js';
import { sumsFromParts, type TownshipSums } from './rows.js';
import type { IndicatorProfile } from './types.js';

/**
 * Mergeable partial aggregates of indicators: per township, for each indicator of the profile, the sum of
 * numerators, the sum of denominators and the count of units missing an input. Area sums are integer hundredths of a
 * m², so every number is an exact integer. Plain JSON: compute provinces separately (workers, machines, a database
 * export), then {@link mergeIndicatorParts} them into the national figure exactly.
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator } from 'shequ';
 * const accumulator = createIndicatorAccumulator({ profile: 'national' });
 * accumulator.add({ code: '130123100201', kind: 'village', hasFacility: true, households: 600, facilityArea: 210.3 });
 * const parts = accumulator.parts();
 * parts.indicators.length;
 * //=> 7
 * JSON.parse(JSON.stringify(parts)).townships['130123100000'].length;
 * //=> 21
 * ```
 */
export interface IndicatorParts {
  /** Format tag, for readers of stored parts. */
  readonly format: 'shequ-indicator-parts/1';
  /** Indicator ids, in the order of the numbers. */
  readonly indicators: readonly string[];
  /** 12-digit township code → [numerator, denominator, missing] × indicators. */
  readonly townships: Readonly<Record<string, readonly number[]>>;
  /** Rows that could not be placed (no valid village-level code or kind). */
  readonly skipped: number;
}

/**
 * Options of {@link createIndicatorAccumulator}.
 *
 * @example
 * ```ts
 * import type { IndicatorAccumulatorOptions } from 'shequ';
 * const options: IndicatorAccumulatorOptions = { profile: 'hebei' };
 * ```
 */
export interface IndicatorAccumulatorOptions {
  /** A built-in profile name or a profile object (default `'national'`). */
  readonly profile?: IndicatorProfileName | IndicatorProfile;
}

/**
 * The one accumulator behind every path — in memory, streamed from a file, in worker threads, or in a user's own
 * map-reduce: add rows one at a time, merge other parts, read the parts.
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator } from 'shequ';
 * const accumulator = createIndicatorAccumulator();
 * accumulator.add({ code: '130123100201', kind: 'village', hasFacility: true });
 * accumulator.add({ code: 'not a code', kind: 'village' });
 * [accumulator.count, accumulator.skipped];
 * //=> [1, 1]
 * ```
 */
export interface IndicatorAccumulator {
  /** The profile accumulated for. */
  readonly profile: IndicatorProfile;
  /** Rows added and placed. */
  readonly count: number;
  /** Rows that could not be placed. */
  readonly skipped: number;
  /** Adds one row; returns `false` (and counts it as skipped) when its code or kind cannot be placed. */
  add(row: UnitStatistics): boolean;
  /**
   * Adds other parts of the same profile, checked first with `parseIndicatorParts` (shape, format, the profile's
   * indicators, township codes, non-negative integer sums): bad parts give issues and change nothing.
   */
  merge(parts: IndicatorParts): Result<void>;
  /** The parts so far, as plain JSON-ready data. */
  parts(): IndicatorParts;
}

/** Resolves a profile option, falling back to national for an unknown name (callers validate names first). */
function profileOf(options: unknown): IndicatorProfile {
  const national = () => resolveIndicatorProfile('national') as IndicatorProfile;
  // Options that are not an object, or cannot be read (a throwing getter), mean the default profile.
  return guardedValue(
    () =>
      options !== null && typeof options === 'object'
        ? (resolveIndicatorProfile((options as IndicatorAccumulatorOptions).profile) ?? national())
        : national(),
    national,
  );
}

/** The typed township sums of each accumulator, for the library's own fast path (not part of the public API). */
const internals = new WeakMap<IndicatorAccumulator, () => TownshipSums>();

/** The accumulator's township sums as typed arrays, without going through JSON parts. */
export function townshipSums(accumulator: IndicatorAccumulator): TownshipSums {
  const read = internals.get(accumulator);
  return read === undefined ? sumsFromParts(accumulator.parts()) : read();
}

function keyToCode(key: number): string {
  return `${String(key).padStart(9, '0')}000`;
}

/**
 * Creates an {@link IndicatorAccumulator}: numerators, denominators and missing counts summed per township in typed
 * arrays, with no allocation per row.
 *
 * @param options - the profile
 * @returns a new, empty accumulator
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator, indicatorRowsFromParts } from 'shequ';
 * const accumulator = createIndicatorAccumulator({ profile: 'national' });
 * for (const row of [{ code: '130123100201', kind: 'village', hasFacility: true }] as const) accumulator.add(row);
 * indicatorRowsFromParts(accumulator.parts(), { groupBy: ['county'], asOf: '2025-12-31' })
 *   .find((row) => row.indicator === 'ruralFacilityCoverage')?.value;
 * //=> 100
 * ```
 */
export function createIndicatorAccumulator(options: IndicatorAccumulatorOptions = {}): IndicatorAccumulator {
  const profile = profileOf(options);
  const compiled: CompiledIndicators = compileIndicators(profile.indicators.map((entry) => entry.indicator));
  const { stride } = compiled;
  const slots = new Map<number, number>();
  const keys: number[] = [];
  let data = new Float64Array(stride * 256);
  let count = 0;
  let skipped = 0;

  const slotOf = (key: number): number => {
    let slot = slots.get(key);
    if (slot === undefined) {
      slot = keys.length;
      slots.set(key, slot);
      keys.push(key);
      if ((slot + 1) * stride > data.length) {
        const grown = new Float64Array(data.length * 2);
        grown.set(data);
        data = grown;
      }
    }
    return slot;
  };

  const accumulator: IndicatorAccumulator = {
    profile,
    get count() {
      return count;
    },
    get skipped() {
      return skipped;
    },
    add(row) {
      const key = townshipKey(row?.code);
      if (key < 0 || (row.kind !== 'community' && row.kind !== 'village')) {
        skipped++;
        return false;
      }
      const offset = slotOf(key) * stride; // first: it may grow (replace) the data array
      accumulateRow(compiled, row, data, offset);
      count++;
      return true;
    },
    merge(parts) {
      return guarded(() => {
        const parsed = parseIndicatorParts(parts, { profile });
        if (!parsed.success) return parsed;
        const added = parsed.data;
        // Every sum is checked before any is written, so a failed merge leaves the accumulator as it was.
        const codes = Object.keys(added.townships);
        for (const code of codes) {
          const slot = slots.get(Number(code.slice(0, 9)));
          if (slot === undefined) continue;
          const numbers = added.townships[code] as readonly number[];
          for (let i = 0; i < stride; i++) {
            if ((data[slot * stride + i] as number) + (numbers[i] as number) > Number.MAX_SAFE_INTEGER) {
              return failure([tooLargeIssue(['townships', code, i])]);
            }
          }
        }
        if (skipped + added.skipped > Number.MAX_SAFE_INTEGER) return failure([tooLargeIssue(['skipped'])]);
        for (const code of codes) {
          const numbers = added.townships[code] as readonly number[];
          const offset = slotOf(Number(code.slice(0, 9))) * stride;
          for (let i = 0; i < stride; i++)
            data[offset + i] = (data[offset + i] as number) + (numbers[i] as number);
        }
        skipped += added.skipped;
        return success(undefined);
      });
    },
    parts() {
      const townships: Record<string, number[]> = {};
      keys.forEach((key, slot) => {
        townships[keyToCode(key)] = Array.from(data.subarray(slot * stride, (slot + 1) * stride));
      });
      return { format: PARTS_FORMAT, indicators: compiled.ids, townships, skipped };
    },
  };
  internals.set(accumulator, () => ({ keys, data: data.subarray(0, keys.length * stride), stride }));
  return accumulator;
}

/**
 * Merges parts of the same indicators into new parts: sums per township. Associative and commutative, with the parts
 * of no rows as identity, so the order and grouping of merges never changes a figure. Both arguments are checked
 * with {@link parseIndicatorParts} first (parts read from JSON are outside data); never throws, and the merged
 * townships are a null-prototype object.
 *
 * @param first - some parts
 * @param second - parts of the same indicators
 * @returns the merged parts, or issues whose path starts with the argument (`0` or `1`): malformed parts, different
 *   indicators, or a sum past 2^53
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator, mergeIndicatorParts } from 'shequ';
 * const a = createIndicatorAccumulator();
 * a.add({ code: '130123100201', kind: 'village', hasFacility: true });
 * const b = createIndicatorAccumulator();
 * b.add({ code: '110101001001', kind: 'community', hasFacility: false });
 * const merged = mergeIndicatorParts(a.parts(), b.parts());
 * merged.success && Object.keys(merged.data.townships);
 * //=> ['130123100000', '110101001000']
 * ```
 */
export function mergeIndicatorParts(first: IndicatorParts, second: IndicatorParts): Result<IndicatorParts> {
  return guarded(() => {
    const a = parseIndicatorParts(first);
    const b = parseIndicatorParts(second);
    if (!a.success || !b.success) return failure([...issuesUnder(a, 0), ...issuesUnder(b, 1)]);
    const ids = a.data.indicators;
    if (ids.length !== b.data.indicators.length || ids.some((id, i) => id !== b.data.indicators[i])) {
      return failure([
        createIssue(
          'invalid_value',
          { zh: '两份部分汇总的指标不一致，不能合并', en: 'The two parts hold different indicators' },
          { path: [1, 'indicators'] },
        ),
      ]);
    }
    const townships = Object.create(null) as Record<string, number[]>;
    for (const source of [a.data.townships, b.data.townships]) {
      for (const code of Object.keys(source)) {
        const numbers = source[code] as readonly number[];
        const target = townships[code];
        if (target === undefined) townships[code] = [...numbers];
        else {
          for (let i = 0; i < numbers.length; i++) target[i] = (target[i] as number) + (numbers[i] as number);
          const at = target.findIndex((n) => n > Number.MAX_SAFE_INTEGER);
          if (at >= 0) return failure([tooLargeIssue([1, 'townships', code, at])]);
        }
      }
    }
    const skipped = a.data.skipped + b.data.skipped;
    if (skipped > Number.MAX_SAFE_INTEGER) return failure([tooLargeIssue([1, 'skipped'])]);
    return success({ format: PARTS_FORMAT, indicators: ids, townships, skipped });
  });
}

/** A sum past 2^53 would no longer be exact in a double: refused rather than rounded silently. */
function tooLargeIssue(path: readonly (string | number)[]): Issue {
  return createIssue(
    'invalid_value',
    {
      zh: '合并后的和超过 2^53，无法精确表示',
      en: 'The merged sum exceeds 2^53 and would no longer be exact',
    },
    { path },
  );
}
