import { townshipKey } from '../codes/village-key.js';
import { createIssue } from '../core/issue.js';
import { failure, type Result, success } from '../core/result.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { accumulateRow, type CompiledIndicators, compileIndicators } from './accumulate.js';
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
  /** Adds other parts of the same profile; a mismatch of indicators gives an `invalid_value` issue. */
  merge(parts: IndicatorParts): Result<void>;
  /** The parts so far, as plain JSON-ready data. */
  parts(): IndicatorParts;
}

/** Resolves a profile option, falling back to national for an unknown name (callers validate names first). */
function profileOf(profile: IndicatorAccumulatorOptions['profile']): IndicatorProfile {
  return resolveIndicatorProfile(profile) ?? (resolveIndicatorProfile('national') as IndicatorProfile);
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
  const profile = profileOf(options.profile);
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
      if (
        parts.indicators.length !== compiled.ids.length ||
        parts.indicators.some((id, i) => id !== compiled.ids[i])
      ) {
        return failure([
          createIssue('invalid_value', {
            zh: '待合并的部分汇总指标不一致',
            en: `The parts hold other indicators (${parts.indicators.join(', ')})`,
          }),
        ]);
      }
      const malformed = Object.entries(parts.townships).find(
        ([code, numbers]) => !/^\d{9}000$/.test(code) || numbers.length !== stride,
      );
      if (malformed !== undefined) {
        return failure([
          createIssue('invalid_value', {
            zh: `部分汇总中的乡级代码或数据不完整：${malformed[0]}`,
            en: `Malformed township entry in the parts: ${malformed[0]}`,
          }),
        ]);
      }
      for (const [code, numbers] of Object.entries(parts.townships)) {
        const offset = slotOf(Number(code.slice(0, 9))) * stride;
        for (let i = 0; i < stride; i++) data[offset + i] = (data[offset + i] as number) + (numbers[i] ?? 0);
      }
      skipped += parts.skipped;
      return success(undefined);
    },
    parts() {
      const townships: Record<string, number[]> = {};
      keys.forEach((key, slot) => {
        townships[keyToCode(key)] = Array.from(data.subarray(slot * stride, (slot + 1) * stride));
      });
      return { format: 'shequ-indicator-parts/1', indicators: compiled.ids, townships, skipped };
    },
  };
  internals.set(accumulator, () => ({ keys, data: data.subarray(0, keys.length * stride), stride }));
  return accumulator;
}

/**
 * Merges parts of the same indicators into new parts: sums per township. Associative and commutative, with the parts
 * of no rows as identity, so the order and grouping of merges never changes a figure.
 *
 * @param first - some parts
 * @param second - parts of the same indicators
 * @returns the merged parts, or an `invalid_value` issue when the indicators differ
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
  if (
    first.indicators.length !== second.indicators.length ||
    first.indicators.some((id, i) => id !== second.indicators[i])
  ) {
    return failure([
      createIssue('invalid_value', {
        zh: '两份部分汇总的指标不一致，不能合并',
        en: 'The two parts hold different indicators',
      }),
    ]);
  }
  const townships: Record<string, number[]> = {};
  for (const source of [first.townships, second.townships]) {
    for (const [code, numbers] of Object.entries(source)) {
      const target = townships[code];
      if (target === undefined) townships[code] = [...numbers];
      else for (let i = 0; i < numbers.length; i++) target[i] = (target[i] ?? 0) + (numbers[i] ?? 0);
    }
  }
  return success({
    format: 'shequ-indicator-parts/1',
    indicators: first.indicators,
    townships,
    skipped: first.skipped + second.skipped,
  });
}
