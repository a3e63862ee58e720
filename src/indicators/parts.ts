import { DIVISION_LEVELS, type DivisionLevel } from '../codes/division-code.js';
import { divisionLevelIndex, slotKeyOfCode, townshipKey } from '../codes/village-key.js';
import type { AsOfInput } from '../core/as-of.js';
import { guarded } from '../core/guard.js';
import { createIssue, type Issue } from '../core/issue.js';
import { failure, type Result, ShequError, success, unwrap } from '../core/result.js';
import { CODE_LEVELS_OF_KIND, unitKindOfTotal } from '../model/row-kind-predicates.js';
import type { UnitStatistics } from '../model/unit-statistics.js';
import { accumulateRow, type CompiledIndicators, compileIndicators } from './accumulate.js';
import { issuesUnder, PARTS_FORMAT, parseIndicatorParts } from './parts-parse.js';
import { resolvePeriodAndDate } from './periods.js';
import { indicatorProfileForPeriod } from './profile-periods.js';
import type { IndicatorProfileName } from './profiles.js';
import { resolveIndicatorProfile } from './profiles.js';
import { type IndicatorRow, type IndicatorRowsOptions, rowsFromSums } from './rows.js';
import { checkRowsOptions } from './rows-options.js';
import { combinedTotals, type IndicatorParts, sumsFromParts } from './sums.js';
import { createTotalStore, duplicateTotalIssue, mergeTotals, TOTAL_ROW } from './total-store.js';
import type { IndicatorProfile } from './types.js';

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
  /**
   * The tidy rows of the sums so far, generated region by region (top level first, regions in code order,
   * indicators in profile order), straight from the accumulator's sums: no parts are built, and a national table is
   * never held whole unless the caller collects it. `profile` is the accumulator's own; `unit` in `groupBy` is
   * ignored (unit rows need the units: `computeIndicators`). Bad options throw a {@link shequ!ShequError} at the call.
   */
  rows(options?: AccumulatorRowsOptions): IterableIterator<IndicatorRow>;
}

/**
 * Options of an accumulator's `rows()`: those of `indicatorRowsFromParts` but the profile (the accumulator's own),
 * with `asOf` optional (default today in China).
 *
 * @example
 * ```ts
 * import type { AccumulatorRowsOptions } from 'shequ';
 * const options: AccumulatorRowsOptions = { groupBy: ['county'], asOf: '2025-12-31' };
 * ```
 */
export interface AccumulatorRowsOptions extends Omit<IndicatorRowsOptions, 'profile' | 'asOf'> {
  /** Date of the progress assessment: a `Date` or `'YYYY-MM-DD'` (default today in China, or the end of `period`). */
  readonly asOf?: AsOfInput;
}

/**
 * Resolves the profile option once: the default is national; an unknown name or a malformed profile is an error (a
 * {@link shequ!ShequError} with an `invalid_option` issue), never a silent fall-back to another profile.
 */
function profileOf(options: unknown): IndicatorProfile {
  let given: unknown;
  try {
    given = options === undefined ? undefined : (options as IndicatorAccumulatorOptions | null)?.profile;
  } catch {
    given = Symbol('unreadable');
  }
  if (options !== undefined && (options === null || typeof options !== 'object'))
    given = Symbol('not options');
  const profile = resolveIndicatorProfile(given === undefined ? 'national' : (given as IndicatorProfileName));
  if (profile !== undefined) return profile;
  const shown = typeof given === 'string' ? given.slice(0, 40) : 'a value that is not a profile';
  throw new ShequError([
    createIssue(
      'invalid_option',
      { zh: `未知的指标方案：${shown}`, en: `Unknown indicator profile: ${shown}` },
      { path: ['profile'] },
    ),
  ]);
}

/** The slot key of a row that is not a unit: its township's, its county's (a district), or TOTAL_ROW, or -1. */
function slotKeyOfRow(row: UnitStatistics | null | undefined): number {
  const kind = row?.kind;
  if (kind === undefined || !Object.hasOwn(CODE_LEVELS_OF_KIND, kind)) return -1;
  const level = divisionLevelIndex(row?.code);
  if (level < 0 || !CODE_LEVELS_OF_KIND[kind].includes(DIVISION_LEVELS[level] as DivisionLevel)) return -1;
  if (unitKindOfTotal(kind) !== undefined) return TOTAL_ROW;
  return slotKeyOfCode(row?.code);
}

function keyToCode(key: number): string {
  return `${String(key).padStart(9, '0')}000`;
}

/**
 * Creates an {@link IndicatorAccumulator}: numerators, denominators and missing counts summed per township in typed
 * arrays, with no allocation per row.
 *
 * @param options - the profile (default national)
 * @returns a new, empty accumulator
 * @throws {@link shequ!ShequError} with an `invalid_option` issue for an unknown profile name or a malformed profile
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
  const totals = createTotalStore(compiled);
  const slots = new Map<number, number>();
  const keys: number[] = [];
  let data = new Float64Array(stride * 256);
  /** A walk of rows() holds `data` as it was: the next write copies it first (copy on write, not a copy per walk). */
  let shared = false;
  const own = () => {
    if (!shared) return;
    data = data.slice();
    shared = false;
  };
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
        shared = false;
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
      const unit = row?.kind === 'community' || row?.kind === 'village';
      const key = unit ? townshipKey(row.code) : slotKeyOfRow(row);
      if (key === TOTAL_ROW) {
        if (!totals.add(row)) {
          skipped++;
          return false;
        }
        count++;
        return true;
      }
      if (key < 0) {
        skipped++;
        return false;
      }
      const offset = slotOf(key) * stride; // first: it may grow (replace) the data array
      own();
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
        const clash = totals.clash(added.totals);
        if (clash !== undefined) return failure([duplicateTotalIssue(clash)]);
        totals.merge(added.totals);
        own();
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
    rows(rowsOptions = {}) {
      const options = unwrap(
        guarded(() => {
          const checked = checkRowsOptions(rowsOptions as IndicatorRowsOptions);
          if (!checked.success) return checked;
          const when = resolvePeriodAndDate(checked.data.period, checked.data.asOf as AsOfInput | undefined);
          if (!when.success) return when;
          return success({ ...rowsOptions, profile, asOf: when.data.asOf, when: when.data });
        }),
      );
      // The sums as they are now: rows of a later add() are not mixed into a walk already under way.
      const given = combinedTotals(totals.parts(), stride);
      const sums = { keys: keys.slice(), data: data.subarray(0, keys.length * stride), stride };
      shared = true;
      const { when, ...rowOptions } = options;
      const withTotals = given === undefined ? sums : { ...sums, totals: given };
      return rowsFromSums(withTotals, rowOptions, indicatorProfileForPeriod(profile, when.period?.id));
    },
    parts() {
      const townships: Record<string, number[]> = {};
      keys.forEach((key, slot) => {
        townships[keyToCode(key)] = Array.from(data.subarray(slot * stride, (slot + 1) * stride));
      });
      const given = totals.parts();
      const parts = { format: PARTS_FORMAT, indicators: compiled.ids, townships, skipped } as const;
      return given === undefined ? parts : { ...parts, totals: given };
    },
  };
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
    const merged = mergeTotals(a.data.totals, b.data.totals);
    if ('clash' in merged) return failure([duplicateTotalIssue(merged.clash, [1])]);
    const parts = { format: PARTS_FORMAT, indicators: ids, townships, skipped } as const;
    return success(merged.totals === undefined ? parts : { ...parts, totals: merged.totals });
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

/**
 * Turns parts into tidy rows: one per (region, indicator) at each requested level, top level first, regions in code
 * order, indicators in profile order — rows whose value is null included. Unit-level rows need the units themselves
 * (see `computeIndicators`); here `unit` in `groupBy` is ignored. The parts are checked first with
 * `parseIndicatorParts` against the profile, since they may come from outside.
 *
 * @param parts - accumulated parts
 * @param options - profile, levels, rounding, names, external denominators, as-of date
 * @returns the rows
 * @throws {@link shequ!ShequError} with the issues when the parts are malformed or hold other indicators than the profile,
 *   or an option is invalid (never another error)
 *
 * @example
 * ```ts
 * import { createIndicatorAccumulator, indicatorRowsFromParts } from 'shequ';
 * const accumulator = createIndicatorAccumulator();
 * accumulator.add({ code: '130123100201', kind: 'village', households: 300, hasFacility: true, facilityArea: 100 });
 * accumulator.add({ code: '130123100202', kind: 'village', households: 200, hasFacility: false });
 * const row = indicatorRowsFromParts(accumulator.parts(), { groupBy: ['county'], asOf: '2025-12-31' })
 *   .find((r) => r.indicator === 'facilityAreaPer100Households');
 * [row?.numerator, row?.denominator, row?.value];
 * //=> [100, 500, 20]
 * ```
 */
export function indicatorRowsFromParts(parts: IndicatorParts, options: IndicatorRowsOptions): IndicatorRow[] {
  return unwrap(
    guarded(() => {
      const checked = checkRowsOptions(options);
      if (!checked.success) return checked;
      const when = resolvePeriodAndDate(checked.data.period, checked.data.asOf as AsOfInput | undefined);
      if (!when.success) return when;
      const profile =
        resolveIndicatorProfile(options.profile) ?? (resolveIndicatorProfile('national') as IndicatorProfile);
      const parsed = parseIndicatorParts(parts, { profile });
      if (!parsed.success) return parsed;
      const seen = indicatorProfileForPeriod(profile, when.data.period?.id);
      return success([
        ...rowsFromSums(sumsFromParts(parsed.data), { ...options, asOf: when.data.asOf }, seen),
      ]);
    }),
  );
}
